package io.cdottrials.cdot.trials;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.cdottrials.model.TrialType;
import io.cdottrials.model.TrialTypeDetails;

import org.springframework.stereotype.Component;

/**
 * How long each trial type lasts (SPEC section 4 defaults, overridable per type, with an
 * optional scheduled change). A misspelt type or a non-positive duration stops the
 * service at start rather than silently using a default.
 */
@Component
class TrialDurations {

	private final Map<TrialType, TrialsProperties.DurationProperties> configured = new EnumMap<>(TrialType.class);

	private final Clock clock;

	TrialDurations(TrialsProperties properties, Clock clock) {
		this.clock = clock;
		properties.durations().forEach((name, duration) -> {
			TrialType type = TrialType.fromWireName(name)
				.orElseThrow(() -> new IllegalStateException("cdot.trials.durations." + name
						+ " names no trial type; known: " + List.of(TrialType.values())));
			check(name, "days", duration.days());
			check(name, "next-duration-days", duration.nextDurationDays());
			if ((duration.nextDurationDays() == null) != (duration.nextActiveTime() == null)) {
				throw new IllegalStateException(
						"cdot.trials.durations." + name + ": next-duration-days and next-active-time go together");
			}
			this.configured.put(type, duration);
		});
	}

	/**
	 * Days a trial of this type started now lasts.
	 * @param type the trial type
	 * @return the number of days
	 */
	int daysNow(TrialType type) {
		TrialTypeDetails details = details(type);
		Instant next = details.nextActiveTime();
		if (next != null && details.nextDurationDays() != null && !Instant.now(this.clock).isBefore(next)) {
			return details.nextDurationDays();
		}
		return details.durationDays();
	}

	TrialTypeDetails details(TrialType type) {
		TrialsProperties.DurationProperties duration = this.configured.get(type);
		int days = (duration != null && duration.days() != null) ? duration.days() : defaultDays(type);
		if (duration == null) {
			return new TrialTypeDetails(days, null, null);
		}
		return new TrialTypeDetails(days, duration.nextDurationDays(), duration.nextActiveTime());
	}

	static int defaultDays(TrialType type) {
		return type.family().ultimate() ? 30 : 60;
	}

	private static void check(String name, String key, Integer days) {
		if (days != null && (days < 1 || days > 366)) {
			throw new IllegalStateException(
					"cdot.trials.durations." + name + "." + key + " must be between 1 and 366, not " + days);
		}
	}

}
