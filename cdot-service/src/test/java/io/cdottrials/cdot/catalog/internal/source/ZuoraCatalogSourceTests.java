package io.cdottrials.cdot.catalog.internal.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cdottrials.cdot.catalog.internal.source.record.ProductRecord;
import io.cdottrials.cdot.catalog.internal.zuora.ZuoraProperties;
import io.cdottrials.testsupport.ZuoraStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.cdottrials.testsupport.ZuoraStub.Catalog.charge;
import static io.cdottrials.testsupport.ZuoraStub.Catalog.chargeFields;
import static io.cdottrials.testsupport.ZuoraStub.Catalog.planFields;
import static io.cdottrials.testsupport.ZuoraStub.Catalog.product;
import static io.cdottrials.testsupport.ZuoraStub.Catalog.ratePlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Zuora source against a WireMock Zuora: paging, tokens, retries, failures.
 */
class ZuoraCatalogSourceTests {

	private static final int PAGE_SIZE = 2;

	private final ZuoraStub zuora = ZuoraStub.shared();

	private final MutableClock clock = new MutableClock();

	@BeforeEach
	void resetZuora() {
		this.zuora.reset();
	}

	@Test
	void followsNextPageRelativeAndAbsoluteUntilZuoraGivesNone() {
		this.zuora.stubCatalog(PAGE_SIZE, products(5));
		FetchedCatalog snapshot = source(3).fetch();
		assertThat(snapshot.products()).extracting(ProductRecord::zuoraId)
			.containsExactly("P1", "P2", "P3", "P4", "P5");
		assertThat(snapshot.ratePlans()).hasSize(5);
		assertThat(this.zuora.productRequests()).isEqualTo(3);
		this.zuora.server()
			.verify(1, getRequestedFor(urlEqualTo(ZuoraStub.pagePath(3, PAGE_SIZE))).withHeader("Authorization",
					equalTo("Bearer token-1")));
	}

