package io.cdottrials.cdot.eligibility;

import io.cdottrials.testsupport.CdotIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators scrape and read: Prometheus metrics and the OpenAPI document.
 */
class ObservabilityTests extends CdotIntegrationTest {

	@Test
	void eligibilityAnswersFeedTheSlisAndCounters() {
		long namespaceId = newNamespaceId();
		double apdexBefore = scrape("gitlab_sli_cdot_trial_eligibility_apdex_total");
		double apdexSuccessBefore = scrape("gitlab_sli_cdot_trial_eligibility_apdex_success_total");
		double totalBefore = scrape("gitlab_sli_cdot_trial_eligibility_total");
		double paidTierFailures = scrape(
				"cdot_trial_eligibility_rule_failures_total{application=\"cdot-service\",rule=\"paid_tier\"}");

		assertThat(
				gitlabGet("/api/v1/gitlab/namespaces/trials/eligibility?namespace_ids=" + namespaceId).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(gitlabGet("/api/v1/gitlab/namespaces/trials/eligibility?namespace_ids=x").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);

		assertThat(scrape("gitlab_sli_cdot_trial_eligibility_total")).isEqualTo(totalBefore + 2);
		assertThat(scrape("gitlab_sli_cdot_trial_eligibility_apdex_total")).as("a 4xx is not part of the apdex")
			.isEqualTo(apdexBefore + 1);
		assertThat(scrape("gitlab_sli_cdot_trial_eligibility_apdex_success_total")).as("faster than the 10s threshold")
			.isEqualTo(apdexSuccessBefore + 1);
		assertThat(prometheus()).contains("gitlab_sli_cdot_trial_eligibility_error_total")
			.contains(
					"cdot_trial_eligibility_answers_total{answer=\"eligible\",application=\"cdot-service\",trial_type=\"ultimate_with_dap\"}")
			.contains("cdot_notifications_outbox_backlog")
			.contains(
					"http_server_requests_seconds_count{application=\"cdot-service\",error=\"none\",exception=\"none\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/gitlab/namespaces/trials/eligibility\"}");
		// a free namespace fails paid_tier for the three offered paid-only types
		assertThat(
				scrape("cdot_trial_eligibility_rule_failures_total{application=\"cdot-service\",rule=\"paid_tier\"}"))
			.isEqualTo(paidTierFailures + 3);
	}

	@Test
	void trialApplicationsAreCountedByTypeAndOutcome() {
		long namespaceId = newNamespaceId();
		String notEligible = "cdot_trial_applications_total{application=\"cdot-service\",outcome=\"not_eligible\",trial_type=\"gitlab_duo_pro\"}";
		double before = scrape(notEligible);

		applyTrial(namespaceId, "gitlab_duo_pro");

		assertThat(scrape(notEligible)).isEqualTo(before + 1);
	}

	@Test
	void openApiListsEveryEndpoint() {
		ResponseEntity<String> response = this.rest.getForEntity("/v3/api-docs", String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains("\"/api/v1/gitlab/namespaces/trials/eligibility\"")
			.contains("\"/api/v1/gitlab/namespaces/{namespaceId}/trials/eligibility/explain\"")
			.contains("\"/api/v1/gitlab/namespaces/{namespaceId}/trials\"")
			.contains("\"/api/v1/gitlab/namespaces/trials/trial_types\"")
			.contains("\"/api/v1/gitlab/namespaces/{namespaceId}/subscription\"")
			.contains("\"/api/v1/admin/trials/flags/ultimate_trial_with_dap\"");
	}

	private String prometheus() {
		return this.rest.getForObject("/actuator/prometheus", String.class);
	}

}
