package io.cdottrials.gitlab.service;

import java.util.ArrayList;
import java.util.List;

import io.cdottrials.gitlab.client.TrialEligibilityClient;
import io.cdottrials.model.TrialApplication;
import io.cdottrials.model.TrialResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.cdottrials.web.ApiException;
import io.cdottrials.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Trial applications, relayed to CDot; the namespace's cached answer is dropped after.
 */
@RestController
@Tag(name = "Trials")
class TrialsController {

	private final TrialEligibilityClient client;

	private final JsonMapper jsonMapper;

	TrialsController(TrialEligibilityClient client, JsonMapper jsonMapper) {
		this.client = client;
		this.jsonMapper = jsonMapper;
	}

	@PostMapping(path = "/api/v1/namespaces/{namespace_id}/trials", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Start a trial on a namespace",
			description = "Relays CDot's answer: 201 with the trial, 422 when not eligible, 400 for a bad application; 503 when CDot cannot be reached.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = TrialApplication.class))))
	ResponseEntity<TrialResponse> apply(@PathVariable("namespace_id") long namespaceId,
			@Parameter(hidden = true) HttpServletRequest request) {
		TrialApplication application = parse(RequestBodies.read(request));
		List<String> errors = new ArrayList<>();
		if (namespaceId <= 0) {
			errors.add("namespace_id must be a positive integer");
		}
		if (application.trialType() == null || application.trialType().isBlank()) {
			errors.add("trial_type is required");
		}
		if (application.uid() == null) {
			errors.add("uid is required");
		}
		else if (application.uid() <= 0) {
			errors.add("uid must be a positive integer");
		}
		if (!errors.isEmpty()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, errors);
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(this.client.applyTrial(namespaceId, application));
	}

	private TrialApplication parse(byte[] body) {
		try {
			TrialApplication application = this.jsonMapper.readValue(body, TrialApplication.class);
			if (application == null) {
				throw ApiException.badRequest("the body must be a JSON object");
			}
			return application;
		}
		catch (DatabindException ex) {
			String field = ex.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: Integer.toString(reference.getIndex()))
				.reduce((parent, child) -> parent + "." + child)
				.orElse("");
			throw ApiException
				.badRequest(field.isEmpty() ? "the body must be a JSON object" : "'" + field + "' has the wrong type");
		}
		catch (JacksonException ex) {
			throw ApiException.badRequest("the body is not valid JSON");
		}
	}

}
