package io.cdottrials.cdot.trials;

import org.jspecify.annotations.Nullable;

/**
 * Who applied for a trial, and what GitLab told about the namespace.
 *
 * @param uid the GitLab user id
 * @param namespaceName the namespace's display name, if given
 * @param namespacePath the namespace's path, if given
 * @param glmSource marketing source, if given
 * @param glmContent marketing content, if given
 */
record Applicant(long uid, @Nullable String namespaceName, @Nullable String namespacePath, @Nullable String glmSource,
		@Nullable String glmContent) {
}
