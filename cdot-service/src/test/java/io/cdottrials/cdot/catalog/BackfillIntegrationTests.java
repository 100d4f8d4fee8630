package io.cdottrials.cdot.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backfill writes the constants' classification into Zuora's rate plan custom fields,
 * against a WireMock server speaking Zuora's wire format.
 */
class BackfillIntegrationTests extends CatalogIntegrationTest {

	private static final String NOT_CLASSIFIED = """
			{"CDotActions__c": "", "CDotPlanStatus__c": "not_applicable"}""";

	/**
	 * What the demo catalog's drifts (docs/demo-catalog.md) make the backfill write: the
	 * Duo with Amazon Q plans and GitLab.com Ultimate 2 Year lose their actions and
	 * status, the deprecated 2022-price Premium plan becomes self-service again. The
	 * charge-level drift (the Strategic Bundle's tier) is not written.
	 */
	private static final Map<String, String> EXPECTED_WRITES = expectedWrites();

	@Autowired
	private TestRestTemplate rest;

	@BeforeEach
	void zuoraAnswers() {
		zuora.resetAll();
		zuora.stubFor(post(urlEqualTo("/oauth/token")).willReturn(okJson("""
				{"access_token": "zuora-token-1", "token_type": "bearer", "expires_in": 3599,
				 "scope": "entity.1a2b7a37 platform.write service.genesis.read", "jti": "1a2b3c"}""")));
		zuora.stubFor(put(urlPathMatching("/v1/object/product-rate-plan/.*"))
			.willReturn(okJson("{\"Success\": true, \"Id\": \"8a28000000000000000000000000000\"}")));
	}

	@Test
	void aDryRunAnswersThePlannedRequestsAndSendsNothing() {
		JsonNode body = backfill("?dry_run=true", HttpStatus.ACCEPTED);
		assertThat(body.path("dry_run").asBoolean()).isTrue();
		assertThat(body.path("planned").asInt()).isEqualTo(EXPECTED_WRITES.size());
		assertThat(body.path("updated").asInt()).isZero();
		Map<String, JsonNode> requests = new LinkedHashMap<>();
		body.path("requests").forEach((request) -> requests.put(request.path("rate_plan_id").asString(), request));
		assertThat(requests.keySet()).containsExactlyElementsOf(EXPECTED_WRITES.keySet());
		EXPECTED_WRITES.forEach((id, fields) -> {
			JsonNode request = requests.get(id);
			assertThat(request.path("method").asString()).isEqualTo("PUT");
			assertThat(request.path("path").asString()).isEqualTo("/v1/object/product-rate-plan/" + id);
			assertThat(request.path("outcome").asString()).isEqualTo("planned");
			assertThat(request.path("body")).isEqualTo(this.jsonMapper.readTree(fields));
		});
		zuora.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void theBackfillWritesTheConstantsIntoZuoraCustomFields() {
		JsonNode body = backfill("", HttpStatus.ACCEPTED);
		assertThat(body.path("dry_run").asBoolean()).isFalse();
		assertThat(body.path("updated").asInt()).isEqualTo(EXPECTED_WRITES.size());
		assertThat(body.path("failed").asInt()).isZero();

		zuora.verify(1,
				postRequestedFor(urlEqualTo("/oauth/token"))
					.withRequestBody(containing("grant_type=client_credentials"))
					.withRequestBody(containing("client_id=test-client-id"))
					.withRequestBody(containing("client_secret=test-client-secret")));
		EXPECTED_WRITES.forEach((id, fields) -> zuora.verify(1,
				putRequestedFor(urlEqualTo("/v1/object/product-rate-plan/" + id))
					.withHeader("Authorization", equalTo("Bearer zuora-token-1"))
					.withHeader("Content-Type", containing("application/json"))
					.withRequestBody(equalToJson(fields))));
		List<String> written = new ArrayList<>();
		for (LoggedRequest request : zuora.findAll(putRequestedFor(urlPathMatching("/v1/object/.*")))) {
			written.add(request.getUrl().substring("/v1/object/product-rate-plan/".length()));
		}
		assertThat(written).as("nothing but the expected writes")
			.containsExactlyInAnyOrderElementsOf(EXPECTED_WRITES.keySet());
	}

	@Test
	void aWriteZuoraRefusesIsReportedAndTheOthersGoOn() {
		String refused = "8a285eb18ca6f6b9d395a1b5b9c8ca90";
		zuora.stubFor(put(urlEqualTo("/v1/object/product-rate-plan/" + refused)).willReturn(okJson("""
				{"Success": false, "Errors": [{"Code": "INVALID_VALUE",
				 "Message": "The value of field CDotActions__c is invalid"}]}""")));
		zuora.stubFor(put(urlEqualTo("/v1/object/product-rate-plan/8a28e9ae452bc62cb99ff9aacacf8edb"))
			.willReturn(aResponse().withStatus(503).withBody("upstream unavailable")));
		JsonNode body = backfill("", HttpStatus.ACCEPTED);
		assertThat(body.path("failed").asInt()).isEqualTo(2);
		assertThat(body.path("updated").asInt()).isEqualTo(EXPECTED_WRITES.size() - 2);
		JsonNode refusedWrite = null;
		for (JsonNode request : body.path("requests")) {
			if (request.path("rate_plan_id").asString().equals(refused)) {
				refusedWrite = request;
			}
		}
		assertThat(refusedWrite).isNotNull();
		assertThat(refusedWrite.path("outcome").asString()).isEqualTo("failed");
		assertThat(refusedWrite.path("error").asString()).contains("INVALID_VALUE");
	}

	@Test
	void theBackfillIsForOperatorsOnly() {
		ResponseEntity<String> response = this.rest.postForEntity("/api/v1/admin/catalog/backfill", null, String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(backfill("?dry_run=maybe", HttpStatus.BAD_REQUEST).path("success").asBoolean()).isFalse();
		zuora.verify(0, anyRequestedFor(anyUrl()));
	}

	private JsonNode backfill(String query, HttpStatus status) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth("test-admin-token");
		ResponseEntity<String> response = this.rest.exchange("/api/v1/admin/catalog/backfill" + query, HttpMethod.POST,
				new HttpEntity<>(headers), String.class);
		assertThat(response.getStatusCode()).isEqualTo(status);
		return this.jsonMapper.readTree(response.getBody());
	}

	private static Map<String, String> expectedWrites() {
		Map<String, String> writes = new LinkedHashMap<>();
		writes.put("8a280b2cc6c48fad2b1193fc46d7e17c", NOT_CLASSIFIED);
		writes.put("8a281a7ddd37fb59f1df9a48f0fd938d", NOT_CLASSIFIED);
		writes.put("8a285eb18ca6f6b9d395a1b5b9c8ca90", """
				{"CDotActions__c": "initial_purchase;additional_purchase;renew"}""");
		writes.put("8a286d40f0aab866fbf3b76eb6aba5b4", NOT_CLASSIFIED);
		writes.put("8a28a6a552a31a41fd1170a380e79961", NOT_CLASSIFIED);
		writes.put("8a28e9ae452bc62cb99ff9aacacf8edb", NOT_CLASSIFIED);
		return writes;
	}

}
