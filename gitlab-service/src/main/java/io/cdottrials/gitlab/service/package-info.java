/**
 * The small HTTP service GitLab UI backends call for trial eligibility, trial
 * applications and cache invalidation, built on the {@code io.cdottrials.gitlab.client}
 * library. Owned by Growth.
 */
@NullMarked
package io.cdottrials.gitlab.service;

import org.jspecify.annotations.NullMarked;
