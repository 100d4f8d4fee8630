package io.cdottrials.gitlab.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cdottrials.gitlab.testsupport.CdotStub;
import io.cdottrials.gitlab.testsupport.TestNamespaces;
import io.cdottrials.model.TrialType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The circuit breaker around CDot: it opens after its threshold of failed calls, stops
 * calling CDot while open, and closes again once CDot answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "gitlab.trial-eligibility.cdot-breaker.minimum-number-of-calls=4",
				"gitlab.trial-eligibility.cdot-breaker.sliding-window-size=4",
				"gitlab.trial-eligibility.cdot-breaker.failure-rate-threshold=50",
				"gitlab.trial-eligibility.cdot-breaker.wait-duration-in-open-state=500ms",
				"gitlab.trial-eligibility.cdot-breaker.permitted-calls-in-half-open-state=1" })
class CdotCircuitBreakerTests {

	@RegisterExtension
	static final CdotStub cdot = new CdotStub();

	@Autowired
	TrialEligibilityClient client;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void cdotUrl(DynamicPropertyRegistry registry) {
		registry.add("gitlab.cdot.base-url", cdot::baseUrl);
	}

	@Test
	void opensAfterItsThresholdAndClosesWhenCdotIsBack() {
		cdot.fails();
		for (int i = 0; i < 4; i++) {
			long id = TestNamespaces.next();
			assertThat(this.client.eligibility(List.of(id)).get(id).state()).isEqualTo(AnswerState.DEGRADED);
		}
		assertThat(cdot.eligibilityRequests()).hasSize(4);
		assertThat(breakerState("open")).isEqualTo(1);

		long whileOpen = TestNamespaces.next();
		long refusedWhileOpen = eligibilityCalls("circuit_open");
		assertThat(this.client.eligibility(List.of(whileOpen)).get(whileOpen).state()).isEqualTo(AnswerState.DEGRADED);
		assertThat(cdot.eligibilityRequests()).hasSize(4);
		assertThat(eligibilityCalls("circuit_open") - refusedWhileOpen).as("refused without a call").isEqualTo(1);

		long afterwards = TestNamespaces.next();
		cdot.answers(Map.of(afterwards, List.of(TrialType.ULTIMATE_WITH_DAP.wireName())));
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(this.client.eligibility(List.of(afterwards)).get(afterwards)).isEqualTo(
					new NamespaceEligibility(List.of(TrialType.ULTIMATE_WITH_DAP.wireName()), AnswerState.FRESH)));
		assertThat(breakerState("closed")).isEqualTo(1);
	}

	private double breakerState(String state) {
		return this.meters.get("resilience4j.circuitbreaker.state")
			.tag("name", TrialEligibilityAutoConfiguration.CDOT_BREAKER)
			.tag("state", state)
			.gauge()
			.value();
	}

	private long eligibilityCalls(String outcome) {
		Timer calls = this.meters.find("gitlab.cdot.calls")
			.tag("operation", "eligibility")
			.tag("outcome", outcome)
			.timer();
		return (calls != null) ? calls.count() : 0;
	}

}
