package io.cdottrials.cdot.trials;

import java.util.Arrays;

import io.cdottrials.web.ApiException;
import io.cdottrials.model.TrialApplication;
import io.cdottrials.model.TrialResponse;
import io.cdottrials.model.TrialType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * GitLab applies for a trial on a namespace.
 */
@RestController
@Tag(name = "Trials", description = "Applying for trials (Growth)")
class TrialController {

	private static final int MAX_TEXT = 255;

	private final Trials trials;

	private final TrialMetrics metrics;

	TrialController(Trials trials, TrialMetrics metrics) {
		this.trials = trials;
		this.metrics = metrics;
	}

	@PostMapping("/api/v1/gitlab/namespaces/{namespaceId}/trials")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start a trial; 422 with the failing rules when the namespace is not eligible")
	TrialResponse apply(@PathVariable long namespaceId,
			@RequestBody(required = false) @Nullable TrialApplication body) {
		TrialType type;
		Applicant applicant;
		try {
			type = trialType(body);
			applicant = applicant(namespaceId, body);
		}
		catch (InvalidApplication ex) {
			this.metrics.applied((body != null && body.trialType() != null) ? "unknown" : "missing", "invalid");
			throw ex;
		}
		try {
			return new TrialResponse(this.trials.apply(namespaceId, type, applicant), true);
		}
		catch (ApiException ex) {
			// an answer to the client (not eligible), counted by Trials
			throw ex;
		}
		catch (RuntimeException ex) {
			// the datastore or a bug: what the trial apply error ratio alert counts
			this.metrics.applied(type, TrialMetrics.FAILED);
			throw ex;
		}
	}

	private static TrialType trialType(@Nullable TrialApplication body) {
		if (body == null || body.trialType() == null || body.trialType().isBlank()) {
			throw new InvalidApplication("trial_type is required");
		}
		String name = body.trialType();
		return TrialType.fromWireName(name)
			.orElseThrow(
					() -> new InvalidApplication("trial_type '" + abbreviate(name) + "' is not a trial type; known: "
							+ Arrays.stream(TrialType.values()).map(TrialType::wireName).toList()));
	}

	private static Applicant applicant(long namespaceId, @Nullable TrialApplication body) {
		if (namespaceId <= 0) {
			throw new InvalidApplication("namespace id must be a positive integer, not " + namespaceId);
		}
		if (body == null || body.uid() == null) {
			throw new InvalidApplication("uid is required: the GitLab user id applying");
		}
		if (body.uid() <= 0) {
			throw new InvalidApplication("uid must be a positive integer, not " + body.uid());
		}
		TrialApplication.NamespaceDetails namespace = body.namespace();
		if (namespace != null && namespace.kind() != null && !namespace.kind().equals("group")) {
			throw new InvalidApplication("namespace.kind must be 'group': trials are for groups, not '"
					+ abbreviate(namespace.kind()) + "' namespaces");
		}
		return new Applicant(body.uid(), text("namespace.name", (namespace != null) ? namespace.name() : null),
				text("namespace.path", (namespace != null) ? namespace.path() : null),
				text("glm_source", body.glmSource()), text("glm_content", body.glmContent()));
	}

	private static @Nullable String text(String field, @Nullable String value) {
		if (value != null && value.length() > MAX_TEXT) {
			throw new InvalidApplication(field + " must be at most " + MAX_TEXT + " characters");
		}
		return value;
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "..." : text;
	}

	/** A malformed application: 400. */
	static final class InvalidApplication extends ApiException {

		InvalidApplication(String error) {
			super(HttpStatus.BAD_REQUEST, java.util.List.of(error));
		}

	}

}
