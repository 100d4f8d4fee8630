package io.cdottrials.cdot.trials;

import java.util.List;
import java.util.Map;

import io.cdottrials.cdot.eligibility.Verdict;
import io.cdottrials.web.ApiException;
import io.cdottrials.model.TrialType;

import org.springframework.http.HttpStatus;

/**
 * The namespace may not start the trial: 422 naming every failing rule.
 */
class NotEligibleException extends ApiException {

	NotEligibleException(long namespaceId, TrialType type, List<Verdict> failed) {
		super(HttpStatus.UNPROCESSABLE_CONTENT,
				failed.stream().map((verdict) -> verdict.rule() + ": " + verdict.reason()).toList(),
				Map.of("failed_rules",
						failed.stream()
							.map((verdict) -> Map.of("rule", verdict.rule(), "reason", verdict.reason()))
							.toList(),
						"namespace_id", namespaceId, "trial_type", type.wireName()));
	}

}
