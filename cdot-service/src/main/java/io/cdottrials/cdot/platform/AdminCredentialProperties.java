package io.cdottrials.cdot.platform;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Credentials of the operators' endpoints under {@code /api/v1/admin/**}.
 *
 * @param token the Bearer token an operator must send
 */
@Validated
@ConfigurationProperties("cdot.admin")
public record AdminCredentialProperties(@NotBlank String token) {
}
