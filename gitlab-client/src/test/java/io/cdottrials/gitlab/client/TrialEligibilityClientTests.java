package io.cdottrials.gitlab.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.cdottrials.gitlab.client.ClientTestApplication.PausingFillListener;
import io.cdottrials.gitlab.testsupport.CdotStub;
import io.cdottrials.gitlab.testsupport.TestNamespaces;
import io.cdottrials.model.TrialApplication;
import io.cdottrials.model.TrialResponse;
import io.cdottrials.model.TrialType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The library on a real Redis and a WireMock CDot: what goes to CDot, what is cached, and
 * what callers see when CDot fails. The CDot breaker is kept out of the way here (its own
 * tests are in {@link CdotCircuitBreakerTests}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "gitlab.trial-eligibility.cdot-breaker.minimum-number-of-calls=1000",
				"gitlab.trial-eligibility.cdot-breaker.sliding-window-size=1000", "gitlab.cdot.read-timeout=1s" })
class TrialEligibilityClientTests {

	private static final String DAP = TrialType.ULTIMATE_WITH_DAP.wireName();

	private static final String DUO_PRO = TrialType.GITLAB_DUO_PRO.wireName();

	@RegisterExtension
	static final CdotStub cdot = new CdotStub();

	@Autowired
	TrialEligibilityClient client;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	PausingFillListener fillListener;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void cdotUrl(DynamicPropertyRegistry registry) {
		registry.add("gitlab.cdot.base-url", cdot::baseUrl);
	}

	@Test
	void answersFromCdotOnceThenFromRedis() {
		long id = TestNamespaces.next();
		cdot.answers(Map.of(id, List.of(DAP, DUO_PRO)));

		NamespaceEligibility first = this.client.eligibility(List.of(id)).get(id);
		NamespaceEligibility second = this.client.eligibility(List.of(id)).get(id);

		assertThat(first).isEqualTo(new NamespaceEligibility(List.of(DAP, DUO_PRO), AnswerState.FRESH));
		assertThat(second).isEqualTo(first);
		assertThat(cdot.eligibilityRequests()).containsExactly(List.of(id));
		Long ttl = this.redis.getExpire(EligibilityCache.key(id), TimeUnit.SECONDS);
		Duration kept = Duration.ofHours(8 + 24);
		assertThat(ttl).isBetween(kept.minusMinutes(11).toSeconds(), kept.plusMinutes(10).toSeconds());
	}

	@Test
	void partialHitSendsCdotOnlyTheMissingIds() {
		long cached1 = TestNamespaces.next();
		long cached2 = TestNamespaces.next();
		long missing1 = TestNamespaces.next();
		long missing2 = TestNamespaces.next();
		cdot.answers(
				Map.of(cached1, List.of(DAP), cached2, List.of(), missing1, List.of(DUO_PRO), missing2, List.of(DAP)));
		this.client.eligibility(List.of(cached1, cached2));
		cdot.server().resetRequests();

		EligibilityAnswer answer = this.client.eligibility(List.of(cached1, missing1, cached2, missing2, missing1));

		assertThat(cdot.eligibilityRequests()).containsExactly(List.of(missing1, missing2));
		assertThat(answer.namespaces()).containsExactly(
				Map.entry(cached1, new NamespaceEligibility(List.of(DAP), AnswerState.FRESH)),
				Map.entry(missing1, new NamespaceEligibility(List.of(DUO_PRO), AnswerState.FRESH)),
				Map.entry(cached2, new NamespaceEligibility(List.of(), AnswerState.FRESH)),
				Map.entry(missing2, new NamespaceEligibility(List.of(DAP), AnswerState.FRESH)));
	}

