package io.cdottrials.launcher;

/**
 * What a newcomer sees once both services are up: where they are and what to try.
 */
final class Banner {

	private Banner() {
	}

	static String text(int cdotPort, int gitlabPort) {
		String cdot = "http://localhost:" + cdotPort;
		String gitlab = "http://localhost:" + gitlabPort;
		String auth = "-H 'X-Admin-Email: " + LocalProduct.GITLAB_EMAIL + "' -H 'X-Admin-Token: "
				+ LocalProduct.GITLAB_TOKEN + "'";
		return """

				==================================================================================
				 cdot-trials is running
				   cdot-service   %1$s   (OpenAPI: %1$s/swagger-ui.html)
				   gitlab-client  %2$s   (OpenAPI: %2$s/swagger-ui.html)

				 Try:
				   curl -s %3$s %1$s/api/v1/catalog/classifications/self_service_gitlab_com_plans
				   curl -s '%2$s/api/v1/trial_eligibility?namespace_ids=1001,1002,1003'
				   curl -s -H 'Authorization: Bearer local-admin-token' %1$s/api/v1/admin/catalog/syncs/1

				 Stop with Ctrl-C.
				==================================================================================
				""".formatted(cdot, gitlab, auth);
	}

}
