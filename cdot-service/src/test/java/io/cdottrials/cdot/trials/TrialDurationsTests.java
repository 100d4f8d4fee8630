package io.cdottrials.cdot.trials;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.cdottrials.model.TrialType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TrialDurationsTests {

	private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");

	@Test
	void specDefaultsApplyToTypesNotConfigured() {
		TrialDurations durations = durations(Map.of());

		assertThat(durations.daysNow(TrialType.ULTIMATE_WITH_DAP)).isEqualTo(30);
		assertThat(durations.daysNow(TrialType.GITLAB_DUO_ENTERPRISE)).isEqualTo(60);
	}

	@Test
	void aScheduledChangeTakesOverAtItsTime() {
		TrialDurations before = durations(
				Map.of("gitlab_duo_pro", new TrialsProperties.DurationProperties(60, 30, NOW.plusSeconds(1))));
		TrialDurations after = durations(
				Map.of("gitlab_duo_pro", new TrialsProperties.DurationProperties(60, 30, NOW)));

		assertThat(before.daysNow(TrialType.GITLAB_DUO_PRO)).isEqualTo(60);
		assertThat(after.daysNow(TrialType.GITLAB_DUO_PRO)).isEqualTo(30);
	}

	@Test
	void aMisspeltTypeStopsTheService() {
		assertThatIllegalStateException()
			.isThrownBy(
					() -> durations(Map.of("gitlab_duo_pr", new TrialsProperties.DurationProperties(10, null, null))))
			.withMessageContaining("cdot.trials.durations.gitlab_duo_pr names no trial type");
	}

	@Test
	void aNonPositiveDurationStopsTheService() {
		assertThatIllegalStateException().isThrownBy(
				() -> durations(Map.of("ultimate_with_dap", new TrialsProperties.DurationProperties(0, null, null))))
			.withMessageContaining("must be between 1 and 366");
	}

	private static TrialDurations durations(Map<String, TrialsProperties.DurationProperties> configured) {
		return new TrialDurations(new TrialsProperties(configured, "0 5 0 * * *", "0 15 0 * * *",
				java.time.Duration.ofDays(90), java.time.Duration.ofDays(30)), Clock.fixed(NOW, ZoneOffset.UTC));
	}

}