	@Test
	void anAnswerStaysAsGivenWhenTheCallerReusesItsList() {
		long first = TestNamespaces.next();
		long second = TestNamespaces.next();
		cdot.answers(Map.of(first, List.of(DAP), second, List.of(DUO_PRO)));
		List<Long> ids = new ArrayList<>(List.of(first, second));

		EligibilityAnswer answer = this.client.eligibility(ids);
		ids.set(0, TestNamespaces.next());

		assertThat(answer.namespaces()).containsOnlyKeys(first, second);
		assertThat(answer.get(first).trialTypes()).containsExactly(DAP);
	}

	@Test
	void missesAreChunkedAtCdotsLimit() {
		List<Long> ids = LongStream.range(0, 1500).map((i) -> TestNamespaces.next()).boxed().toList();
		cdot.answers(Map.of(ids.get(0), List.of(DAP), ids.get(1499), List.of(DUO_PRO)));

		EligibilityAnswer answer = this.client.eligibility(ids);

		assertThat(cdot.eligibilityRequests()).extracting(List::size).containsExactly(1000, 500);
		assertThat(answer.namespaces()).hasSize(1500);
		assertThat(answer.get(ids.get(0)).trialTypes()).containsExactly(DAP);
		assertThat(answer.get(ids.get(1499)).trialTypes()).containsExactly(DUO_PRO);
		assertThat(answer.get(ids.get(700))).isEqualTo(new NamespaceEligibility(List.of(), AnswerState.FRESH));
	}

	@Test
	void namespacesCdotLeavesOutAreCachedAsEmptyBriefly() {
		long answered = TestNamespaces.next();
		long leftOut = TestNamespaces.next();
		cdot.answers(Map.of(answered, List.of(DAP)));

		EligibilityAnswer answer = this.client.eligibility(List.of(answered, leftOut));

		assertThat(answer.get(leftOut)).isEqualTo(new NamespaceEligibility(List.of(), AnswerState.FRESH));
		assertThat(this.redis.getExpire(EligibilityCache.key(leftOut), TimeUnit.SECONDS)).isBetween(1L, 300L);
		this.client.eligibility(List.of(leftOut));
		assertThat(cdot.eligibilityRequests()).hasSize(1);
	}

