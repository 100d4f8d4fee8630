package io.cdottrials.cdot.eligibility;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cdottrials.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators see and switch the apply-time rules at runtime, for every replica.
 */
@RestController
@Tag(name = "Admin")
class ApplicantRuleController {

	private final ApplicantRules rules;

	ApplicantRuleController(ApplicantRules rules) {
		this.rules = rules;
	}

	@GetMapping("/api/v1/admin/trials/applicant-rules")
	@Operation(summary = "Every apply-time rule and whether it is on")
	List<RuleState> all() {
		return this.rules.states().stream().map((state) -> new RuleState(state.rule(), state.passed())).toList();
	}

	@PutMapping("/api/v1/admin/trials/applicant-rules/{rule}")
	@Operation(summary = "Switch one apply-time rule on or off")
	RuleState set(@PathVariable String rule, @RequestBody(required = false) @Nullable Switch body) {
		if (body == null || body.enabled() == null) {
			throw ApiException.badRequest("enabled is required: {\"enabled\": true} or {\"enabled\": false}");
		}
		if (!this.rules.set(rule, body.enabled())) {
			throw ApiException.notFound("no apply-time rule '" + ((rule.length() > 64) ? rule.substring(0, 64) : rule)
					+ "'; known: " + all().stream().map(RuleState::rule).toList());
		}
		return new RuleState(rule, body.enabled());
	}

	/**
	 * A rule's state.
	 *
	 * @param rule its name
	 * @param enabled whether it applies
	 */
	record RuleState(@JsonProperty("rule") String rule, @JsonProperty("enabled") boolean enabled) {
	}

	/**
	 * The requested state.
	 *
	 * @param enabled on or off
	 */
	record Switch(@JsonProperty("enabled") @Nullable Boolean enabled) {
	}

}
