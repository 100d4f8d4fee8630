package io.cdottrials.cdot.trials;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Once a day ({@link TrialSchedules}) deletes the applicants' form fields older than
 * {@code cdot.trials.applicant-retention}. The trials themselves stay: eligibility needs
 * them forever, and they hold no more than the GitLab user id and the namespace.
 */
@Component
class TrialApplicantPurge {

	static final String NAME = "trial-applicant-purge";

	private static final Logger logger = LoggerFactory.getLogger(TrialApplicantPurge.class);

	private final JdbcClient jdbc;

	private final TrialsProperties properties;

	private final Clock clock;

	TrialApplicantPurge(JdbcClient jdbc, TrialsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Deletes the form fields received before the retention period.
	 * @return how many applicants' fields were deleted
	 */
	int purge() {
		Instant before = Instant.now(this.clock).minus(this.properties.applicantRetention());
		int deleted = this.jdbc.sql("delete from trial_applicants where received_at < ?")
			.param(Timestamp.from(before))
			.update();
		logger.info("Applicant purge: deleted the form fields of {} trials received before {}", deleted, before);
		return deleted;
	}

}
