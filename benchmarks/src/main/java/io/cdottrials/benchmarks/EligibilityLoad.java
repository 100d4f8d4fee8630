package io.cdottrials.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.cdottrials.cdot.CdotApplication;
import io.cdottrials.cdot.catalog.PlanCatalog;
import io.cdottrials.testsupport.FixturePlans;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The eligibility endpoint under an open-loop load, beside its floor: cdot-service (in
 * this JVM, over real HTTP) on an embedded PostgreSQL seeded with 1,000,000 namespaces of
 * mixed state, asked for random batches of 1, 100 and 1000 ids at 200, 500 and 800
 * requests per second; the peer is the same batches' two SQL statements (subscriptions,
 * trial history) through JDBC on the service's own connection pool, at the same rates.
 * Latencies are recorded with HdrHistogram from each request's due time (see
 * {@link OpenLoop}). After a warm-up of each, the service and its SQL are measured
 * {@code bench.runs} times in turn at each rate, and each percentile is the median of the
 * runs'.
 * <p>
 * Seeded states: 30% Premium (a third with Duo Pro), 20% Ultimate (a quarter with Duo
 * Enterprise), 5% Silver, 5% Self-Managed only, 10% expired Ultimate, 30% free with no
 * row at all; 1 in 7 had an ultimate trial, 1 in 13 is on a Duo Pro trial.
 */
final class EligibilityLoad implements Suite {

	static final String SUBSCRIPTIONS_SQL = "select namespace_id, product_rate_plan_id from subscription_items"
			+ " where namespace_id = any(?) and starts_on <= ? and ends_on > ?";

	static final String TRIALS_SQL = "select namespace_id, trial_type, starts_on, ends_on from trials"
			+ " where namespace_id = any(?)";

	private static final String PATH = "/api/v1/gitlab/namespaces/trials/eligibility";

	/**
	 * Batches above this size are POSTed: a GET query of 1000 ids nears Tomcat's header
	 * limit.
	 */
	private static final int LARGEST_GET = 100;

	private static final int WORKERS = 64;

	private static final double[] PERCENTILES = { 50, 99, 99.9 };

	/**
	 * The first failed answer, for the report: a benchmark of error pages measures
	 * nothing.
	 */
	private static final AtomicReference<String> FIRST_FAILURE = new AtomicReference<>();

	@Override
	public String name() {
		return "eligibility";
	}

