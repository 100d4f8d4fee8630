package io.cdottrials.cdot.platform;

import java.util.Map;

import io.cdottrials.testsupport.CdotIntegrationTest;
import io.cdottrials.testsupport.WebhookReceiver;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens, passwords and the webhook secret never reach a log line, not even when requests
 * fail or deliveries are retried.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedTests extends CdotIntegrationTest {

	@AfterEach
	void receiverUp() {
		WebhookReceiver.up();
	}

	@Test
	void noSecretReachesTheLog(CapturedOutput output) {
		HttpHeaders wrong = new HttpHeaders();
		wrong.set("X-Admin-Email", "gitlab@example.com");
		wrong.set("X-Admin-Token", "guessed-token-1234");
		assertThat(this.rest
			.exchange("/api/v1/gitlab/namespaces/trials/trial_types", HttpMethod.GET, new HttpEntity<>(wrong),
					String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest
			.exchange("/api/v1/admin/trials/flags/ultimate_trial_with_dap", HttpMethod.PUT,
					new HttpEntity<>(Map.of("enabled", "sometimes"), adminHeaders()), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		WebhookReceiver.down();
		long namespaceId = newNamespaceId();
		assertThat(applyTrial(namespaceId, "ultimate_with_dap").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Awaitility.await()
			.untilAsserted(() -> assertThat(output.getOut() + output.getErr())
				.contains("Webhook namespace_eligibility_changed for event"));

		assertThat(output.getOut() + output.getErr()).doesNotContain(WebhookReceiver.SECRET)
			.doesNotContain("test-gitlab-token")
			.doesNotContain("guessed-token-1234")
			.doesNotContain("test-admin-token")
			.doesNotContain("test-callout-password");
	}

}
