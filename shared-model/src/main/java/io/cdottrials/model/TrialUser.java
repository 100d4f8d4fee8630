package io.cdottrials.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The {@code trial_user} envelope of GitLab's trial requests. Fields GitLab adds later
 * are ignored; the applicant's form fields are personal data (see
 * {@link #applicantFields()}), and {@link #toString()} leaves them out so that they never
 * reach a log line.
 *
 * @param namespaceId the namespace the trial is for (required on an application)
 * @param namespace what GitLab knows of the namespace
 * @param trialType the trial type's JSON name; derived by CDot when absent
 * @param addOnName the add-on GitLab means ({@code duo_enterprise},
 * {@code code_suggestions} for Duo Pro)
 * @param gitlabComTrial GitLab.com trial marker, always true from GitLab.com
 * @param syncToGl whether GitLab asks CDot to provision the trial back into GitLab
 * @param glmSource marketing source
 * @param glmContent marketing content
 * @param firstName applicant's first name
 * @param lastName applicant's last name
 * @param workEmail applicant's work email
 * @param companyName applicant's company
 * @param companySize applicant's company size, e.g. {@code 1-99}
 * @param country applicant's country code
 * @param state applicant's state or province code
 * @param phoneNumber applicant's phone number
 * @param setupForCompany whether the applicant sets GitLab up for a company
 * @param preferredLanguage applicant's language
 * @param optIn whether the applicant opted in to e-mail
 * @param productInteraction the form the applicant came from, e.g. {@code duo_pro_trial}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrialUser(
		@JsonProperty("namespace_id") @NotNull(groups = TrialRequest.Application.class) @Positive(groups = {
				jakarta.validation.groups.Default.class, TrialRequest.Application.class }) @Nullable Long namespaceId,
		@JsonProperty("namespace") @Valid @Nullable Namespace namespace,
		@JsonProperty("trial_type") @Size(max = 255) @Nullable String trialType,
		@JsonProperty("add_on_name") @Size(max = 255) @Nullable String addOnName,
		@JsonProperty("gitlab_com_trial") @Nullable Boolean gitlabComTrial,
		@JsonProperty("sync_to_gl") @Nullable Boolean syncToGl,
		@JsonProperty("glm_source") @Size(max = 255) @Nullable String glmSource,
		@JsonProperty("glm_content") @Size(max = 255) @Nullable String glmContent,
		@JsonProperty("first_name") @Size(max = 255) @Nullable String firstName,
		@JsonProperty("last_name") @Size(max = 255) @Nullable String lastName,
		@JsonProperty("work_email") @Size(max = 255) @Nullable String workEmail,
		@JsonProperty("company_name") @Size(max = 255) @Nullable String companyName,
		@JsonProperty("company_size") @Size(max = 255) @Nullable String companySize,
		@JsonProperty("country") @Size(max = 255) @Nullable String country,
		@JsonProperty("state") @Size(max = 255) @Nullable String state,
		@JsonProperty("phone_number") @Size(max = 255) @Nullable String phoneNumber,
		@JsonProperty("setup_for_company") @Nullable Boolean setupForCompany,
		@JsonProperty("preferred_language") @Size(max = 255) @Nullable String preferredLanguage,
		@JsonProperty("opt_in") @Nullable Boolean optIn,
		@JsonProperty("product_interaction") @Size(max = 255) @Nullable String productInteraction){

	/**
	 * A trial user with only the fields GitLab's apply services always send.
	 * @param namespaceId the namespace
	 * @param namespace what GitLab knows of it
	 * @param trialType the trial type's JSON name, or null to let CDot derive it
	 * @param addOnName the add-on, or null
	 * @param glmSource marketing source, or null
	 * @param glmContent marketing content, or null
	 * @return the envelope
	 */
	public static TrialUser of(long namespaceId, @Nullable Namespace namespace, @Nullable String trialType,
			@Nullable String addOnName, @Nullable String glmSource, @Nullable String glmContent) {
		return new TrialUser(namespaceId, namespace, trialType, addOnName, true, true, glmSource, glmContent, null,
				null, null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * The applicant's form fields that were given, by their JSON names: personal data.
	 * @return the given fields in form order
	 */
	public Map<String, Object> applicantFields() {
		Map<String, Object> fields = new LinkedHashMap<>();
		put(fields, "first_name", this.firstName);
		put(fields, "last_name", this.lastName);
		put(fields, "work_email", this.workEmail);
		put(fields, "company_name", this.companyName);
		put(fields, "company_size", this.companySize);
		put(fields, "country", this.country);
		put(fields, "state", this.state);
		put(fields, "phone_number", this.phoneNumber);
		put(fields, "setup_for_company", this.setupForCompany);
		put(fields, "preferred_language", this.preferredLanguage);
		put(fields, "opt_in", this.optIn);
		put(fields, "product_interaction", this.productInteraction);
		return fields;
	}

	private static void put(Map<String, Object> fields, String name, @Nullable Object value) {
		if (value != null) {
			fields.put(name, value);
		}
	}

	@Override
	public String toString() {
		return "TrialUser[namespaceId=" + this.namespaceId + ", trialType=" + this.trialType + ", addOnName="
				+ this.addOnName + ", applicant fields=" + applicantFields().keySet() + "]";
	}

	/**
	 * What GitLab knows of the namespace:
	 * {@code namespace.slice(:id, :name, :path, :kind,
	 * :trial_ends_on)} and its plan's name.
	 *
	 * @param id the namespace id
	 * @param name display name
	 * @param path URL path
	 * @param kind namespace kind; when given it must be {@code group}
	 * @param trialEndsOn GitLab's end of a previous trial, if any
	 * @param plan GitLab's plan name, e.g. {@code free} or {@code premium}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Namespace(@JsonProperty("id") @Positive @Nullable Long id,
			@JsonProperty("name") @Size(max = 255) @Nullable String name,
			@JsonProperty("path") @Size(max = 255) @Nullable String path,
			@JsonProperty("kind") @Pattern(regexp = "group",
					message = "must be 'group': trials are for groups") @Nullable String kind,
			@JsonProperty("trial_ends_on") @Size(max = 64) @Nullable String trialEndsOn,
			@JsonProperty("plan") @Size(max = 255) @Nullable String plan) {

	}

}
