package io.cdottrials.cdot.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the GitLab instance of a charge is deployed ({@code ChargeDeployment__c}).
 */
public enum Deployment {

	SELF_MANAGED("Self-Managed"), DEDICATED("Dedicated"), GITLAB_COM("GitLab.com"), NOT_APPLICABLE("Not Applicable");

	private final String zuoraValue;

	Deployment(String zuoraValue) {
		this.zuoraValue = zuoraValue;
	}

	public String zuoraValue() {
		return this.zuoraValue;
	}

	public static Optional<Deployment> fromZuoraValue(String value) {
		return Arrays.stream(values())
			.filter((deployment) -> deployment.zuoraValue.equalsIgnoreCase(value.trim()))
			.findFirst();
	}

}
