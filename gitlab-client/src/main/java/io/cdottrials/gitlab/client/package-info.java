/**
 * GitLab's trial eligibility client: answers from a Redis cache in front of CDot's bulk
 * eligibility API, with single-flight fills, generation-checked write-backs and
 * degradation instead of errors. Auto-configured when {@code gitlab.cdot.base-url} is
 * set. Owned by Growth.
 */
@NullMarked
package io.cdottrials.gitlab.client;

import org.jspecify.annotations.NullMarked;
