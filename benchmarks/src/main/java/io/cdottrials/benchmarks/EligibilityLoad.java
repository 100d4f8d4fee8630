package io.cdottrials.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.cdottrials.cdot.CdotApplication;
import io.cdottrials.cdot.catalog.PlanCatalog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Load test of the eligibility endpoint (docs/benchmarks.md): cdot-service on an embedded
 * PostgreSQL seeded with 1,000,000 namespaces of mixed state, then N concurrent workers
 * send {@code GET /api/v1/gitlab/namespaces/trials/eligibility} with 100 random ids each
 * for a fixed duration over real HTTP; prints p50, p99 and throughput.
 * <p>
 * System properties: {@code bench.namespaces} (1000000), {@code bench.ids} (100),
 * {@code bench.workers} (8), {@code bench.warmup} (15s), {@code bench.duration} (60s).
 */
public final class EligibilityLoad {

	private EligibilityLoad() {
	}

	public static void main(String[] args) throws Exception {
		int namespaces = Integer.getInteger("bench.namespaces", 1_000_000);
		int idsPerRequest = Integer.getInteger("bench.ids", 100);
		int workers = Integer.getInteger("bench.workers", 8);
		Duration warmup = Duration.parse("PT" + System.getProperty("bench.warmup", "15s"));
		Duration duration = Duration.parse("PT" + System.getProperty("bench.duration", "60s"));

		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(Files.createTempDirectory("cdot-bench").resolve("pg"))
			.setCleanDataDirectory(true)
			.setServerConfig("shared_buffers", "512MB")
			.start();
		ConfigurableApplicationContext cdot = new SpringApplicationBuilder(CdotApplication.class)
			.initializers((GenericApplicationContext context) -> context.registerBean("benchmarkPlans",
					PlanCatalog.class, BenchmarkPlans::new, (definition) -> definition.setPrimary(true)))
			.properties(Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
					"spring.datasource.username", "postgres", "spring.datasource.password", "postgres", "server.port",
					"0", "cdot.api.admin-email", "bench@example.com", "cdot.api.admin-token", "bench-token",
					"cdot.admin.token", "bench-admin", "cdot.zuora.callout-username", "zuora",
					"cdot.zuora.callout-password", "bench-callout", "logging.level.root", "WARN"))
			.run();
		try {
			seed(cdot.getBean(JdbcTemplate.class), namespaces);
			int port = Integer.parseInt(cdot.getEnvironment().getProperty("local.server.port"));
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			System.out.printf("warming up %ss with %d workers...%n", warmup.toSeconds(), workers);
			run(http, port, namespaces, idsPerRequest, workers, warmup);
			Result result = run(http, port, namespaces, idsPerRequest, workers, duration);
			System.out.printf(
					"eligibility, %d ids per request, %d namespaces, %d workers, %ds: %d requests, %.0f req/s, "
							+ "p50 %.2f ms, p99 %.2f ms, max %.2f ms, non-200: %d%n",
					idsPerRequest, namespaces, workers, duration.toSeconds(), result.latencies.length,
					result.latencies.length / (double) duration.toSeconds(), percentile(result.latencies, 50),
					percentile(result.latencies, 99), percentile(result.latencies, 100), result.failures);
		}
		finally {
			cdot.close();
			postgres.close();
		}
	}

	/**
	 * 1,000,000 namespaces: 30% Premium (a third with Duo Pro), 20% Ultimate (a quarter
	 * with Duo Enterprise), 5% Silver, 5% Self-Managed only, 10% expired Ultimate, 30%
	 * free with no row at all; 1 in 7 had an ultimate trial, 1 in 13 is on a Duo Pro
	 * trial.
	 */
	private static void seed(JdbcTemplate jdbc, int namespaces) {
		long started = System.nanoTime();
		jdbc.update("""
				insert into subscription_items (namespace_id, product_rate_plan_id, quantity, starts_on, ends_on)
				select g, case
				         when g % 20 < 6 then 'bench-com-premium'
				         when g % 20 < 10 then 'bench-com-ultimate'
				         when g % 20 = 10 then 'bench-com-silver'
				         when g % 20 = 11 then 'bench-sm-ultimate'
				         else 'bench-com-ultimate' end,
				       10,
				       case when g % 20 in (12, 13) then current_date - 500 else current_date - 30 end,
				       case when g % 20 in (12, 13) then current_date - 135 else current_date + 335 end
				from generate_series(1, ?) g
				where g % 20 < 14""", namespaces);
		jdbc.update("""
				insert into subscription_items (namespace_id, product_rate_plan_id, quantity, starts_on, ends_on)
				select g, case when g % 20 < 6 then 'bench-duo-pro' else 'bench-duo-enterprise' end, 10,
				       current_date - 30, current_date + 335
				from generate_series(1, ?) g
				where (g % 20 < 6 and g % 3 = 0) or (g % 20 between 6 and 9 and g % 4 = 0)""", namespaces);
		jdbc.update("""
				insert into trials (namespace_id, trial_type, family, starts_on, ends_on, uid)
				select g, 'ultimate_with_dap', 'ultimate_free', current_date - 200, current_date - 170, 1
				from generate_series(1, ?) g where g % 7 = 0""", namespaces);
		jdbc.update("""
				insert into trials (namespace_id, trial_type, family, starts_on, ends_on, uid)
				select g, 'gitlab_duo_pro', 'duo_pro', current_date - 10, current_date + 50, 1
				from generate_series(1, ?) g where g % 13 = 0""", namespaces);
		jdbc.execute("analyze subscription_items");
		jdbc.execute("analyze trials");
		System.out.printf("seeded %d namespaces (%d subscription items, %d trials) in %.1f s%n", namespaces,
				jdbc.queryForObject("select count(*) from subscription_items", Long.class),
				jdbc.queryForObject("select count(*) from trials", Long.class), (System.nanoTime() - started) / 1e9);
	}

	private static Result run(HttpClient http, int port, int namespaces, int idsPerRequest, int workers,
			Duration duration) throws InterruptedException {
		long deadline = System.nanoTime() + duration.toNanos();
		List<long[]> perWorker = new ArrayList<>();
		AtomicLong failures = new AtomicLong();
		CountDownLatch done = new CountDownLatch(workers);
		for (int w = 0; w < workers; w++) {
			List<Long> latencies = new ArrayList<>();
			Thread worker = new Thread(() -> {
				try {
					while (System.nanoTime() < deadline) {
						HttpRequest request = HttpRequest
							.newBuilder(URI.create("http://localhost:" + port
									+ "/api/v1/gitlab/namespaces/trials/eligibility?namespace_ids="
									+ randomIds(namespaces, idsPerRequest)))
							.header("X-Admin-Email", "bench@example.com")
							.header("X-Admin-Token", "bench-token")
							.build();
						long start = System.nanoTime();
						HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
						latencies.add(System.nanoTime() - start);
						if (response.statusCode() != 200) {
							failures.incrementAndGet();
						}
					}
				}
				catch (IOException | InterruptedException ex) {
					failures.incrementAndGet();
				}
				finally {
					synchronized (perWorker) {
						perWorker.add(latencies.stream().mapToLong(Long::longValue).toArray());
					}
					done.countDown();
				}
			});
			worker.start();
		}
		done.await();
		long[] all = perWorker.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return new Result(all, failures.get());
	}

	private static String randomIds(int namespaces, int count) {
		return ThreadLocalRandom.current()
			.longs(count, 1, namespaces + 1)
			.mapToObj(Long::toString)
			.collect(Collectors.joining(","));
	}

	private static double percentile(long[] sorted, int percentile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	private record Result(long[] latencies, long failures) {
	}

}
