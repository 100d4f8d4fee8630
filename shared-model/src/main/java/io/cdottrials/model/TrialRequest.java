package io.cdottrials.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /trials} and {@code POST /trials/create_addon}, the way GitLab's
 * subscription portal client sends it ({@code Gitlab::SubscriptionPortal::Clients::Rest
 * #generate_trial} and {@code #generate_addon_trial}): the applying user's id and a
 * {@code trial_user} envelope. GitLab's lead submissions use the same paths and envelope
 * without the top-level {@code uid}.
 *
 * @param uid the GitLab user id applying; absent on a lead submission
 * @param trialUser the namespace, the trial and the applicant's form fields
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrialRequest(@JsonProperty("uid") @Positive @Nullable Long uid,
		@JsonProperty("trial_user") @NotNull @Valid @Nullable TrialUser trialUser) {

	/**
	 * Bean Validation group of what a trial application needs beyond a lead submission.
	 */
	public interface Application {

	}

	/**
	 * Whether this is a trial application rather than a lead submission: GitLab's trial
	 * services send the user id beside the envelope, its lead services only inside it.
	 * @return true when the top-level {@code uid} is present
	 */
	@JsonIgnore
	public boolean isApplication() {
		return this.uid != null;
	}

}