	@Override
	public void run(Settings settings, Results results) throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(Files.createTempDirectory("cdot-bench").resolve("pg"))
			.setCleanDataDirectory(true)
			.setServerConfig("shared_buffers", "512MB")
			.start();
				ConfigurableApplicationContext cdot = start(postgres);
				OpenLoop load = new OpenLoop(WORKERS, WORKERS * 8)) {
			JdbcTemplate jdbc = cdot.getBean(JdbcTemplate.class);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("seed", seed(jdbc, settings.namespaces(), SeedPlans.FIXTURE));
			details.put("query_plans", explain(jdbc, settings.namespaces()));
			DataSource dataSource = cdot.getBean(DataSource.class);
			int port = Integer.parseInt(cdot.getEnvironment().getProperty("local.server.port"));
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			List<Map<String, Object>> runs = new ArrayList<>();
			for (int batch : settings.batchSizes()) {
				Map<Integer, Measured> byRate = new LinkedHashMap<>();
				for (int rate : settings.rates()) {
					OpenLoop.Request service = () -> serviceRequest(http, port, settings.namespaces(), batch);
					OpenLoop.Request sql = () -> sqlRequest(dataSource, settings.namespaces(), batch);
					System.out.printf(Locale.ROOT,
							"eligibility: %d ids at %d req/s (warm-up %ds each, then %d runs of %ds each)%n", batch,
							rate, settings.warmup().toSeconds(), settings.runs(), settings.duration().toSeconds());
					load.run(rate, settings.warmup(), sql);
					load.run(rate, settings.warmup(), service);
					Measured measured = new Measured(new ArrayList<>(), new ArrayList<>());
					for (int run = 0; run < settings.runs(); run++) {
						// the two take turns at going first, so that neither always
						// follows the other's garbage and caches
						if (run % 2 == 0) {
							measured.sql().add(load.run(rate, settings.duration(), sql));
							measured.service().add(load.run(rate, settings.duration(), service));
						}
						else {
							measured.service().add(load.run(rate, settings.duration(), service));
							measured.sql().add(load.run(rate, settings.duration(), sql));
						}
						runs.add(describe(batch, run, measured.service().get(run), measured.sql().get(run)));
					}
					byRate.put(rate, measured);
					report(results, batch, rate, measured);
				}
				results.chart("eligibility-" + batch + "-ids", chart(batch, byRate));
			}
			details.put("runs", runs);
			if (FIRST_FAILURE.get() != null) {
				details.put("first_failure", FIRST_FAILURE.get());
				System.out.println("first failed answer: " + FIRST_FAILURE.get());
			}
			details.put("setup", "service and load generator share one JVM (in-process Spring Boot, Tomcat over "
					+ "loopback); " + WORKERS + " sending threads; the SQL peer uses the service's Hikari pool");
			results.details(name(), details);
		}
	}

	private static ConfigurableApplicationContext start(EmbeddedPostgres postgres) {
		return new SpringApplicationBuilder(CdotApplication.class)
			.initializers((GenericApplicationContext context) -> context.registerBean("benchmarkPlans",
					PlanCatalog.class, FixturePlans::new, (definition) -> definition.setPrimary(true)))
			.properties(Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
					"spring.datasource.username", "postgres", "spring.datasource.password", "postgres", "server.port",
					"0", "cdot.api.admin-email", "bench@example.com", "cdot.api.admin-token", "bench-token",
					"cdot.admin.token", "bench-admin", "cdot.zuora.callout-username", "zuora",
					"cdot.zuora.callout-password", "bench-callout", "logging.level.root", "WARN"))
			.run();
	}

	/**
	 * One eligibility request of a random batch, as GitLab sends it, with the admin
	 * headers every benchmark's service is started with.
	 * @return whether it was answered 200 (the first other answer is kept for the report)
	 */
	static boolean serviceRequest(HttpClient http, int port, int namespaces, int batch) throws Exception {
		long[] ids = randomIds(namespaces, batch);
		HttpRequest.Builder request;
		if (batch <= LARGEST_GET) {
			request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + PATH + "?namespace_ids=" + join(ids)));
		}
		else {
			request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"namespace_ids\":[" + join(ids) + "]}"));
		}
		HttpResponse<String> response = http.send(
				request.header("X-Admin-Email", "bench@example.com").header("X-Admin-Token", "bench-token").build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			FIRST_FAILURE.compareAndSet(null, "HTTP " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(300, response.body().length())));
			return false;
		}
		return true;
	}

	/**
	 * The two statements the service runs for a batch, as plain JDBC, reading every row.
	 */
	private static boolean sqlRequest(DataSource dataSource, int namespaces, int batch) throws Exception {
		Long[] ids = boxed(randomIds(namespaces, batch));
		Date today = Date.valueOf(LocalDate.now(ZoneOffset.UTC));
		long rows = 0;
		try (Connection connection = dataSource.getConnection()) {
			try (PreparedStatement statement = connection.prepareStatement(SUBSCRIPTIONS_SQL)) {
				statement.setObject(1, ids);
				statement.setDate(2, today);
				statement.setDate(3, today);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						rows += rs.getLong(1) + rs.getString(2).length();
					}
				}
			}
			try (PreparedStatement statement = connection.prepareStatement(TRIALS_SQL)) {
				statement.setObject(1, ids);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						rows += rs.getLong(1) + rs.getString(2).length() + rs.getDate(3).getTime()
								+ rs.getDate(4).getTime();
					}
				}
			}
		}
		return rows >= 0;
	}

	private static void report(Results results, int batch, int rate, Measured measured) {
		String prefix = String.format(Locale.ROOT, "eligibility %d ids @ %d req/s", batch, rate);
		boolean saturated = measured.service().stream().anyMatch(OpenLoop.Outcome::saturated);
		long failures = Stream.concat(measured.service().stream(), measured.sql().stream())
			.mapToLong(OpenLoop.Outcome::failures)
			.sum();
		String caveat = (saturated ? " (saturated)" : "")
				+ ((failures > 0) ? " (" + failures + " FAILED requests)" : "");
		boolean valid = !saturated && failures == 0;
		for (double percentile : PERCENTILES) {
			String label = (percentile == 99.9) ? "p99.9" : "p" + (int) percentile;
			Figure figure = Figure.ofRuns(prefix + " " + label + caveat, millis(measured.service(), percentile), "ms")
				.against("the same batches' SQL through JDBC", millis(measured.sql(), percentile));
			if (batch == 100 && rate == 500 && percentile == 99) {
				figure = figure.goal("< 10 ms", valid && figure.value() < 10);
			}
			if (batch == 100 && rate == 200 && percentile == 50) {
				figure = figure.goal("<= 2x its SQL", valid && figure.ratio() != null && figure.ratio() <= 2);
			}
			results.figure(figure);
		}
	}

	private static double[] millis(List<OpenLoop.Outcome> runs, double percentile) {
		return runs.stream().mapToDouble((outcome) -> outcome.millis(percentile)).toArray();
	}

	/**
	 * The runs of one batch size at one rate, each run measuring both, in turn.
	 *
	 * @param service the service's outcome of each run
	 * @param sql the SQL's outcome of each run
	 */
	private record Measured(List<OpenLoop.Outcome> service, List<OpenLoop.Outcome> sql) {
	}

	private static Map<String, Object> describe(int batch, int number, OpenLoop.Outcome service, OpenLoop.Outcome sql) {
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("batch", batch);
		run.put("rate", service.rate());
		run.put("run", number + 1);
		run.put("service", outcome(service));
		run.put("sql", outcome(sql));
		return run;
	}

	private static Map<String, Object> outcome(OpenLoop.Outcome outcome) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("sent", outcome.sent());
		json.put("completed", outcome.completed());
		json.put("failures", outcome.failures());
		json.put("saturated", outcome.saturated());
		json.put("achieved_rate", Math.round(outcome.achievedRate() * 10) / 10.0);
		json.put("p50_ms", outcome.millis(50));
		json.put("p90_ms", outcome.millis(90));
		json.put("p99_ms", outcome.millis(99));
		json.put("p99_9_ms", outcome.millis(99.9));
		json.put("max_ms", outcome.latencies().getMaxValue() / 1000.0);
		return json;
	}

	private static XYChart chart(int batch, Map<Integer, Measured> byRate) {
		XYChart chart = new XYChartBuilder().width(900)
			.height(520)
			.title("Eligibility, " + batch + " ids per request: service vs its SQL (open loop, medians of runs)")
			.xAxisTitle("offered rate (req/s)")
			.yAxisTitle("latency (ms, log)")
			.build();
		chart.getStyler().setYAxisLogarithmic(true);
		List<Double> rates = byRate.keySet().stream().map(Integer::doubleValue).toList();
		for (boolean service : new boolean[] { true, false }) {
			for (double percentile : PERCENTILES) {
				List<Double> values = byRate.values()
					.stream()
					.map((measured) -> Math.max(0.001,
							Figure.median(millis(service ? measured.service() : measured.sql(), percentile))))
					.toList();
				chart.addSeries(
						(service ? "service" : "SQL") + " p" + ((percentile == 99.9) ? "99.9" : (int) percentile),
						rates, values);
			}
		}
		return chart;
	}

	/**
	 * Seeds namespaces of the mixed states described on this class into an empty,
	 * migrated database, then {@code vacuum analyze}.
	 * @param jdbc the database
	 * @param namespaces how many namespaces (ids 1 to {@code namespaces})
	 * @param plans the rate plans of the catalog the service reads
	 * @return the counts and the time it took, for results.json
	 */
	static Map<String, Object> seed(JdbcTemplate jdbc, int namespaces, SeedPlans plans) {
		long started = System.nanoTime();
		jdbc.update("""
				insert into subscription_items (namespace_id, product_rate_plan_id, quantity, starts_on, ends_on)
				select g, case
				         when g % 20 < 6 then ?
				         when g % 20 < 10 then ?
				         when g % 20 = 10 then ?
				         when g % 20 = 11 then ?
				         else ? end,
				       10,
				       case when g % 20 in (12, 13) then current_date - 500 else current_date - 30 end,
				       case when g % 20 in (12, 13) then current_date - 135 else current_date + 335 end
				from generate_series(1, ?) g
				where g % 20 < 14""", plans.premium(), plans.ultimate(), plans.silver(), plans.selfManagedUltimate(),
				plans.ultimate(), namespaces);
		jdbc.update("""
				insert into subscription_items (namespace_id, product_rate_plan_id, quantity, starts_on, ends_on)
				select g, case when g % 20 < 6 then ? else ? end, 10, current_date - 30, current_date + 335
				from generate_series(1, ?) g
				where (g % 20 < 6 and g % 3 = 0) or (g % 20 between 6 and 9 and g % 4 = 0)""", plans.duoPro(),
				plans.duoEnterprise(), namespaces);
		jdbc.update("""
				insert into trials (namespace_id, trial_type, family, starts_on, ends_on, uid)
				select g, 'ultimate_with_dap', 'ultimate_free', current_date - 200, current_date - 170, 1
				from generate_series(1, ?) g where g % 7 = 0""", namespaces);
		jdbc.update("""
				insert into trials (namespace_id, trial_type, family, starts_on, ends_on, uid)
				select g, 'gitlab_duo_pro', 'duo_pro', current_date - 10, current_date + 50, 1
				from generate_series(1, ?) g where g % 13 = 0""", namespaces);
		// as autovacuum would have by then: statistics, and the visibility map that lets
		// the covering indexes answer without visiting the table
		jdbc.execute("vacuum analyze subscription_items");
		jdbc.execute("vacuum analyze trials");
		Map<String, Object> seed = new LinkedHashMap<>();
		seed.put("namespaces", namespaces);
		seed.put("subscription_items", jdbc.queryForObject("select count(*) from subscription_items", Long.class));
		seed.put("trials", jdbc.queryForObject("select count(*) from trials", Long.class));
		seed.put("seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
		System.out.println("seeded " + seed);
		return seed;
	}

	/**
	 * EXPLAIN ANALYZE of both statements for one random 100-id batch, as PostgreSQL plans
	 * them.
	 */
	private static Map<String, List<String>> explain(JdbcTemplate jdbc, int namespaces) {
		Long[] ids = boxed(randomIds(namespaces, 100));
		Date today = Date.valueOf(LocalDate.now(ZoneOffset.UTC));
		Map<String, List<String>> plans = new LinkedHashMap<>();
		plans.put("subscriptions", jdbc.query("explain (analyze, buffers) " + SUBSCRIPTIONS_SQL,
				(rs, row) -> rs.getString(1), ids, today, today));
		plans.put("trials",
				jdbc.query("explain (analyze, buffers) " + TRIALS_SQL, (rs, row) -> rs.getString(1), (Object) ids));
		plans.forEach((statement, plan) -> System.out.println(statement + ":\n  " + String.join("\n  ", plan)));
		return plans;
	}

	static long[] randomIds(int namespaces, int count) {
		return ThreadLocalRandom.current().longs(count, 1, namespaces + 1L).toArray();
	}

	private static Long[] boxed(long[] ids) {
		Long[] boxed = new Long[ids.length];
		for (int i = 0; i < ids.length; i++) {
			boxed[i] = ids[i];
		}
		return boxed;
	}

	static String join(long[] ids) {
		StringBuilder joined = new StringBuilder(ids.length * 8);
		for (int i = 0; i < ids.length; i++) {
			if (i > 0) {
				joined.append(',');
			}
			joined.append(ids[i]);
		}
		return joined.toString();
	}

	/**
	 * The first answer of {@link #serviceRequest} that was not a 200, if any.
	 * @return its status and the start of its body, or {@code null}
	 */
	static @Nullable String firstFailure() {
		return FIRST_FAILURE.get();
	}

	/**
	 * The rate plans the seeded subscriptions are on: the test fixtures' when the service
	 * runs in this JVM with {@code FixturePlans}, the demo catalog's when it runs from
	 * its production jar.
	 *
	 * @param premium a GitLab.com Premium plan
	 * @param ultimate a GitLab.com Ultimate plan
	 * @param silver the legacy Silver plan
	 * @param selfManagedUltimate a Self-Managed Ultimate plan
	 * @param duoPro a GitLab.com Duo Pro add-on
	 * @param duoEnterprise a GitLab.com Duo Enterprise add-on
	 */
	record SeedPlans(String premium, String ultimate, String silver, String selfManagedUltimate, String duoPro,
			String duoEnterprise) {

		static final SeedPlans FIXTURE = new SeedPlans(FixturePlans.COM_PREMIUM.id(), FixturePlans.COM_ULTIMATE.id(),
				FixturePlans.COM_SILVER.id(), FixturePlans.SM_ULTIMATE.id(), FixturePlans.DUO_PRO.id(),
				FixturePlans.DUO_ENTERPRISE.id());

	}

}
