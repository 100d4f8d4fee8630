package io.cdottrials.cdot.trials;

import java.util.LinkedHashMap;
import java.util.Map;

import io.cdottrials.model.TrialType;
import io.cdottrials.model.TrialTypeDetails;
import io.cdottrials.model.TrialTypesResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How long each trial type lasts, and scheduled changes.
 */
@RestController
@Tag(name = "Trials")
class TrialTypesController {

	private final TrialDurations durations;

	TrialTypesController(TrialDurations durations) {
		this.durations = durations;
	}

	@GetMapping("/api/v1/gitlab/namespaces/trials/trial_types")
	@Operation(summary = "Every trial type with duration_days, next_duration_days and next_active_time")
	TrialTypesResponse trialTypes() {
		Map<String, TrialTypeDetails> types = new LinkedHashMap<>();
		for (TrialType type : TrialType.values()) {
			types.put(type.wireName(), this.durations.details(type));
		}
		return new TrialTypesResponse(types, true);
	}

}
