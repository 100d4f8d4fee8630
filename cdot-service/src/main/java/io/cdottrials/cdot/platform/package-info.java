/**
 * Platform: security, error responses and cross-cutting configuration shared by every
 * module. Owned by Provision; changes need their review.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
@NullMarked
package io.cdottrials.cdot.platform;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
