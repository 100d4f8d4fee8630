package io.cdottrials.gitlab.service;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * GitLab-style service level indicators of the eligibility endpoint.
 *
 * @param trialEligibilityApdexThreshold a request answered within this time counts as
 * satisfied in the apdex
 */
@ConfigurationProperties("gitlab.sli")
public record SliProperties(@DefaultValue("100ms") Duration trialEligibilityApdexThreshold) {
}
