package io.cdottrials.cdot.eligibility;

import org.jspecify.annotations.Nullable;

/**
 * The fields of GitLab's trial form the apply-time rules read, by GitLab's names. Any may
 * be missing: GitLab's own paths send them, the namespace trial API does not.
 *
 * @param workEmail {@code work_email}
 * @param country {@code country}, an ISO 3166-1 alpha-2 code
 * @param companySize {@code company_size}, e.g. {@code 1-99}, {@code 500-1,999},
 * {@code 10,000+}
 */
public record ApplicantForm(@Nullable String workEmail, @Nullable String country, @Nullable String companySize) {

	/** No form: the rules have nothing to refuse. */
	public static final ApplicantForm NONE = new ApplicantForm(null, null, null);

}
