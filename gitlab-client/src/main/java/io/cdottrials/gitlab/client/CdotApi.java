package io.cdottrials.gitlab.client;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.cdottrials.model.EligibilityRequest;
import io.cdottrials.model.EligibilityResponse;
import io.cdottrials.model.TrialApplication;
import io.cdottrials.model.TrialRequest;
import io.cdottrials.model.TrialResponse;
import io.cdottrials.model.TrialType;
import io.cdottrials.model.TrialUser;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * CDot's GitLab API, behind a circuit breaker and timed by outcome.
 */
public final class CdotApi {

	private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
	};

	private final RestClient restClient;

	private final CircuitBreaker breaker;

	private final EligibilityMetrics metrics;

	private final JsonMapper jsonMapper;

	public CdotApi(RestClient restClient, CircuitBreaker breaker, EligibilityMetrics metrics, JsonMapper jsonMapper) {
		this.restClient = restClient;
		this.breaker = breaker;
		this.metrics = metrics;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Asks CDot about at most one chunk of namespaces.
	 * @param namespaceIds the namespaces
	 * @return trial types per namespace CDot answered for
	 */
	Map<Long, List<String>> eligibility(List<Long> namespaceIds) {
		EligibilityResponse response = call("eligibility",
				() -> this.restClient.post()
					.uri("/api/v1/gitlab/namespaces/trials/eligibility")
					.body(new EligibilityRequest(namespaceIds))
					.retrieve()
					.body(EligibilityResponse.class));
		if (response == null || response.namespaces() == null) {
			throw new IllegalStateException("CDot answered without namespaces");
		}
		Map<Long, List<String>> answers = new HashMap<>();
		response.namespaces().forEach((id, types) -> answers.put(Long.valueOf(id), List.copyOf(types)));
		return answers;
	}

	/**
	 * Asks CDot to start a trial the way GitLab's own subscription portal client does:
	 * {@code POST /trials} for the ultimate trials, {@code POST /trials/create_addon} for
	 * the add-on trials, with the {@code uid} and {@code trial_user} envelope.
	 * @param namespaceId the namespace
	 * @param application the application
	 * @return CDot's answer
	 */
	TrialResponse applyTrial(long namespaceId, TrialApplication application) {
		if (application.uid() == null) {
			// without it CDot would read GitLab's lead submission, not an application
			throw new TrialApplicationRejectedException(400, List.of("uid is required: the GitLab user id applying"),
					Map.of());
		}
		String trialType = application.trialType();
		boolean addOn = trialType != null
				&& TrialType.fromWireName(trialType).map((type) -> !type.family().ultimate()).orElse(false);
		TrialApplication.NamespaceDetails details = application.namespace();
		TrialUser.Namespace namespace = (details != null)
				? new TrialUser.Namespace(namespaceId, details.name(), details.path(), details.kind(), null, null)
				: null;
		TrialRequest request = new TrialRequest(application.uid(), TrialUser.of(namespaceId, namespace, trialType, null,
				application.glmSource(), application.glmContent()));
		try {
			return call("apply_trial",
					() -> this.restClient.post()
						.uri(addOn ? "/trials/create_addon" : "/trials")
						.body(request)
						.exchange((httpRequest, response) -> trialResponse(response)));
		}
		catch (TrialApplicationRejectedException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new CdotUnavailableException("CDot could not start the trial: " + ex.getMessage(), ex);
		}
	}

	private TrialResponse trialResponse(ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		byte[] body = response.getBody().readAllBytes();
		if (status == 400 || status == 422) {
			Map<String, Object> json = parseObject(body);
			throw new TrialApplicationRejectedException(status, errors(json, status), json);
		}
		if (status != 200 && status != 201) {
			throw new IllegalStateException("CDot answered " + status);
		}
		TrialResponse trial = this.jsonMapper.readValue(body, TrialResponse.class);
		if (trial == null || trial.trial() == null) {
			throw new IllegalStateException("CDot answered " + status + " without a trial");
		}
		return trial;
	}

	private Map<String, Object> parseObject(byte[] body) {
		try {
			Map<String, Object> json = this.jsonMapper.readValue(body, JSON_OBJECT);
			return (json != null) ? json : Map.of();
		}
		catch (JacksonException ex) {
			return Map.of();
		}
	}

	private static List<String> errors(Map<String, Object> json, int status) {
		if (json.get("errors") instanceof List<?> list && !list.isEmpty()) {
			return list.stream().map(String::valueOf).toList();
		}
		return List.of("CDot rejected the application (" + status + ")");
	}

	private <T> T call(String operation, Supplier<T> call) {
		long start = System.nanoTime();
		String outcome = "error";
		try {
			T result = this.breaker.executeSupplier(call);
			outcome = "success";
			return result;
		}
		catch (TrialApplicationRejectedException ex) {
			outcome = "rejected";
			throw ex;
		}
		catch (CallNotPermittedException ex) {
			outcome = "circuit_open";
			throw ex;
		}
		finally {
			this.metrics.cdotCall(operation, outcome, System.nanoTime() - start);
		}
	}

}
