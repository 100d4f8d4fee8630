package io.cdottrials.cdot.trials;

import java.util.Set;
import java.util.function.LongFunction;

import io.cdottrials.cdot.eligibility.Eligibility;
import io.cdottrials.web.ApiException;
import io.cdottrials.model.TrialRequest;
import io.cdottrials.model.TrialResponse;
import io.cdottrials.model.TrialType;
import io.cdottrials.model.TrialUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trial paths GitLab's subscription portal client calls today ({@code
 * Gitlab::SubscriptionPortal::Clients::Rest#generate_trial} and
 * {@code #generate_addon_trial}), on the same implementation as {@code POST
 * /api/v1/gitlab/namespaces/{id}/trials}.
 */
@RestController
@Tag(name = "Trials")
class GitlabTrialController {

	private final Trials trials;

	private final Eligibility eligibility;

	private final Validator validator;

	GitlabTrialController(Trials trials, Eligibility eligibility, Validator validator) {
		this.trials = trials;
		this.eligibility = eligibility;
		this.validator = validator;
	}

	@PostMapping("/trials")
	@Operation(summary = "Start an ultimate trial the way GitLab's ApplyTrialService asks",
			description = "Body {\"uid\": 42, \"trial_user\": {\"namespace_id\": 1001, ...}}. trial_type, when "
					+ "absent, follows the namespace's paid tier and the ultimate_trial_with_dap flag. "
					+ "A body without the top-level uid is GitLab's lead submission: acknowledged, nothing kept.")
	@ApiResponses({
			@ApiResponse(responseCode = "201", description = "the trial started",
					content = @Content(schema = @Schema(implementation = TrialResponse.class))),
			@ApiResponse(responseCode = "200", description = "a lead submission, acknowledged",
					content = @Content(schema = @Schema(implementation = LeadReceived.class))),
			@ApiResponse(responseCode = "422", description = "not eligible; errors are shown to the GitLab user"),
			@ApiResponse(responseCode = "400", description = "malformed request") })
	ResponseEntity<?> trial(@Valid @RequestBody TrialRequest request) {
		return answer(GitlabTrialTypes.Path.TRIALS, request);
	}

	@PostMapping("/trials/create_addon")
	@Operation(summary = "Start an add-on trial the way GitLab's ApplyDuoProService / ApplyDuoEnterpriseService ask",
			description = "Same envelope as POST /trials. trial_type, when absent, follows add_on_name: "
					+ "duo_enterprise is gitlab_duo_enterprise, none or code_suggestions is gitlab_duo_pro.")
	@ApiResponses({
			@ApiResponse(responseCode = "201", description = "the trial started",
					content = @Content(schema = @Schema(implementation = TrialResponse.class))),
			@ApiResponse(responseCode = "200", description = "a lead submission, acknowledged",
					content = @Content(schema = @Schema(implementation = LeadReceived.class))),
			@ApiResponse(responseCode = "422", description = "not eligible; errors are shown to the GitLab user"),
			@ApiResponse(responseCode = "400", description = "malformed request") })
	ResponseEntity<?> addOnTrial(@Valid @RequestBody TrialRequest request) {
		return answer(GitlabTrialTypes.Path.CREATE_ADDON, request);
	}

	private ResponseEntity<?> answer(GitlabTrialTypes.Path path, TrialRequest request) {
		if (!request.isApplication()) {
			// GitLab's CreateLeadService / CreateAddOnLeadService: CDot's CRM leads are
			// not
			// this product's, and personal data it does not use is not kept
			return ResponseEntity.ok(new LeadReceived(true));
		}
		Set<ConstraintViolation<TrialRequest>> violations = this.validator.validate(request,
				TrialRequest.Application.class);
		if (!violations.isEmpty()) {
			// named as GitLab sends them (trial_user.namespace_id), like the @Valid
			// errors
			throw new ApiException(HttpStatus.BAD_REQUEST, violations.stream()
				.map((violation) -> jsonPath(violation.getPropertyPath().toString()) + " " + violation.getMessage())
				.sorted()
				.toList());
		}
		TrialUser user = request.trialUser();
		LongFunction<TrialType> typeOf = GitlabTrialTypes.of(path, user, this.eligibility);
		TrialUser.Namespace namespace = user.namespace();
		Applicant applicant = new Applicant(request.uid(), (namespace != null) ? namespace.name() : null,
				(namespace != null) ? namespace.path() : null, user.glmSource(), user.glmContent(),
				user.applicantFields());
		try {
			TrialResponse.Trial trial = this.trials.apply(user.namespaceId(), typeOf, applicant);
			return ResponseEntity.status(HttpStatus.CREATED).body(new TrialResponse(trial, true));
		}
		catch (NotEligibleException ex) {
			throw ex.forGitlabUsers();
		}
	}

	private static String jsonPath(String javaPath) {
		return javaPath.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * The answer to a lead submission.
	 *
	 * @param success always true: GitLab goes on to the trial
	 */
	record LeadReceived(boolean success) {
	}

}
