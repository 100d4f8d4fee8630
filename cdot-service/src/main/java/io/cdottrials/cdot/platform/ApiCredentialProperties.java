package io.cdottrials.cdot.platform;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What GitLab must send on every call to {@code /api/v1/gitlab/**}, {@code /trials/**}
 * and {@code /api/v1/catalog/**}, as its subscription portal client does.
 *
 * @param adminEmail expected {@code X-Admin-Email} header
 * @param adminToken expected {@code X-Admin-Token} header
 */
@Validated
@ConfigurationProperties("cdot.api")
public record ApiCredentialProperties(@NotBlank String adminEmail, @NotBlank String adminToken) {
}
