package io.cdottrials.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.cdottrials.cdot.CdotApplication;
import io.cdottrials.cdot.catalog.internal.source.CatalogSource;
import io.cdottrials.cdot.catalog.internal.sync.CatalogSyncService;
import io.cdottrials.cdot.catalog.internal.sync.SyncRun;
import io.cdottrials.cdot.catalog.internal.sync.SyncTrigger;
import io.cdottrials.testsupport.GeneratedCatalog;
import io.cdottrials.testsupport.ZuoraStub;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Catalog sync of generated catalogs ({@link GeneratedCatalog} from cdot-service's
 * test-jar: 4 rate plans a product, 4 charges a rate plan, so 10,000 rate plans are 2,500
 * products and 40,000 charges) served by a WireMock Zuora ({@link ZuoraStub}) at 40
 * products a page, through the real service: the first sync into an empty catalog and an
 * unchanged re-sync, in seconds, with the heap's peak during the first sync. The peer is
 * reading the same catalog from Zuora alone (every page fetched and parsed, nothing
 * compared or written): the floor of a sync.
 */
final class CatalogSyncBenchmark implements Suite {

	static final int PAGE_SIZE = 40;

	@Override
	public String name() {
		return "catalog";
	}

	@Override
	public void run(Settings settings, Results results) throws Exception {
		ZuoraStub zuora = ZuoraStub.shared();
		Map<String, Object> details = new LinkedHashMap<>();
		Map<Integer, double[]> chartValues = new LinkedHashMap<>();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(Files.createTempDirectory("cdot-sync-bench").resolve("pg"))
			.setCleanDataDirectory(true)
			.start()) {
			for (int ratePlans : settings.catalogSizes()) {
				zuora.reset();
				List<Map<String, Object>> products = GeneratedCatalog.products(ratePlans);
				zuora.stubCatalog(PAGE_SIZE, products);
				Syncs syncs = measure(postgres, zuora, ratePlans, settings.syncRuns());
				details.put(ratePlans + "_rate_plans", syncs.describe());
				Figure figure = Figure
					.ofRuns(String.format(Locale.ROOT, "catalog sync, %,d rate plans / %,d charges, first", ratePlans,
							ratePlans * GeneratedCatalog.CHARGES_PER_PLAN), syncs.first(), "s")
					.against("reading the catalog from Zuora alone", syncs.fetch());
				if (ratePlans == 10_000) {
					figure = figure.goal("< 20 s", figure.value() < 20);
				}
				results.figure(figure);
				Figure unchanged = Figure
					.ofRuns(String.format(Locale.ROOT, "catalog sync, %,d rate plans, unchanged re-sync", ratePlans),
							syncs.unchanged(), "s")
					.against("reading the catalog from Zuora alone", syncs.fetch());
				results.figure(unchanged);
				results.figure(Figure.ofRuns(
						String.format(Locale.ROOT, "catalog sync, %,d rate plans, heap peak during first", ratePlans),
						syncs.heapPeakMb(), "MB"));
				chartValues.put(ratePlans, new double[] { figure.value(), unchanged.value(), figure.peerValue() });
			}
		}
		details.put("process_peak_rss_mb", peakRssMb());
		details.put("setup", "service, WireMock Zuora and benchmark in one JVM; " + PAGE_SIZE
				+ " products a page; heap peak = sum of the heap pools' peaks from a GC before the sync");
		results.details(name(), details);
		results.chart("catalog-sync", chart(chartValues));
	}

	private static Syncs measure(EmbeddedPostgres postgres, ZuoraStub zuora, int ratePlans, int runs)
			throws SQLException {
		String database = "sync_" + ratePlans;
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + database);
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", database));
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.password", "postgres");
		properties.put("server.port", "0");
		properties.put("cdot.catalog.source", "zuora");
		properties.put("cdot.zuora.base-url", zuora.baseUrl());
		properties.put("cdot.zuora.client-id", "bench");
		properties.put("cdot.zuora.client-secret", "bench");
		properties.put("cdot.zuora.page-size", String.valueOf(PAGE_SIZE));
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
			CatalogSource source = context.getBean(CatalogSource.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			double[] fetch = new double[runs];
			double[] first = new double[runs];
			double[] unchanged = new double[runs];
			double[] reload = new double[runs];
			double[] heapPeakMb = new double[runs];
			String shape = "";
			// run -1 warms the JIT and the connection pool up and is not counted
			for (int run = -1; run < runs; run++) {
				emptyCatalog(jdbc);
				long started = System.nanoTime();
				source.fetch();
				long fetchTook = System.nanoTime() - started;
				System.gc();
				resetHeapPeaks();
				started = System.nanoTime();
				SyncRun firstRun = syncs.syncNow(SyncTrigger.ADMIN);
				long firstTook = System.nanoTime() - started;
				double peak = heapPeakMb();
				started = System.nanoTime();
				awaitListeners(jdbc);
				long reloadTook = System.nanoTime() - started;
				started = System.nanoTime();
				SyncRun secondRun = syncs.syncNow(SyncTrigger.ADMIN);
				long unchangedTook = System.nanoTime() - started;
				awaitListeners(jdbc);
				check(firstRun);
				check(secondRun);
				if (run >= 0) {
					fetch[run] = seconds(fetchTook);
					first[run] = seconds(firstTook);
					unchanged[run] = seconds(unchangedTook);
					reload[run] = seconds(reloadTook);
					heapPeakMb[run] = peak;
				}
				shape = firstRun.counts().toString();
				System.out.printf(Locale.ROOT,
						"catalog %d rate plans, run %d: fetch %.2f s, first sync %.2f s, "
								+ "in-memory reload after it %.2f s, unchanged %.2f s, heap peak %.0f MB%n",
						ratePlans, run, fetchTook / 1e9, firstTook / 1e9, reloadTook / 1e9, unchangedTook / 1e9, peak);
			}
			return new Syncs(fetch, first, unchanged, reload, heapPeakMb, shape);
		}
	}

	/**
	 * Each measured run of one catalog size, in seconds: the peer (reading Zuora alone),
	 * the first sync and the unchanged re-sync of the same run, one after the other.
	 *
	 * @param fetch reading the catalog from Zuora alone
	 * @param first the first sync into an empty catalog
	 * @param unchanged the unchanged re-sync
	 * @param reload the in-memory reload after the first sync
	 * @param heapPeakMb the heap's peak during the first sync
	 * @param counts what the first sync wrote
	 */
	private record Syncs(double[] fetch, double[] first, double[] unchanged, double[] reload, double[] heapPeakMb,
			String counts) {

		Map<String, Object> describe() {
			Map<String, Object> size = new LinkedHashMap<>();
			size.put("counts", this.counts);
			size.put("runs", this.first.length);
			size.put("fetch_only_s", Figure.median(this.fetch));
			size.put("first_sync_s", Figure.median(this.first));
			size.put("unchanged_resync_s", Figure.median(this.unchanged));
			size.put("in_memory_reload_after_first_s", Figure.median(this.reload));
			size.put("heap_peak_mb", Figure.median(this.heapPeakMb));
			size.put("fetch_only_all_s", this.fetch);
			size.put("first_sync_all_s", this.first);
			size.put("unchanged_resync_all_s", this.unchanged);
			size.put("heap_peak_all_mb", this.heapPeakMb);
			return size;
		}

	}

	/**
	 * Waits until every event listener (the in-memory catalog reload after a new version)
	 * has finished, so that no measured sync shares the CPU with the previous one's
	 * reload.
	 */
	private static void awaitListeners(JdbcTemplate jdbc) {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		while (jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
				Long.class) > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Event listeners still running after 5 minutes");
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
		}
	}

	private static void check(SyncRun run) {
		if (!"succeeded".equals(run.status()) || run.catalogVersion() == null || run.catalogVersion() != 1L) {
			throw new IllegalStateException("Unexpected sync outcome: " + run.status() + " " + run.error());
		}
	}

	private static void resetHeapPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static double heapPeakMb() {
		long bytes = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				bytes += pool.getPeakUsage().getUsed();
			}
		}
		return Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0;
	}

	static double peakRssMb() {
		return ProcessMemory.of(ProcessHandle.current().pid()).peakRssMb();
	}

	private static double seconds(long nanos) {
		return Math.round(nanos / 1e7) / 100.0;
	}

	private static CategoryChart chart(Map<Integer, double[]> values) {
		CategoryChart chart = new CategoryChartBuilder().width(900)
			.height(520)
			.title("Catalog sync from a WireMock Zuora, " + PAGE_SIZE + " products a page")
			.xAxisTitle("rate plans (4 charges each)")
			.yAxisTitle("seconds")
			.build();
		List<String> sizes = values.keySet().stream().map((size) -> String.format(Locale.ROOT, "%,d", size)).toList();
		String[] series = { "first sync", "unchanged re-sync", "reading Zuora alone (peer)" };
		for (int i = 0; i < series.length; i++) {
			int index = i;
			chart.addSeries(series[i], sizes, values.values().stream().map((v) -> v[index]).toList());
		}
		return chart;
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
