package io.cdottrials.cdot.trials;

import java.util.LinkedHashMap;
import java.util.Map;

import io.cdottrials.cdot.experiments.Experiments;
import io.cdottrials.model.TrialType;
import io.cdottrials.model.TrialTypeDetails;
import io.cdottrials.model.TrialTypesResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.cdottrials.web.ApiException;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * How long each trial type lasts, and scheduled changes.
 */
@RestController
@Tag(name = "Trials")
class TrialTypesController {

	private final TrialDurations durations;

	private final Experiments experiments;

	TrialTypesController(TrialDurations durations, Experiments experiments) {
		this.durations = durations;
		this.experiments = experiments;
	}

	@GetMapping("/api/v1/gitlab/namespaces/trials/trial_types")
	@Operation(summary = "Every trial type with duration_days, next_duration_days and next_active_time",
			description = "With namespace_id, duration_days is what that namespace gets now, "
					+ "its experiment variant's duration when one applies.")
	TrialTypesResponse trialTypes(@RequestParam(name = "namespace_id", required = false) @Nullable Long namespaceId) {
		if (namespaceId != null && namespaceId <= 0) {
			throw ApiException.badRequest("namespace_id must be a positive integer, not " + namespaceId);
		}
		Map<String, TrialTypeDetails> types = new LinkedHashMap<>();
		for (TrialType type : TrialType.values()) {
			TrialTypeDetails details = this.durations.details(type);
			if (namespaceId != null) {
				int days = this.experiments.assign(namespaceId, type)
					.map((assignment) -> assignment.durationDays())
					.orElseGet(() -> this.durations.daysNow(type));
				details = new TrialTypeDetails(days, details.nextDurationDays(), details.nextActiveTime());
			}
			types.put(type.wireName(), details);
		}
		return new TrialTypesResponse(types, true);
	}

}