	@Test
	void fiftyConcurrentRequestsForOneColdNamespaceMakeOneCdotCall() throws Exception {
		long id = TestNamespaces.next();
		cdot.answersAfter(Map.of(id, List.of(DAP)), 300);
		double coalescedBefore = this.meters.counter("gitlab.trial_eligibility.coalesced_misses").count();
		CountDownLatch start = new CountDownLatch(1);
		List<Future<NamespaceEligibility>> answers = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(50);
		try {
			for (int i = 0; i < 50; i++) {
				answers.add(threads.submit(() -> {
					start.await();
					return this.client.eligibility(List.of(id)).get(id);
				}));
			}
			start.countDown();
			for (Future<NamespaceEligibility> answer : answers) {
				assertThat(answer.get(10, TimeUnit.SECONDS))
					.isEqualTo(new NamespaceEligibility(List.of(DAP), AnswerState.FRESH));
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(cdot.eligibilityRequests()).containsExactly(List.of(id));
		assertThat(this.meters.counter("gitlab.trial_eligibility.coalesced_misses").count() - coalescedBefore)
			.isPositive();
	}

	@Test
	void invalidationDuringFillWins() throws Exception {
		long id = TestNamespaces.next();
		cdot.answers(Map.of(id, List.of(DAP)));
		this.fillListener.pause(id);
		CompletableFuture<EligibilityAnswer> fill = CompletableFuture
			.supplyAsync(() -> this.client.eligibility(List.of(id)));
		assertThat(this.fillListener.awaitPaused()).isTrue();

		this.client.invalidate(List.of(id));
		cdot.answers(Map.of(id, List.of()));
		this.fillListener.release();

		assertThat(fill.get(10, TimeUnit.SECONDS).get(id).trialTypes()).containsExactly(DAP);
		assertThat(cachedAnswer(id)).isNull();
		assertThat(this.client.eligibility(List.of(id)).get(id))
			.isEqualTo(new NamespaceEligibility(List.of(), AnswerState.FRESH));
		assertThat(cdot.eligibilityRequests()).hasSize(2);
	}

	@Test
	void invalidateDropsTheCachedAnswer() {
		long id = TestNamespaces.next();
		cdot.answers(Map.of(id, List.of(DAP)));
		this.client.eligibility(List.of(id));
		cdot.answers(Map.of(id, List.of(DUO_PRO)));
		double invalidated = this.meters.counter("gitlab.trial_eligibility.invalidations", "source", "api").count();

		this.client.invalidate(List.of(id));

		assertThat(this.client.eligibility(List.of(id)).get(id).trialTypes()).containsExactly(DUO_PRO);
		assertThat(this.meters.counter("gitlab.trial_eligibility.invalidations", "source", "api").count() - invalidated)
			.isEqualTo(1);
	}

	@Test
	void cdotDownServesAnExpiredEntryAsStale() {
		long id = TestNamespaces.next();
		long hourAgo = Instant.now().minus(Duration.ofHours(1)).toEpochMilli();
		byte[] expired = CachedValueFormat.encode(0,
				new CachedEntry(List.of(DUO_PRO), hourAgo - Duration.ofHours(8).toMillis(), hourAgo));
		this.redis.execute((RedisCallback<Boolean>) (connection) -> connection.stringCommands()
			.set(EligibilityCache.keyBytes(id), expired, Expiration.from(Duration.ofHours(23)), SetOption.upsert()));
		cdot.fails();

		NamespaceEligibility answer = this.client.eligibility(List.of(id)).get(id);

		assertThat(answer).isEqualTo(new NamespaceEligibility(List.of(DUO_PRO), AnswerState.STALE));
		assertThat(cdot.eligibilityRequests()).hasSize(1);
	}

	@Test
	void cdotDownWithNothingCachedIsIneligibleAndDegradedAndNotCached() {
		long id = TestNamespaces.next();
		cdot.fails();

		EligibilityAnswer answer = this.client.eligibility(List.of(id));

		assertThat(answer.get(id)).isEqualTo(new NamespaceEligibility(List.of(), AnswerState.DEGRADED));
		assertThat(answer.degraded()).isTrue();
		assertThat(this.client.namespaceEligible(id, TrialType.ULTIMATE_WITH_DAP)).isFalse();
		assertThat(this.redis.hasKey(EligibilityCache.key(id))).isFalse();
		cdot.answers(Map.of(id, List.of(DAP)));
		assertThat(this.client.eligibility(List.of(id)).get(id))
			.isEqualTo(new NamespaceEligibility(List.of(DAP), AnswerState.FRESH));
	}

	@Test
	void cdotTooSlowIsDegraded() {
		long id = TestNamespaces.next();
		cdot.answersAfter(Map.of(id, List.of(DAP)), 1500);

		assertThat(this.client.eligibility(List.of(id)).get(id))
			.isEqualTo(new NamespaceEligibility(List.of(), AnswerState.DEGRADED));
	}

	@Test
	void eligibleNamespacesKeepsThoseEligibleForTheType() {
		long dap = TestNamespaces.next();
		long duo = TestNamespaces.next();
		long none = TestNamespaces.next();
		cdot.answers(Map.of(dap, List.of(DAP), duo, List.of(DUO_PRO), none, List.of()));

		assertThat(this.client.eligibleNamespaces(List.of(none, duo, dap), TrialType.GITLAB_DUO_PRO))
			.containsExactly(duo);
		assertThat(this.client.namespaceEligible(dap, TrialType.ULTIMATE_WITH_DAP)).isTrue();
	}

	@Test
	void cacheGetsAreCountedByResult() {
		long id = TestNamespaces.next();
		cdot.answers(Map.of(id, List.of(DAP)));
		double hits = this.meters.counter("gitlab.trial_eligibility.cache.gets", "result", "hit").count();
		double misses = this.meters.counter("gitlab.trial_eligibility.cache.gets", "result", "miss").count();
		long successfulCalls = eligibilityCalls("success");

		this.client.eligibility(List.of(id));
		this.client.eligibility(List.of(id));

		assertThat(this.meters.counter("gitlab.trial_eligibility.cache.gets", "result", "miss").count() - misses)
			.isEqualTo(1);
		assertThat(this.meters.counter("gitlab.trial_eligibility.cache.gets", "result", "hit").count() - hits)
			.isEqualTo(1);
		assertThat(eligibilityCalls("success") - successfulCalls).as("only the miss asks CDot").isEqualTo(1);
	}

	@Test
	void applyTrialCallsCdotThenInvalidates() {
		long id = TestNamespaces.next();
		cdot.answers(Map.of(id, List.of(DAP)));
		this.client.eligibility(List.of(id));
		cdot.server()
			.stubFor(WireMock.post("/trials")
				.withHeader("X-Admin-Token", WireMock.equalTo(CdotStub.ADMIN_TOKEN))
				.withRequestBody(WireMock.equalToJson("{\"uid\":7,\"trial_user\":{\"namespace_id\":" + id
						+ ",\"trial_type\":\"ultimate_with_dap\",\"gitlab_com_trial\":true,\"sync_to_gl\":true}}"))
				.willReturn(WireMock.jsonResponse("{\"trial\":{\"id\":3,\"namespace_id\":" + id
						+ ",\"trial_type\":\"ultimate_with_dap\",\"starts_on\":\"2026-01-01\",\"ends_on\":\"2026-01-31\"},\"success\":true}",
						201)));

		TrialResponse response = this.client.applyTrial(id, new TrialApplication(DAP, 7L, null, null, null));

		assertThat(response.trial().trialType()).isEqualTo(DAP);
		assertThat(response.trial().namespaceId()).isEqualTo(id);
		assertThat(cachedAnswer(id)).isNull();
	}

	@Test
	void applyTrialSurfacesCdotsRejection() {
		long id = TestNamespaces.next();
		cdot.server()
			.stubFor(WireMock.post("/trials")
				.willReturn(WireMock.jsonResponse(
						"{\"success\":false,\"errors\":[\"namespace already had a trial of family ultimate_free\"]}",
						422)));

		assertThatExceptionOfType(TrialApplicationRejectedException.class)
			.isThrownBy(() -> this.client.applyTrial(id, new TrialApplication(DAP, 7L, null, null, null)))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(422);
				assertThat(ex.errors()).containsExactly("namespace already had a trial of family ultimate_free");
			});
	}

	@Test
	void applyTrialWithCdotDownSaysSo() {
		long id = TestNamespaces.next();
		cdot.server().stubFor(WireMock.post("/trials").willReturn(WireMock.serverError()));

		assertThatExceptionOfType(CdotUnavailableException.class)
			.isThrownBy(() -> this.client.applyTrial(id, new TrialApplication(DAP, 7L, null, null, null)));
	}

	@Test
	void rejectsNonPositiveIds() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.client.eligibility(List.of(1L, 0L)));
	}

	private long eligibilityCalls(String outcome) {
		Timer calls = this.meters.find("gitlab.cdot.calls")
			.tag("operation", "eligibility")
			.tag("outcome", outcome)
			.timer();
		return (calls != null) ? calls.count() : 0;
	}

	/**
	 * The answer Redis holds for a namespace: {@code null} when there is none (no key, or
	 * an invalidation's tombstone).
	 */
	private @Nullable CachedEntry cachedAnswer(long id) {
		return CachedValueFormat
			.entry(this.redis.execute((RedisCallback<byte[]>) (connection) -> connection.stringCommands()
				.get(EligibilityCache.keyBytes(id))));
	}

}
