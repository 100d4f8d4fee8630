package io.cdottrials.benchmarks;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cdottrials.cdot.CdotApplication;
import io.cdottrials.cdot.catalog.internal.sync.CatalogSyncService;
import io.cdottrials.cdot.catalog.internal.sync.SyncRun;
import io.cdottrials.cdot.catalog.internal.sync.SyncTrigger;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Time to sync the bundled demo catalog with the real service: into an empty catalog
 * (every record inserted, version 1) and again unchanged (read and compared, no new
 * version), from the file source and from a WireMock Zuora paging 40 products at a time;
 * plus the demo catalog copied ten times (160 products, 660 rate plans, 4 pages). Prints
 * the median and the spread of several runs after warm-up runs.
 * <p>
 * Run: {@code ./mvnw -q -Pbenchmarks -pl benchmarks -am -DskipTests package
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt} then
 * {@code java -cp benchmarks/target/classes:$(cat benchmarks/target/cp.txt) io.cdottrials.benchmarks.CatalogSyncBenchmark}.
 */
public final class CatalogSyncBenchmark {

	private static final int WARMUP = 10;

	private static final int RUNS = 15;

	private static final int PAGE_SIZE = 40;

	private static final JsonMapper json = JsonMapper.builder().build();

	private CatalogSyncBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		JsonNode demo;
		try (InputStream input = CdotApplication.class.getResourceAsStream("/catalog/demo-catalog.json")) {
			demo = json.readTree(input);
		}
		List<JsonNode> demoProducts = new ArrayList<>(demo.path("products").values());
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			WireMockServer zuora = new WireMockServer(options().dynamicPort());
			zuora.start();
			try {
				Map<String, String> results = new LinkedHashMap<>();
				results.putAll(measure("file", postgres, Map.of("cdot.catalog.source", "file")));
				stubZuora(zuora, demoProducts);
				results.putAll(measure("zuora", postgres, zuoraProperties(zuora)));
				stubZuora(zuora, copies(demoProducts, 10));
				results.putAll(measure("zuora-x10", postgres, zuoraProperties(zuora)));
				System.out.println();
				System.out.printf("Catalog sync, median of %d runs after %d warm-up runs (min..max), %d cores%n", RUNS,
						WARMUP, Runtime.getRuntime().availableProcessors());
				results.forEach((name, result) -> System.out.printf("  %-32s %s%n", name, result));
			}
			finally {
				zuora.stop();
			}
		}
	}

	private static Map<String, String> measure(String name, EmbeddedPostgres postgres, Map<String, String> source)
			throws SQLException {
		String database = "bench_" + name.replace('-', '_');
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + database);
		}
		Map<String, Object> properties = new LinkedHashMap<>(source);
		properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", database));
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.password", "postgres");
		properties.put("server.port", "0");
		properties.put("cdot.catalog.sync-on-startup", "false");
		properties.put("cdot.catalog.sync-cron", "-");
		properties.put("cdot.admin.token", "bench");
		properties.put("cdot.api.admin-email", "bench@example.com");
		properties.put("cdot.api.admin-token", "bench");
		properties.put("cdot.zuora.callout-username", "bench");
		properties.put("cdot.zuora.callout-password", "bench");
		properties.put("logging.level.root", "WARN");
		// the replica's own reload after each sync is enough; no periodic check between
		// runs
		properties.put("cdot.catalog.refresh-interval", "1h");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CdotApplication.class)
			.properties(properties)
			.run()) {
			CatalogSyncService syncs = context.getBean(CatalogSyncService.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			long[] first = new long[RUNS];
			long[] unchanged = new long[RUNS];
			String shape = "";
			for (int run = -WARMUP; run < RUNS; run++) {
				emptyCatalog(jdbc);
				long started = System.nanoTime();
				SyncRun firstRun = syncs.syncNow(SyncTrigger.ADMIN);
				long firstTook = System.nanoTime() - started;
				started = System.nanoTime();
				SyncRun secondRun = syncs.syncNow(SyncTrigger.ADMIN);
				long unchangedTook = System.nanoTime() - started;
				check(firstRun, 1L);
				check(secondRun, 1L);
				if (run >= 0) {
					first[run] = firstTook;
					unchanged[run] = unchangedTook;
				}
				shape = firstRun.counts().path("products").asInt() + " products, "
						+ firstRun.counts().path("rate_plans").asInt() + " rate plans, "
						+ firstRun.counts().path("charges").asInt() + " charges";
			}
			Map<String, String> results = new LinkedHashMap<>();
			results.put(name + " (" + shape + ") first sync", summary(first));
			results.put(name + " unchanged re-sync", summary(unchanged));
			return results;
		}
	}

	private static void check(SyncRun run, Long expectedVersion) {
		if (!"succeeded".equals(run.status()) || !expectedVersion.equals(run.catalogVersion())) {
			throw new IllegalStateException("Unexpected sync outcome: " + run);
		}
	}

	private static String summary(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return String.format(Locale.ROOT, "%7.1f ms  (%.1f..%.1f)", sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6,
				sorted[sorted.length - 1] / 1e6);
	}

	private static Map<String, String> zuoraProperties(WireMockServer zuora) {
		return Map.of("cdot.catalog.source", "zuora", "cdot.zuora.base-url", zuora.baseUrl(), "cdot.zuora.client-id",
				"bench", "cdot.zuora.client-secret", "bench", "cdot.zuora.page-size", String.valueOf(PAGE_SIZE));
	}

	private static void stubZuora(WireMockServer zuora, List<JsonNode> products) {
		zuora.resetAll();
		zuora.stubFor(post(urlEqualTo("/oauth/token"))
			.willReturn(okJson("{\"access_token\":\"bench-token\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
		int pages = Math.max(1, (products.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		for (int page = 1; page <= pages; page++) {
			ObjectNode body = json.createObjectNode();
			ArrayNode content = body.putArray("products");
			products.subList((page - 1) * PAGE_SIZE, Math.min(products.size(), page * PAGE_SIZE)).forEach(content::add);
			if (page < pages) {
				body.put("nextPage", path(page + 1));
			}
			body.put("success", true);
			zuora.stubFor(get(urlEqualTo(path(page))).willReturn(okJson(body.toString())));
		}
	}

	private static String path(int page) {
		return (page == 1) ? "/v1/catalog/products?pageSize=" + PAGE_SIZE
				: "/v1/catalog/products?page=" + page + "&pageSize=" + PAGE_SIZE;
	}

	/** The catalog {@code times} times over, every Zuora id made unique per copy. */
	private static List<JsonNode> copies(List<JsonNode> products, int times) {
		List<JsonNode> copies = new ArrayList<>();
		for (int copy = 0; copy < times; copy++) {
			for (JsonNode product : products) {
				ObjectNode clone = (ObjectNode) product.deepCopy();
				suffixIds(clone, "x" + copy);
				copies.add(clone);
			}
		}
		return copies;
	}

	private static void suffixIds(ObjectNode product, String suffix) {
		product.put("id", product.path("id").asString() + suffix);
		for (JsonNode ratePlan : product.path("productRatePlans")) {
			((ObjectNode) ratePlan).put("id", ratePlan.path("id").asString() + suffix);
			for (JsonNode charge : ratePlan.path("productRatePlanCharges")) {
				((ObjectNode) charge).put("id", charge.path("id").asString() + suffix);
			}
		}
	}

	private static void emptyCatalog(JdbcTemplate jdbc) {
		// the in-memory reload after the previous sync may still be reading these tables;
		// PostgreSQL then picks one of the two as a deadlock victim
		for (int attempt = 1;; attempt++) {
			try {
				jdbc.execute("truncate catalog_charge_tier, catalog_charge, catalog_rate_plan, catalog_product, "
						+ "catalog_version, catalog_sync_run cascade");
				return;
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

}
