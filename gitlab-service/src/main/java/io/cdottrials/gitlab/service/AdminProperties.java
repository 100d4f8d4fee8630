package io.cdottrials.gitlab.service;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Credentials of the operators' invalidation endpoint.
 *
 * @param token the Bearer token {@code DELETE /api/v1/trial_eligibility/{namespace_id}}
 * requires
 */
@Validated
@ConfigurationProperties("gitlab.admin")
public record AdminProperties(@NotBlank String token) {
}
