package io.cdottrials.cdot.eligibility;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Why a namespace may or may not start each trial type: for support and for Growth
 * engineers changing rules.
 */
@RestController
@Validated
@Tag(name = "Eligibility")
class ExplainController {

	private final Eligibility eligibility;

	ExplainController(Eligibility eligibility) {
		this.eligibility = eligibility;
	}

	@GetMapping("/api/v1/gitlab/namespaces/{namespaceId}/trials/eligibility/explain")
	@Operation(summary = "Every trial type with each rule's verdict and reason")
	ExplainResponse explain(
			@PathVariable @Positive(message = "must be a positive integer, not ${validatedValue}") long namespaceId) {
		Map<String, TypeExplanation> types = new LinkedHashMap<>();
		this.eligibility.explain(namespaceId)
			.forEach((type, verdicts) -> types.put(type.wireName(),
					new TypeExplanation(verdicts.stream().allMatch(Verdict::passed), verdicts)));
		return new ExplainResponse(namespaceId, types, true);
	}

	/**
	 * The explanation of one namespace.
	 *
	 * @param namespaceId the namespace
	 * @param trialTypes per trial type JSON name, whether it is eligible and why
	 * @param success always {@code true} on a 200
	 */
	record ExplainResponse(@JsonProperty("namespace_id") long namespaceId,
			@JsonProperty("trial_types") Map<String, TypeExplanation> trialTypes,
			@JsonProperty("success") boolean success) {
	}

	/**
	 * One trial type's explanation.
	 *
	 * @param eligible whether every rule passed
	 * @param rules each rule's verdict, in evaluation order
	 */
	record TypeExplanation(@JsonProperty("eligible") boolean eligible, @JsonProperty("rules") List<Verdict> rules) {
	}

}
