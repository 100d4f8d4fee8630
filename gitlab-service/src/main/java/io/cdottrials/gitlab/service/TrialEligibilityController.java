package io.cdottrials.gitlab.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.cdottrials.gitlab.client.EligibilityAnswer;
import io.cdottrials.gitlab.client.InvalidationSource;
import io.cdottrials.gitlab.client.TrialEligibilityClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.cdottrials.web.ApiException;
import io.cdottrials.web.NamespaceIds;
import io.cdottrials.web.RequestBodies;
import io.cdottrials.web.RequestSli;
import jakarta.validation.constraints.Positive;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Trial eligibility of namespaces, for GitLab UI backends, and its invalidation by
 * operators.
 */
@RestController
@RequestMapping(TrialEligibilityController.PATH)
@Tag(name = "Trial eligibility")
class TrialEligibilityController {

	static final String PATH = "/api/v1/trial_eligibility";

	private final TrialEligibilityClient client;

	private final JsonMapper jsonMapper;

	private final NamespaceIds namespaceIds;

	TrialEligibilityController(TrialEligibilityClient client, JsonMapper jsonMapper, NamespaceIds namespaceIds) {
		this.client = client;
		this.jsonMapper = jsonMapper;
		this.namespaceIds = namespaceIds;
	}

	@GetMapping
	@Operation(summary = "Trial types each namespace may start",
			description = "Accepts namespace_ids=1,2, repeated namespace_ids= and namespace_ids[]=; at most 1000 distinct ids.",
			parameters = @Parameter(name = NamespaceIds.PARAMETER, in = ParameterIn.QUERY, required = true,
					array = @ArraySchema(schema = @Schema(type = "integer", format = "int64", minimum = "1"))))
	TrialEligibilityResponse get(@Parameter(hidden = true) HttpServletRequest request) {
		List<String> values = new ArrayList<>();
		values.addAll(parameter(request, NamespaceIds.PARAMETER));
		values.addAll(parameter(request, NamespaceIds.PARAMETER + "[]"));
		return answer(this.namespaceIds.fromQuery(values), request);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Trial types each namespace may start, for long lists",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = TrialEligibilityRequest.class))))
	TrialEligibilityResponse post(@Parameter(hidden = true) HttpServletRequest request) {
		JsonNode body;
		try {
			body = this.jsonMapper.readTree(RequestBodies.read(request));
		}
		catch (JacksonException ex) {
			throw ApiException.badRequest("the body is not valid JSON");
		}
		return answer(this.namespaceIds.fromJson(body), request);
	}

	@DeleteMapping("/{namespace_id}")
	@Operation(summary = "Drop a namespace's cached answer (operators)",
			security = @SecurityRequirement(name = OpenApiConfiguration.ADMIN_TOKEN))
	ResponseEntity<Void> invalidate(
			@PathVariable("namespace_id") @Positive(message = "must be a positive integer") long namespaceId) {
		this.client.invalidate(List.of(namespaceId), InvalidationSource.ADMIN);
		return ResponseEntity.noContent().build();
	}

	private TrialEligibilityResponse answer(Set<Long> namespaceIds, HttpServletRequest request) {
		EligibilityAnswer answer = this.client.eligibility(List.copyOf(namespaceIds));
		if (answer.degraded()) {
			RequestSli.markDegraded(request);
		}
		return TrialEligibilityResponse.of(answer);
	}

	private static List<String> parameter(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return (values != null) ? Arrays.asList(values) : List.of();
	}

}
