package io.cdottrials.gitlab.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cdottrials.gitlab.client.AnswerState;
import io.cdottrials.gitlab.client.EligibilityAnswer;
import io.cdottrials.gitlab.client.InvalidationSource;
import io.cdottrials.gitlab.client.NamespaceEligibility;
import io.cdottrials.gitlab.client.TrialEligibilityClient;
import io.cdottrials.web.WebSupportAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The request forms of {@code /api/v1/trial_eligibility} against a stand-in client: every
 * form asks the client once for the distinct ids, a malformed one never does, and only
 * operators invalidate.
 */
@WebMvcTest(TrialEligibilityController.class)
@Import({ SecurityConfiguration.class, WebConfiguration.class, TrialEligibilityControllerTests.SliSettings.class })
@ImportAutoConfiguration(WebSupportAutoConfiguration.class)
class TrialEligibilityControllerTests {

	private static final String PATH = "/api/v1/trial_eligibility";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private TrialEligibilityClient client;

	@Test
	void everyQueryFormAsksForTheDistinctIdsInOrder() {
		given(this.client.eligibility(List.of(2L, 1L))).willReturn(answer(2, AnswerState.FRESH, 1, AnswerState.STALE));

		MvcTestResult result = this.mvc.get().uri(PATH + "?namespace_ids=2,1&namespace_ids[]=2").exchange();

		assertThat(result).hasStatus(200).bodyJson().extractingPath("$.namespaces.1.state").isEqualTo("stale");
		assertThat(result).bodyJson()
			.extractingPath("$.namespaces.2.trial_types")
			.asArray()
			.containsExactly("ultimate_with_dap");
	}

	@Test
	void aDegradedAnswerIsStillA200() {
		given(this.client.eligibility(List.of(5L)))
			.willReturn(new EligibilityAnswer(Map.of(5L, new NamespaceEligibility(List.of(), AnswerState.DEGRADED))));

		assertThat(
				this.mvc.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).content("{\"namespace_ids\": [5]}"))
			.hasStatus(200)
			.bodyJson()
			.extractingPath("$.namespaces.5.state")
			.isEqualTo("degraded");
	}

	@Test
	void aMalformedIdIsA400ThatNeverAsks() {
		assertThat(this.mvc.get().uri(PATH + "?namespace_ids=1,abc")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.contains("positive integers only, not 'abc'");
		assertThat(this.mvc.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).content("{}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.success")
			.isEqualTo(false);
		then(this.client).should(never()).eligibility(anyCollection());
	}

	@Test
	void anOperatorInvalidatesANamespace() {
		assertThat(this.mvc.delete().uri(PATH + "/7").header("Authorization", "Bearer test-admin-token"))
			.hasStatus(204);

		then(this.client).should().invalidate(List.of(7L), InvalidationSource.ADMIN);
	}

	@Test
	void invalidatingWithoutTheAdminTokenIsA401ThatNeverInvalidates() {
		assertThat(this.mvc.delete().uri(PATH + "/7").header("Authorization", "Bearer wrong")).hasStatus(401);
		assertThat(this.mvc.delete().uri(PATH + "/7")).hasStatus(401);

		then(this.client).should(never()).invalidate(anyCollection(), any());
	}

	private static EligibilityAnswer answer(long first, AnswerState firstState, long second, AnswerState secondState) {
		Map<Long, NamespaceEligibility> namespaces = new LinkedHashMap<>();
		namespaces.put(first, new NamespaceEligibility(List.of("ultimate_with_dap"), firstState));
		namespaces.put(second, new NamespaceEligibility(List.of("gitlab_duo_pro"), secondState));
		return new EligibilityAnswer(namespaces);
	}

	// a slice leaves the application's properties scan and Actuator's registry out
	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ AdminProperties.class, SliProperties.class })
	static class SliSettings {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
