package io.cdottrials.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/gitlab/namespaces/{id}/trials}: GitLab asks CDot to start a
 * trial on a namespace. The constraint messages are the {@code errors} CDot answers a bad
 * application with, after the field's JSON name.
 *
 * @param trialType the trial type's JSON name (required)
 * @param uid the GitLab user id applying (required)
 * @param namespace what GitLab knows of the namespace (optional)
 * @param glmSource marketing source (optional)
 * @param glmContent marketing content (optional)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialApplication(
		@JsonProperty("trial_type") @NotBlank(message = "is required") @Nullable String trialType,
		@JsonProperty("uid") @NotNull(message = "is required: the GitLab user id applying") @Positive(
				message = "must be a positive integer, not ${validatedValue}") @Nullable Long uid,
		@JsonProperty("namespace") @Valid @Nullable NamespaceDetails namespace,
		@JsonProperty("glm_source") @Size(max = MAX_TEXT, message = TOO_LONG) @Nullable String glmSource,
		@JsonProperty("glm_content") @Size(max = MAX_TEXT, message = TOO_LONG) @Nullable String glmContent) {

	/** The longest text field GitLab may send. */
	public static final int MAX_TEXT = 255;

	private static final String TOO_LONG = "must be at most {max} characters";

	/**
	 * What GitLab knows of the namespace a trial is applied to.
	 *
	 * @param name display name
	 * @param path URL path
	 * @param kind namespace kind; when given it must be {@code group}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NamespaceDetails(
			@JsonProperty("name") @Size(max = MAX_TEXT, message = TOO_LONG) @Nullable String name,
			@JsonProperty("path") @Size(max = MAX_TEXT, message = TOO_LONG) @Nullable String path,
			@JsonProperty("kind") @Pattern(regexp = "group",
					message = "must be 'group': trials are for groups") @Nullable String kind) {
	}

}
