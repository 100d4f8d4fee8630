package io.cdottrials.cdot.experiments;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cdottrials.model.TrialType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExperimentAssignmentTests {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	private static final List<Variant> THIRTY_SIXTY = List.of(new Variant("thirty_days", 30, List.of()),
			new Variant("sixty_days", 60, List.of()));

	@Test
	void halfTheNamespacesAreInAFiftyPercentRolloutSplitEvenlyOverTheVariants() {
		Experiment experiment = experiment("ultimate_60_days", 50);
		Map<String, Integer> counts = new HashMap<>();
		int namespaces = 20_000;
		for (long id = 1; id <= namespaces; id++) {
			Variant variant = experiment.variantOf(id);
			counts.merge((variant != null) ? variant.name() : "outside", 1, Integer::sum);
		}

		assertThat(counts.get("outside") / (double) namespaces).isCloseTo(0.50, within(0.02));
		assertThat(counts.get("thirty_days") / (double) namespaces).isCloseTo(0.25, within(0.02));
		assertThat(counts.get("sixty_days") / (double) namespaces).isCloseTo(0.25, within(0.02));
	}

	@Test
	void aNamespacesVariantIsTheSameOnEveryCallAndEveryInstance() {
		for (long id = 1; id <= 500; id++) {
			Variant first = experiment("ultimate_60_days", 50).variantOf(id);
			Variant second = experiment("ultimate_60_days", 50).variantOf(id);
			assertThat(second).isEqualTo(first);
		}
	}

	@Test
	void widerRolloutKeepsEveryNamespaceAlreadyInTheExperiment() {
		Experiment narrow = experiment("ultimate_60_days", 10);
		Experiment wide = experiment("ultimate_60_days", 100);
		for (long id = 1; id <= 2000; id++) {
			if (narrow.variantOf(id) != null) {
				assertThat(wide.variantOf(id)).isNotNull();
			}
		}
		assertThat(java.util.stream.LongStream.rangeClosed(1, 2000).filter((id) -> wide.variantOf(id) == null))
			.isEmpty();
	}

	@Test
	void anotherKeySplitsTheNamespacesIndependently() {
		long same = java.util.stream.LongStream.rangeClosed(1, 10_000)
			.filter((id) -> Buckets.of("a", id) / 5000 == Buckets.of("b", id) / 5000)
			.count();

		assertThat(same / 10_000.0).isCloseTo(0.5, within(0.03));
	}

	@Test
	void anExperimentCoversItsFamilyOnlyWithinItsWindow() {
		Experiment experiment = experiment("ultimate_60_days", 50);

		assertThat(experiment.covers(TrialType.ULTIMATE_WITH_DAP, NOW)).isTrue();
		assertThat(experiment.covers(TrialType.ULTIMATE_WITH_GITLAB_DUO_ENTERPRISE, NOW)).isTrue();
		assertThat(experiment.covers(TrialType.GITLAB_DUO_PRO, NOW)).isFalse();
		assertThat(experiment.covers(TrialType.ULTIMATE_WITH_DAP, NOW.plusSeconds(86_400))).isFalse();
		assertThat(experiment.covers(TrialType.ULTIMATE_WITH_DAP, NOW.minusSeconds(3601))).isFalse();
	}

	private static Experiment experiment(String key, int rollout) {
		return new Experiment(key, null, "ultimate_free", THIRTY_SIXTY, rollout, NOW.minusSeconds(3600),
				NOW.plusSeconds(86_400), NOW, "test");
	}

}
