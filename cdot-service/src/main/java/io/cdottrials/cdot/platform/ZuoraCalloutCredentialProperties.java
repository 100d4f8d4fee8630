package io.cdottrials.cdot.platform;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Basic-auth credentials Zuora's change callout sends to
 * {@code POST /api/v1/webhooks/zuora/catalog}.
 *
 * @param calloutUsername the user name configured on Zuora's callout
 * @param calloutPassword the password configured on Zuora's callout
 */
@Validated
@ConfigurationProperties("cdot.zuora")
public record ZuoraCalloutCredentialProperties(@NotBlank String calloutUsername, @NotBlank String calloutPassword) {
}
