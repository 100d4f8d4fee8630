package io.cdottrials.cdot.eligibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cdottrials.model.EligibilityRequest;
import io.cdottrials.model.EligibilityResponse;
import io.cdottrials.model.TrialType;
import io.cdottrials.web.NamespaceIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GitLab's bulk eligibility question.
 */
@RestController
@RequestMapping(EligibilityController.PATH)
@Tag(name = "Eligibility", description = "Which trials namespaces may start (Growth)")
class EligibilityController {

	static final String PATH = "/api/v1/gitlab/namespaces/trials/eligibility";

	/** The wording GitLab's subscription portal client has always been answered with. */
	private static final NamespaceIds namespaceIds = new NamespaceIds(new NamespaceIds.Wording() {

		@Override
		public String emptyValue() {
			return "namespace_ids contains an empty value";
		}

		@Override
		public String nullValue() {
			return "namespace_ids must not contain null";
		}

		@Override
		public String notAnInteger(String value) {
			return "namespace_ids value " + value + " is not an integer";
		}

		@Override
		public String notPositive(String value) {
			return "namespace_ids value " + value + " is not a positive integer";
		}

	});

	private final Eligibility eligibility;

	EligibilityController(Eligibility eligibility) {
		this.eligibility = eligibility;
	}

	@GetMapping
	@Operation(summary = "Eligible trial types of up to 1000 namespaces",
			description = "Ids as namespace_ids[]=1&namespace_ids[]=2, namespace_ids=1,2 or repeated namespace_ids=")
	EligibilityResponse get(
			@Parameter(description = "namespace ids, bracketed form") @RequestParam(name = "namespace_ids[]",
					required = false) @Nullable String[] bracketed,
			@Parameter(description = "namespace ids, comma-separated or repeated") @RequestParam(name = "namespace_ids",
					required = false) @Nullable String[] plain) {
		List<String> values = new ArrayList<>();
		for (String[] given : Arrays.asList(bracketed, plain)) {
			values.addAll((given != null) ? Arrays.asList(given) : List.of());
		}
		return answer(namespaceIds.fromQuery(values));
	}

	@PostMapping
	@Operation(summary = "Eligible trial types of up to 1000 namespaces, for long lists")
	EligibilityResponse post(@RequestBody(required = false) @Nullable EligibilityRequest request) {
		return answer(namespaceIds.fromValues((request != null) ? request.namespaceIds() : null));
	}

	private EligibilityResponse answer(Set<Long> ids) {
		Map<Long, List<TrialType>> eligible = this.eligibility.eligibleTypes(ids);
		Map<String, List<String>> namespaces = new LinkedHashMap<>((int) (eligible.size() / 0.75f) + 1);
		eligible.forEach((id, types) -> namespaces.put(id.toString(), wireNames(types)));
		return new EligibilityResponse(namespaces);
	}

	private static List<String> wireNames(List<TrialType> types) {
		String[] names = new String[types.size()];
		for (int i = 0; i < names.length; i++) {
			names[i] = types.get(i).wireName();
		}
		return List.of(names);
	}

}
