package io.cdottrials.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/gitlab/namespaces/{id}/trials}: GitLab asks CDot to start a
 * trial on a namespace.
 *
 * @param trialType the trial type's JSON name (required)
 * @param uid the GitLab user id applying (required)
 * @param namespace what GitLab knows of the namespace (optional)
 * @param glmSource marketing source (optional)
 * @param glmContent marketing content (optional)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialApplication(@JsonProperty("trial_type") @Nullable String trialType,
		@JsonProperty("uid") @Nullable Long uid, @JsonProperty("namespace") @Nullable NamespaceDetails namespace,
		@JsonProperty("glm_source") @Nullable String glmSource,
		@JsonProperty("glm_content") @Nullable String glmContent) {

	/**
	 * What GitLab knows of the namespace a trial is applied to.
	 *
	 * @param name display name
	 * @param path URL path
	 * @param kind namespace kind; when given it must be {@code group}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NamespaceDetails(@JsonProperty("name") @Nullable String name,
			@JsonProperty("path") @Nullable String path, @JsonProperty("kind") @Nullable String kind) {
	}

}
