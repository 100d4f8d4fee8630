package io.cdottrials.cdot.eligibility;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.cdottrials.testsupport.CdotIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a client sends, the answer is a 4xx problem with {@code "success": false} and
 * an error that says what is wrong: never a 500.
 */
class BadInputTests extends CdotIntegrationTest {

	private static final String ELIGIBILITY = "/api/v1/gitlab/namespaces/trials/eligibility";

	private static final String TRIALS = "/api/v1/gitlab/namespaces/%s/trials";

	private static final String SUBSCRIPTION = "/api/v1/gitlab/namespaces/%s/subscription";

	private static final String ITEM = "{\"product_rate_plan_id\": \"2c92a00d76f0d5060176f2fb0a5029ff\", \"quantity\": 1, \"starts_on\": \"2026-01-01\", \"ends_on\": \"2027-01-01\"}";

	@Autowired
	private JsonMapper jsonMapper;

	static Stream<Arguments> badInput() {
		String tooMany = IntStream.rangeClosed(1, 1001).mapToObj(Integer::toString).collect(Collectors.joining(","));
		String hugeBody = "{\"namespace_ids\": ["
				+ IntStream.rangeClosed(1, 200_000).mapToObj(Integer::toString).collect(Collectors.joining(",")) + "]}";
		String manyItems = "{\"items\": [" + Stream.generate(() -> ITEM).limit(101).collect(Collectors.joining(","))
				+ "]}";
		return Stream.of(
		// @formatter:off
		// eligibility, GET
		row("GET", ELIGIBILITY + "?namespace_ids=abc", null, 400, "namespace_ids value 'abc' is not an integer"),
		row("GET", ELIGIBILITY + "?namespace_ids=-1", null, 400, "'-1' is not a positive integer"),
		row("GET", ELIGIBILITY + "?namespace_ids=0", null, 400, "'0' is not a positive integer"),
		row("GET", ELIGIBILITY + "?namespace_ids=", null, 400, "namespace_ids is required"),
		row("GET", ELIGIBILITY + "?namespace_ids=1,,2", null, 400, "namespace_ids contains an empty value"),
		row("GET", ELIGIBILITY, null, 400, "namespace_ids is required"),
		row("GET", ELIGIBILITY + "?namespace_ids=99999999999999999999", null, 400, "is not an integer"),
		row("GET", ELIGIBILITY + "?namespace_ids=1.5", null, 400, "'1.5' is not an integer"),
		row("GET", ELIGIBILITY + "?namespace_ids=" + tooMany, null, 400, "at most 1000 namespaces"),
		row("GET", ELIGIBILITY + "?namespace_ids[]=7&namespace_ids[]=x", null, 400, "'x' is not an integer"),
		// eligibility, POST
		row("POST", ELIGIBILITY, "{\"namespace_ids\": [1,", 400, "Malformed JSON"),
		row("POST", ELIGIBILITY, "", 400, "namespace_ids is required"),
		row("POST", ELIGIBILITY, "{}", 400, "namespace_ids is required"),
		row("POST", ELIGIBILITY, "{\"namespace_ids\": []}", 400, "give at least one id"),
		row("POST", ELIGIBILITY, "{\"namespace_ids\": [null]}", 400, "must not contain null"),
		row("POST", ELIGIBILITY, "{\"namespace_ids\": [-4]}", 400, "'-4' is not a positive integer"),
		row("POST", ELIGIBILITY, "{\"namespace_ids\": \"1,2\"}", 400, "namespace_ids"),
		row("POST", ELIGIBILITY, "{\"namespace_ids\": [\"abc\"]}", 400, "namespace_ids"),
		row("POST", ELIGIBILITY, "{\"namespace_ids\": [{}]}", 400, "namespace_ids"),
		row("POST", ELIGIBILITY, "[1, 2]", 400, "does not have the documented shape"),
		row("POST", ELIGIBILITY, hugeBody, 400, "at most 1000 namespaces"),
		// explain
		row("GET", "/api/v1/gitlab/namespaces/abc/trials/eligibility/explain", null, 400, "'namespaceId' has an invalid value"),
		row("GET", "/api/v1/gitlab/namespaces/-3/trials/eligibility/explain", null, 400, "must be a positive integer"),
		row("GET", "/api/v1/gitlab/namespaces/0/trials/eligibility/explain", null, 400, "must be a positive integer"),
		// trials
		row("POST", TRIALS.formatted("abc"), "{\"trial_type\": \"ultimate_with_dap\", \"uid\": 1}", 400, "'namespaceId' has an invalid value"),
		row("POST", TRIALS.formatted("0"), "{\"trial_type\": \"ultimate_with_dap\", \"uid\": 1}", 400, "must be a positive integer"),
		row("POST", TRIALS.formatted("-8"), "{\"trial_type\": \"ultimate_with_dap\", \"uid\": 1}", 400, "must be a positive integer"),
		row("POST", TRIALS.formatted("12"), "{\"uid\": 1}", 400, "trial_type is required"),
		row("POST", TRIALS.formatted("12"), "{\"trial_type\": \"ultimate_forever\", \"uid\": 1}", 400, "trial_type 'ultimate_forever' is not a trial type"),
		row("POST", TRIALS.formatted("12"), "{\"trial_type\": \"ultimate_with_dap\"}", 400, "uid is required"),
		row("POST", TRIALS.formatted("12"), "{\"trial_type\": \"ultimate_with_dap\", \"uid\": \"me\"}", 400, "uid"),
		row("POST", TRIALS.formatted("12"), "{\"trial_type\": \"ultimate_with_dap\", \"uid\": -1}", 400, "uid must be a positive integer"),
		row("POST", TRIALS.formatted("12"), "{\"trial_type\": 7, \"uid\": 1}", 400, "trial_type '7' is not a trial type"),
		row("POST", TRIALS.formatted("12"), "{\"trial_type\": \"ultimate_with_dap\", \"uid\": 1, \"namespace\": {\"kind\": \"user\"}}", 400, "namespace.kind must be 'group'"),
		row("POST", TRIALS.formatted("12"), "{\"trial_type\": \"ultimate_with_dap\", \"uid\": 1, \"namespace\": \"acme\"}", 400, "namespace"),
		row("POST", TRIALS.formatted("12"), "{\"trial_type\": \"ultimate_with_dap\", \"uid\": 1, \"glm_source\": \"" + "x".repeat(300) + "\"}", 400, "glm_source must be at most 255 characters"),
		row("POST", TRIALS.formatted("12"), "{\"trial_type\": ", 400, "Malformed JSON"),
		row("POST", TRIALS.formatted("12"), "", 400, "trial_type is required"),
		// subscriptions
		row("PUT", SUBSCRIPTION.formatted("abc"), "{\"items\": []}", 400, "'namespaceId' has an invalid value"),
		row("PUT", SUBSCRIPTION.formatted("0"), "{\"items\": []}", 400, "must be a positive integer"),
		row("PUT", SUBSCRIPTION.formatted("5"), "{}", 400, "items must not be null"),
		row("PUT", SUBSCRIPTION.formatted("5"), "{\"items\": [" + ITEM.replace("\"quantity\": 1", "\"quantity\": 0") + "]}", 400, "quantity must be greater than or equal to 1"),
		row("PUT", SUBSCRIPTION.formatted("5"), "{\"items\": [" + ITEM.replace("2027-01-01", "2025-01-01") + "]}", 400, "starts_on (2026-01-01) must be before ends_on (2025-01-01)"),
		row("PUT", SUBSCRIPTION.formatted("5"), "{\"items\": [" + ITEM.replace("2027-01-01", "2027-13-01") + "]}", 400, "ends_on"),
		row("PUT", SUBSCRIPTION.formatted("5"), "{\"items\": [{\"quantity\": 1, \"starts_on\": \"2026-01-01\", \"ends_on\": \"2027-01-01\"}]}", 400, "items[0].product_rate_plan_id must not be blank"),
		row("PUT", SUBSCRIPTION.formatted("5"), "{\"items\": [" + ITEM.replace("\"quantity\": 1", "\"quantity\": \"ten\"") + "]}", 400, "quantity"),
		row("PUT", SUBSCRIPTION.formatted("5"), manyItems, 400, "items size must be between 0 and 100"),
		row("PUT", SUBSCRIPTION.formatted("5"), "{\"items\": [" + ITEM.replace("2c92a00d76f0d5060176f2fb0a5029ff", "no-such-plan") + "]}", 422, "product_rate_plan_id 'no-such-plan' is not in the catalog")
		// @formatter:on
		);
	}

	@ParameterizedTest(name = "{0} {1} -> {3}")
	@MethodSource("badInput")
	void answersAClear4xx(String method, String path, String body, int status, String message) {
		HttpHeaders headers = gitlabHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> response = this.rest.exchange(path, HttpMethod.valueOf(method),
				new HttpEntity<>(body, headers), String.class);

		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
		JsonNode problem = this.jsonMapper.readTree(response.getBody());
		assertThat(problem.get("success").asBoolean()).isFalse();
		assertThat(problem.get("errors").toString()).contains(message);
	}

	private static Arguments row(String method, String path, String body, int status, String message) {
		return Arguments.of(method, path, body, status, message);
	}

}