	@Test
	void reusesTheTokenUntilShortlyBeforeItExpiresThenRenewsIt() {
		this.zuora.stubToken("token-1", 120);
		this.zuora.stubCatalog(PAGE_SIZE, products(3));
		ZuoraCatalogSource source = source(3);
		source.fetch();
		this.clock.advance(Duration.ofSeconds(30));
		source.fetch();
		assertThat(this.zuora.tokenRequests()).as("token reused while more than the skew is left").isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(31));
		source.fetch();
		assertThat(this.zuora.tokenRequests()).as("renewed within the 60s skew of its expiry").isEqualTo(2);
		this.zuora.server()
			.verify(postRequestedFor(urlEqualTo("/oauth/token")).withRequestBody(
					equalTo("grant_type=client_credentials&client_id=test-client&client_secret=test-secret")));
	}

	@Test
	void renewsTheTokenOnceWhenZuoraAnswers401() {
		this.zuora.server()
			.stubFor(post(urlEqualTo("/oauth/token")).inScenario("tokens")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(ZuoraStub.tokenResponse("revoked-token", 3600))
				.willSetStateTo("renewed"));
		this.zuora.server()
			.stubFor(post(urlEqualTo("/oauth/token")).inScenario("tokens")
				.whenScenarioStateIs("renewed")
				.willReturn(ZuoraStub.tokenResponse("fresh-token", 3600)));
		this.zuora.stubCatalog(PAGE_SIZE, products(1));
		this.zuora.server()
			.stubFor(ZuoraStub.pageRequest(1, PAGE_SIZE)
				.withHeader("Authorization", equalTo("Bearer revoked-token"))
				.atPriority(1)
				.willReturn(ZuoraStub.status(401).withBody("{\"message\":\"Authentication error\"}")));
		FetchedCatalog snapshot = source(3).fetch();
		assertThat(snapshot.products()).hasSize(1);
		assertThat(this.zuora.tokenRequests()).isEqualTo(2);
		assertThat(this.zuora.productRequests()).isEqualTo(2);
	}

	@Test
	void retriesA429AfterTheWaitZuoraAsksFor() {
		this.zuora.stubCatalog(PAGE_SIZE, products(3));
		this.zuora.server()
			.stubFor(ZuoraStub.pageRequest(2, PAGE_SIZE)
				.inScenario("busy")
				.whenScenarioStateIs(Scenario.STARTED)
				.atPriority(1)
				.willReturn(ZuoraStub.status(429).withHeader("Retry-After", "1"))
				.willSetStateTo("calm"));
		FetchedCatalog snapshot = source(3).fetch();
		assertThat(snapshot.products()).hasSize(3);
		List<LoggedRequest> secondPage = this.zuora.server()
			.findAll(getRequestedFor(urlEqualTo(ZuoraStub.pagePath(2, PAGE_SIZE))));
		assertThat(secondPage).hasSize(2);
		long waitedMillis = secondPage.get(1).getLoggedDate().getTime() - secondPage.get(0).getLoggedDate().getTime();
		assertThat(waitedMillis).as("Retry-After: 1 replaces the 10ms backoff").isGreaterThanOrEqualTo(950);
	}

	@Test
	void givesUpAfterTheLastAttemptOnServerErrors() {
		this.zuora.stubCatalog(PAGE_SIZE, products(5));
		this.zuora.server()
			.stubFor(ZuoraStub.pageRequest(3, PAGE_SIZE).atPriority(1).willReturn(ZuoraStub.status(503)));
		assertThatExceptionOfType(CatalogSourceException.class).isThrownBy(() -> source(3).fetch())
			.withMessageContaining("page=3")
			.withMessageContaining("HTTP 503 on each of 3 attempts");
		assertThat(this.zuora.server().findAll(getRequestedFor(urlEqualTo(ZuoraStub.pagePath(3, PAGE_SIZE)))))
			.hasSize(3);
	}

	@Test
	void successFalseIsAFailureWithZuorasReasons() {
		this.zuora.stubCatalog(PAGE_SIZE, products(3));
		this.zuora.server()
			.stubFor(ZuoraStub.pageRequest(2, PAGE_SIZE)
				.atPriority(1)
				.willReturn(ZuoraStub.failure("50000040", "Cannot find entity by key: 'abc'")));
		assertThatExceptionOfType(CatalogSourceException.class).isThrownBy(() -> source(3).fetch())
			.withMessageContaining("\"success\": false")
			.withMessageContaining("[50000040] Cannot find entity by key");
		assertThat(this.zuora.server().findAll(getRequestedFor(urlEqualTo(ZuoraStub.pagePath(2, PAGE_SIZE)))))
			.as("not retried")
			.hasSize(1);
	}

	@Test
	void aReadTimeoutIsRetriedAndThenFails() {
		this.zuora.stubCatalog(PAGE_SIZE, products(1));
		this.zuora.server()
			.stubFor(ZuoraStub.pageRequest(1, PAGE_SIZE)
				.atPriority(1)
				.willReturn(ZuoraStub.status(200).withFixedDelay(3000)));
		long started = System.nanoTime();
		assertThatExceptionOfType(CatalogSourceException.class).isThrownBy(() -> source(2).fetch())
			.withMessageContaining("failed on each of 2 attempts");
		// each attempt waits out the 500ms read timeout: two attempts take at least a
		// second
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
	}

	@Test
	void refusedClientCredentialsFailWithoutRetrying() {
		this.zuora.server()
			.stubFor(post(urlEqualTo("/oauth/token")).atPriority(1)
				.willReturn(ZuoraStub.status(401).withBody("{\"message\":\"Invalid client\"}")));
		this.zuora.stubCatalog(PAGE_SIZE, products(1));
		assertThatExceptionOfType(CatalogSourceException.class).isThrownBy(() -> source(3).fetch())
			.withMessageContaining("refused the client credentials")
			.withMessageNotContaining("test-secret");
		assertThat(this.zuora.tokenRequests()).isEqualTo(1);
	}

	private ZuoraCatalogSource source(int maxAttempts) {
		ZuoraProperties properties = new ZuoraProperties(this.zuora.baseUrl(), "test-client", "test-secret", PAGE_SIZE,
				Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(60),
				new ZuoraProperties.Retry(maxAttempts, Duration.ofMillis(10), 2.0, 0.5, Duration.ofSeconds(2)));
		return ZuoraCatalogSource.create(properties, RestClient.builder(), JsonMapper.builder().build(), this.clock);
	}

	private static List<Map<String, Object>> products(int count) {
		return java.util.stream.IntStream.rangeClosed(1, count)
			.mapToObj((i) -> product("P" + i, "Product " + i,
					List.of(ratePlan("RP" + i, "Plan " + i, planFields("renew", true),
							List.of(charge("C" + i, "Charge " + i, "Annual", 100 * i,
									chargeFields("Premium", "GitLab.com")))))))
			.toList();
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
