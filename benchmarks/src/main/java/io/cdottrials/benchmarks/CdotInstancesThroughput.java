package io.cdottrials.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The first half of the {@code scaling} suite: the most 100-id eligibility requests per
 * second that 1, 2 and 4 instances of cdot-service's production jar answer together, on
 * one embedded PostgreSQL seeded as {@link EligibilityLoad} seeds it. The instances are
 * started one after the other as the steps need them (the first migrates the database and
 * is seeded); a step's load goes round-robin over the first N instances (a client-side
 * load balancer), closed loop ({@link ClosedLoop}) at a fixed concurrency, so that the
 * instance count is the only thing that changes between steps.
 */
final class CdotInstancesThroughput {

	static final int BATCH = 100;

	private CdotInstancesThroughput() {
	}

	/**
	 * Runs every step.
	 * @param settings the run's settings (the repository, where the jar is)
	 * @param scaling the suite's settings
	 * @param work where the database and the instances' logs go
	 * @param details where the seed and a sample answer are noted
	 * @return one step per instance count, in order
	 * @throws Exception when an instance cannot start or the database cannot be seeded
	 */
	static List<Step> measure(Settings settings, Scaling.ScalingSettings scaling, Path work,
			Map<String, Object> details) throws Exception {
		if (scaling.instances().isEmpty()) {
			return List.of();
		}
		Path jar = ServiceStartup.cdotJar(settings.repository())
			.orElseThrow(() -> new IllegalStateException(
					"cdot-service's jar is not built: ./mvnw -pl cdot-service -am -DskipTests package"));
		List<Step> steps = new ArrayList<>();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(work.resolve("pg"))
			.setCleanDataDirectory(true)
			.setServerConfig("shared_buffers", "512MB")
			.start();
				CdotInstances instances = new CdotInstances(jar, scaling.jvmArgs(),
						postgres.getJdbcUrl("postgres", "postgres"), work)) {
			List<Double> starts = new ArrayList<>(List.of(instances.startOne()));
			System.out.printf(Locale.ROOT, "scaling: cdot-service instance 1 healthy after %.1f s%n", starts.get(0));
			details.put("seed", EligibilityLoad.seed(new JdbcTemplate(postgres.getPostgresDatabase()),
					scaling.namespaces(), demoCatalogPlans()));
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			details.put("sample_answer_namespaces_1_to_20", sampleAnswer(http, instances.ports().get(0)));
			for (int count : scaling.instances()) {
				while (instances.ports().size() < count) {
					starts.add(instances.startOne());
				}
				List<Integer> ports = instances.ports().subList(0, count);
				AtomicLong next = new AtomicLong();
				System.out.printf(Locale.ROOT,
						"scaling: %d instance(s), %d ids, %d concurrent requests (warm-up %ds, then %ds)%n", count,
						BATCH, scaling.clients(), scaling.warmup().toSeconds(), scaling.duration().toSeconds());
				ClosedLoop.Outcome outcome = ClosedLoop.run(scaling.clients(), scaling.warmup(), scaling.duration(),
						() -> EligibilityLoad.serviceRequest(http,
								ports.get((int) Math.floorMod(next.getAndIncrement(), (long) count)),
								scaling.namespaces(), BATCH));
				System.out.printf(Locale.ROOT, "scaling: %d instance(s): %.0f req/s, p50 %.2f ms, p99 %.2f ms%n", count,
						outcome.throughput(), outcome.millis(50), outcome.millis(99));
				steps.add(new Step(count, outcome, List.copyOf(starts), instances.rssMb()));
				starts.clear();
			}
		}
		return steps;
	}

	/**
	 * The plans of the demo catalog the production jar syncs from its file
	 * ({@code cdot.catalog.source=file}), by name, for the seed.
	 */
	static EligibilityLoad.SeedPlans demoCatalogPlans() throws IOException {
		Map<String, String> ids = new LinkedHashMap<>();
		try (InputStream catalog = CdotInstancesThroughput.class.getClassLoader()
			.getResourceAsStream("catalog/demo-catalog.json")) {
			if (catalog == null) {
				throw new IllegalStateException("catalog/demo-catalog.json is not on the class path (cdot-service)");
			}
			for (JsonNode product : JsonMapper.builder().build().readTree(catalog).get("products")) {
				for (JsonNode plan : product.get("productRatePlans")) {
					ids.put(plan.get("name").asString(), plan.get("id").asString());
				}
			}
		}
		return new EligibilityLoad.SeedPlans(plan(ids, "GitLab.com Premium - 1 Year"),
				plan(ids, "GitLab.com Ultimate - 1 Year"), plan(ids, "Silver Plan"),
				plan(ids, "Self-Managed Ultimate - 1 Year"), plan(ids, "GitLab Duo Pro - GitLab.com - 1 Year"),
				plan(ids, "GitLab Duo Enterprise - GitLab.com - 1 Year"));
	}

	private static String plan(Map<String, String> ids, String name) {
		String id = ids.get(name);
		if (id == null) {
			throw new IllegalStateException("the demo catalog has no rate plan named '" + name + "'");
		}
		return id;
	}

	/**
	 * One answer for namespaces 1 to 20 (every seeded state), for results.json: shows
	 * that the seed's plans are the catalog's.
	 */
	private static String sampleAnswer(HttpClient http, int port) throws IOException, InterruptedException {
		StringBuilder ids = new StringBuilder("1");
		for (int id = 2; id <= 20; id++) {
			ids.append(',').append(id);
		}
		HttpResponse<String> response = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/gitlab/namespaces/trials/eligibility"
					+ "?namespace_ids=" + ids))
			.header("X-Admin-Email", "bench@example.com")
			.header("X-Admin-Token", "bench-token")
			.build(), HttpResponse.BodyHandlers.ofString());
		return response.statusCode() + " " + response.body();
	}

	/**
	 * One instance count's measurement.
	 *
	 * @param instances how many instances took the load
	 * @param outcome the closed loop's measured part
	 * @param startSeconds how long each instance started for this step took to be healthy
	 * @param rssMb every running instance's resident memory after the step
	 */
	record Step(int instances, ClosedLoop.Outcome outcome, List<Double> startSeconds, List<Double> rssMb) {
	}

}
