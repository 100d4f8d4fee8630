package io.cdottrials.cdot.trials;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Who applied for a trial, and what GitLab told about the namespace.
 *
 * @param uid the GitLab user id
 * @param namespaceName the namespace's display name, if given
 * @param namespacePath the namespace's path, if given
 * @param glmSource marketing source, if given
 * @param glmContent marketing content, if given
 * @param form the applicant's form fields by JSON name: personal data, kept in
 * {@code trial_applicants} for the retention period only, never logged
 */
record Applicant(long uid, @Nullable String namespaceName, @Nullable String namespacePath, @Nullable String glmSource,
		@Nullable String glmContent, Map<String, Object> form) {

	Applicant {
		form = Map.copyOf(form);
	}

	Applicant(long uid, @Nullable String namespaceName, @Nullable String namespacePath, @Nullable String glmSource,
			@Nullable String glmContent) {
		this(uid, namespaceName, namespacePath, glmSource, glmContent, Map.of());
	}

	@Override
	public String toString() {
		// the form is personal data: its field names may be logged, never its values
		return "Applicant[uid=" + this.uid + ", form fields=" + this.form.keySet() + "]";
	}

}
