package io.cdottrials.cdot.catalog.internal.sync;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.cdottrials.testsupport.ZuoraStub;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.cdottrials.testsupport.ZuoraStub.Catalog.charge;
import static io.cdottrials.testsupport.ZuoraStub.Catalog.chargeFields;
import static io.cdottrials.testsupport.ZuoraStub.Catalog.planFields;
import static io.cdottrials.testsupport.ZuoraStub.Catalog.product;
import static io.cdottrials.testsupport.ZuoraStub.Catalog.ratePlan;
import static org.awaitility.Awaitility.await;

/**
 * The one application context of the catalog sync tests: the whole service over real HTTP
 * and PostgreSQL, reading the catalog from the shared WireMock Zuora. Every test starts
 * from an empty catalog and a reset Zuora.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cdot.catalog.source=zuora", "cdot.catalog.sync-on-startup=false",
				"cdot.catalog.callout-debounce=1500ms", "cdot.zuora.client-id=test-client",
				"cdot.zuora.client-secret=test-secret", "cdot.zuora.page-size=" + CatalogSyncIntegrationTest.PAGE_SIZE,
				"cdot.zuora.retry.max-attempts=3", "cdot.zuora.retry.initial-backoff=10ms",
				"cdot.zuora.retry.max-backoff=2s" })
@AutoConfigureTestRestTemplate
public abstract class CatalogSyncIntegrationTest {

	protected static final int PAGE_SIZE = 2;

	protected static final ZuoraStub zuora = ZuoraStub.shared();

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected CatalogSyncService syncs;

	@DynamicPropertySource
	static void zuoraBaseUrl(DynamicPropertyRegistry registry) {
		registry.add("cdot.zuora.base-url", zuora::baseUrl);
	}

	@BeforeEach
	void emptyCatalogAndResetZuora() {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from catalog_sync_run where status in ('queued', 'running')")
				.query(Long.class)
				.single() == 0);
		// the previous test's catalog reload may still be reading on its event thread;
		// when
		// PostgreSQL picks the truncate as a deadlock's victim, it runs again
		await().atMost(Duration.ofSeconds(10)).ignoreException(PessimisticLockingFailureException.class).until(() -> {
			this.jdbc.sql("""
					truncate catalog_charge_tier, catalog_charge, catalog_rate_plan, catalog_product, catalog_version,
					  catalog_sync_run restart identity cascade""").update();
			return true;
		});
		// ShedLock remembers which lock rows it has inserted: release them, never delete
		// them
		this.jdbc.sql("update shedlock set lock_until = timezone('utc', now()) - interval '1 second'").update();
		zuora.reset();
	}

	/**
	 * A catalog of {@code count} products with one rate plan and one charge each: product
	 * {@code Pn}, rate plan {@code RPn}, charge {@code Cn}.
	 */
	protected static List<Map<String, Object>> catalog(int count) {
		return IntStream.rangeClosed(1, count).mapToObj(CatalogSyncIntegrationTest::product).toList();
	}

	protected static Map<String, Object> product(int i) {
		return ZuoraStub.Catalog.product("P" + i, "Product " + i, List.of(ratePlan(i)));
	}

	protected static Map<String, Object> ratePlan(int i) {
		return ZuoraStub.Catalog.ratePlan("RP" + i, "Plan " + i, planFields("initial_purchase;renew", "True"),
				List.of(charge(i)));
	}

	protected static Map<String, Object> charge(int i) {
		return ZuoraStub.Catalog.charge("C" + i, "Charge " + i, "Annual", 100.0 * i,
				chargeFields("Premium", "GitLab.com"));
	}

	/** Takes the sync lock as another replica would. */
	protected void anotherReplicaHoldsTheSyncLock() {
		this.jdbc
			.sql("""
					insert into shedlock (name, lock_until, locked_at, locked_by)
					values ('catalog-sync', timezone('utc', now()) + interval '5 minutes', timezone('utc', now()), 'replica-2')
					on conflict (name) do update set lock_until = excluded.lock_until, locked_at = excluded.locked_at,
					  locked_by = excluded.locked_by""")
			.update();
	}

	protected long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
