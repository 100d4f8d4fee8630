package io.cdottrials.cdot.trials;

import java.util.Arrays;
import java.util.List;

import io.cdottrials.web.ApiException;
import io.cdottrials.model.TrialApplication;
import io.cdottrials.model.TrialResponse;
import io.cdottrials.model.TrialType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * GitLab applies for a trial on a namespace. What a well-formed application is, is said
 * by the constraints on {@link TrialApplication}; the path's id is checked by method
 * validation ({@code @Validated}: its violations are answered like the body's).
 */
@RestController
@Validated
@Tag(name = "Trials", description = "Applying for trials (Growth)")
class TrialController {

	private final Trials trials;

	private final TrialMetrics metrics;

	TrialController(Trials trials, TrialMetrics metrics) {
		this.trials = trials;
		this.metrics = metrics;
	}

	// runs after Bean Validation on the body: a malformed application is still counted
	@InitBinder("trialApplication")
	void countInvalidApplications(WebDataBinder binder) {
		binder.addValidators(new Validator() {

			@Override
			public boolean supports(Class<?> type) {
				return TrialApplication.class.isAssignableFrom(type);
			}

			@Override
			public void validate(Object target, Errors errors) {
				if (errors.hasErrors()) {
					countInvalid((TrialApplication) target);
				}
			}

		});
	}

	@PostMapping("/api/v1/gitlab/namespaces/{namespaceId}/trials")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start a trial; 422 with the failing rules when the namespace is not eligible")
	TrialResponse apply(
			@PathVariable @Positive(message = "must be a positive integer, not ${validatedValue}") long namespaceId,
			@RequestBody(required = false) @Valid @Nullable TrialApplication application) {
		if (application == null) {
			countInvalid(null);
			throw new InvalidApplication("trial_type is required");
		}
		TrialType type = trialType(application);
		TrialApplication.NamespaceDetails namespace = application.namespace();
		Applicant applicant = new Applicant(application.uid(), (namespace != null) ? namespace.name() : null,
				(namespace != null) ? namespace.path() : null, application.glmSource(), application.glmContent());
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

	private TrialType trialType(TrialApplication application) {
		String name = application.trialType();
		return TrialType.fromWireName(name).orElseThrow(() -> {
			countInvalid(application);
			return new InvalidApplication("trial_type '" + abbreviate(name) + "' is not a trial type; known: "
					+ Arrays.stream(TrialType.values()).map(TrialType::wireName).toList());
		});
	}

	private void countInvalid(@Nullable TrialApplication application) {
		this.metrics.applied((application != null && application.trialType() != null) ? "unknown" : "missing",
				"invalid");
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "..." : text;
	}

	/** A malformed application: 400. */
	static final class InvalidApplication extends ApiException {

		InvalidApplication(String error) {
			super(HttpStatus.BAD_REQUEST, List.of(error));
		}

	}

}
