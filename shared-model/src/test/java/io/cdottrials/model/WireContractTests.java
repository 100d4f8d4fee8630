package io.cdottrials.model;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class WireContractTests {

	private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

	@Test
	void eligibilityResponseUsesTheSpecifiedNames() {
		String body = this.json
			.writeValueAsString(new EligibilityResponse(Map.of("1", List.of("ultimate_with_dap"), "2", List.of())));
		assertThat(body).contains("\"namespaces\"")
			.contains("\"1\":[\"ultimate_with_dap\"]")
			.contains("\"2\":[]")
			.contains("\"success\":true");
	}

	@Test
	void eligibilityRequestReadsSnakeCase() {
		EligibilityRequest request = this.json.readValue("{\"namespace_ids\":[1,2,3]}", EligibilityRequest.class);
		assertThat(request.namespaceIds()).containsExactly(1L, 2L, 3L);
	}

	@Test
	void trialTypesSerializeAsTheirWireNames() {
		assertThat(this.json.writeValueAsString(TrialType.ULTIMATE_ON_PREMIUM_WITH_DAP))
			.isEqualTo("\"ultimate_on_premium_with_dap\"");
		assertThat(TrialType.fromWireName("GITLAB_DUO_PRO")).contains(TrialType.GITLAB_DUO_PRO);
		assertThat(TrialType.fromWireName("premium_trial")).isEmpty();
	}

	@Test
	void trialApplicationReadsTheBodyGitlabSends() {
		TrialApplication application = this.json.readValue(
				"{\"trial_type\":\"gitlab_duo_pro\",\"uid\":42,\"namespace\":{\"name\":\"Acme\",\"path\":\"acme\",\"kind\":\"group\"},\"glm_source\":\"gitlab.com\"}",
				TrialApplication.class);
		assertThat(application.trialType()).isEqualTo("gitlab_duo_pro");
		assertThat(application.uid()).isEqualTo(42L);
		assertThat(application.namespace().kind()).isEqualTo("group");
		assertThat(application.glmContent()).isNull();
	}

	@Test
	void trialRequestWritesGitlabsEnvelopeAndNothingElse() {
		TrialRequest request = new TrialRequest(42L, TrialUser.of(1001, null, "ultimate_with_dap", null, null, null));
		assertThat(this.json.writeValueAsString(request)).isEqualTo(
				"{\"uid\":42,\"trial_user\":{\"namespace_id\":1001,\"trial_type\":\"ultimate_with_dap\",\"gitlab_com_trial\":true,\"sync_to_gl\":true}}");
	}

	@Test
	void trialRequestReadsGitlabsBodyIgnoringFieldsItAddsLater() {
		TrialRequest request = this.json.readValue(
				"{\"uid\":42,\"trial_user\":{\"namespace_id\":1001,\"namespace\":{\"id\":1001,\"kind\":\"group\",\"trial_ends_on\":null,\"plan\":\"free\",\"new\":1},\"add_on_name\":\"duo_enterprise\",\"first_name\":\"Ada\",\"jobs_to_be_done\":\"ci\"},\"extra\":true}",
				TrialRequest.class);
		assertThat(request.isApplication()).isTrue();
		assertThat(request.trialUser().namespaceId()).isEqualTo(1001L);
		assertThat(request.trialUser().namespace().plan()).isEqualTo("free");
		assertThat(request.trialUser().applicantFields()).containsExactly(Map.entry("first_name", "Ada"));
		assertThat(request.trialUser().toString()).doesNotContain("Ada");
	}

	@Test
	void webhookEventRoundTrips() {
		NamespaceEligibilityChanged event = NamespaceEligibilityChanged.of(UUID.randomUUID(), List.of(7L, 8L),
				"trial_started", Instant.parse("2026-11-23T10:00:00Z"));
		String body = this.json.writeValueAsString(event);
		assertThat(body).contains("\"event\":\"namespace_eligibility_changed\"").contains("\"namespace_ids\":[7,8]");
		assertThat(this.json.readValue(body, NamespaceEligibilityChanged.class)).isEqualTo(event);
	}

	@Test
	void signatureVerifiesAndRejects() {
		byte[] body = "{\"event\":\"namespace_eligibility_changed\"}".getBytes(StandardCharsets.UTF_8);
		Instant signedAt = Instant.parse("2026-11-23T10:00:00Z");
		String header = WebhookSignature.sign("s3cret", body, signedAt);
		assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
		Duration tolerance = WebhookSignature.DEFAULT_TOLERANCE;
		assertThat(WebhookSignature.verify("s3cret", header, body, signedAt.plusSeconds(60), tolerance))
			.isEqualTo(WebhookSignature.Verdict.VALID);
		assertThat(WebhookSignature.verify("other", header, body, signedAt, tolerance))
			.isEqualTo(WebhookSignature.Verdict.BAD_SIGNATURE);
		assertThat(
				WebhookSignature.verify("s3cret", header, "{}".getBytes(StandardCharsets.UTF_8), signedAt, tolerance))
			.isEqualTo(WebhookSignature.Verdict.BAD_SIGNATURE);
		assertThat(WebhookSignature.verify("s3cret", header, body, signedAt.plus(Duration.ofMinutes(6)), tolerance))
			.isEqualTo(WebhookSignature.Verdict.EXPIRED);
		assertThat(WebhookSignature.verify("s3cret", header, body, signedAt.minus(Duration.ofMinutes(6)), tolerance))
			.isEqualTo(WebhookSignature.Verdict.FROM_THE_FUTURE);
		assertThat(WebhookSignature.verify("s3cret", null, body, signedAt, tolerance))
			.isEqualTo(WebhookSignature.Verdict.MISSING);
		assertThat(WebhookSignature.verify("s3cret", "t=abc,v1=zz", body, signedAt, tolerance))
			.isEqualTo(WebhookSignature.Verdict.MALFORMED);
	}

}
