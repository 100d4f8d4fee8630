package io.cdottrials.gitlab.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.cdottrials.gitlab.testsupport.CdotStub;
import io.cdottrials.gitlab.testsupport.TestNamespaces;
import io.cdottrials.model.TrialType;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Redis refuses connections (port 1 on loopback): answers come straight from CDot, a
 * bounded number at a time, and no error reaches the caller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.data.redis.url=redis://127.0.0.1:1", "spring.data.redis.timeout=200ms",
				"spring.data.redis.connect-timeout=200ms", "gitlab.trial-eligibility.redis-down-concurrency=1",
				"gitlab.trial-eligibility.cdot-breaker.minimum-number-of-calls=1000" })
class RedisDownTests {

	private static final String DAP = TrialType.ULTIMATE_WITH_DAP.wireName();

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
	void answersComeStraightFromCdot() {
		long id = TestNamespaces.next();
		cdot.answers(Map.of(id, List.of(DAP)));

		assertThat(this.client.eligibility(List.of(id)).get(id))
			.isEqualTo(new NamespaceEligibility(List.of(DAP), AnswerState.FRESH));
		assertThat(this.client.eligibility(List.of(id)).get(id).trialTypes()).containsExactly(DAP);
		assertThat(cdot.eligibilityRequests()).hasSize(2);
	}

	@Test
	void cdotDownTooIsDegradedWithoutAnError() {
		long id = TestNamespaces.next();
		cdot.fails();

		assertThat(this.client.eligibility(List.of(id)).get(id))
			.isEqualTo(new NamespaceEligibility(List.of(), AnswerState.DEGRADED));
	}

	@Test
	void callsToCdotAreBoundedWhileRedisIsDown() throws Exception {
		long slow = TestNamespaces.next();
		long other = TestNamespaces.next();
		cdot.answersAfter(Map.of(slow, List.of(DAP), other, List.of(DAP)), 1000);
		CompletableFuture<EligibilityAnswer> first = CompletableFuture
			.supplyAsync(() -> this.client.eligibility(List.of(slow)));
		await().until(() -> cdot.eligibilityRequests().size() == 1);

		NamespaceEligibility second = this.client.eligibility(List.of(other)).get(other);

		assertThat(second).isEqualTo(new NamespaceEligibility(List.of(), AnswerState.DEGRADED));
		assertThat(this.meters.get("resilience4j.bulkhead.available.concurrent.calls")
			.tag("name", TrialEligibilityAutoConfiguration.REDIS_DOWN_BULKHEAD)
			.gauge()
			.value()).isZero();
		assertThat(first.get(10, TimeUnit.SECONDS).get(slow).state()).isEqualTo(AnswerState.FRESH);
		assertThat(cdot.eligibilityRequests()).hasSize(1);
	}

	@Test
	void repeatedRedisFailuresOpenTheRedisBreaker() {
		long id = TestNamespaces.next();
		cdot.answers(Map.of(id, List.of(DAP)));

		for (int i = 0; i < 12; i++) {
			assertThat(this.client.eligibility(List.of(id)).get(id).state()).isEqualTo(AnswerState.FRESH);
		}

		assertThat(this.meters.get("resilience4j.circuitbreaker.state")
			.tag("name", TrialEligibilityAutoConfiguration.REDIS_BREAKER)
			.tag("state", "open")
			.gauge()
			.value()).isEqualTo(1);
	}

	@Test
	void invalidationTellsTheCallerItDidNotHappen() {
		assertThatExceptionOfType(EligibilityCacheUnavailableException.class)
			.isThrownBy(() -> this.client.invalidate(List.of(TestNamespaces.next())));
	}

}
