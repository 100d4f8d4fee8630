package io.cdottrials.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Suite {@code scaling} (issue 9, docs/scaling.md): what more instances and a clustered
 * Redis do to throughput on this machine.
 * <ul>
 * <li>{@link CdotInstancesThroughput}: the most 100-id eligibility requests per second of
 * 1, 2 and 4 cdot-service instances (production jar, child JVMs) on one PostgreSQL, each
 * count against one instance;</li>
 * <li>{@link GitlabLookupThroughput}: the GitLab side's cached 100-id lookups per second
 * on a Redis Cluster (3 masters + 3 replicas) against one standalone Redis.</li>
 * </ul>
 * Both are closed loops ({@link ClosedLoop}): the figure is the throughput at saturation.
 * Its own system properties are read by {@link ScalingSettings}.
 */
final class Scaling implements Suite {

	@Override
	public String name() {
		return "scaling";
	}

	@Override
	public void run(Settings settings, Results results) throws Exception {
		ScalingSettings scaling = ScalingSettings.from(settings);
		Path work = Files.createTempDirectory("cdot-scaling-bench");
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("settings", scaling);
		double loadAtStart = loadAverage();
		details.put("load_average_at_start", loadAtStart);
		try {
			measure(settings, results, scaling, work, details, loadAtStart);
		}
		catch (Exception ex) {
			System.out.println("scaling: the instances' and servers' logs are kept in " + work);
			throw ex;
		}
		delete(work);
	}

	private void measure(Settings settings, Results results, ScalingSettings scaling, Path work,
			Map<String, Object> details, double loadAtStart) throws Exception {
		Map<String, Object> cdotDetails = new LinkedHashMap<>();
		List<CdotInstancesThroughput.Step> steps = CdotInstancesThroughput.measure(settings, scaling, work,
				cdotDetails);
		reportInstances(results, steps);
		cdotDetails.put("steps", steps.stream().map(Scaling::describe).toList());
		if (EligibilityLoad.firstFailure() != null) {
			cdotDetails.put("first_failure", EligibilityLoad.firstFailure());
		}
		details.put("cdot_service", cdotDetails);
		List<GitlabLookupThroughput.Topology> topologies = GitlabLookupThroughput.measure(scaling, work);
		reportTopologies(results, topologies);
		details.put("gitlab_side", topologies.stream().map(Scaling::describe).toList());
		details.put("load_average_at_end", loadAverage());
		details.put("method", "closed loop: each worker sends its next request when the last is answered; the "
				+ "figure is answers per second in the measured window after a warm-up; cdot-service: 100 random ids of "
				+ scaling.namespaces() + " per GET, round-robin over the first N instances (started one after the "
				+ "other, each " + String.join(" ", scaling.jvmArgs()) + "), load generator, PostgreSQL and "
				+ "instances on the same cores; GitLab side: the library in this JVM, 100 distinct random ids of "
				+ GitlabLookupThroughput.CACHED_NAMESPACES + " cached ones per lookup");
		results.details(name(), details);
		String load = String.format(Locale.ROOT, "load avg %.1f to %.1f", loadAtStart, loadAverage());
		List<CategoryChart> charts = new ArrayList<>();
		if (!steps.isEmpty()) {
			charts.add(instancesChart(steps, load));
		}
		charts.add(topologyChart(topologies, load));
		results.chart("scaling", charts);
	}

	private static void reportInstances(Results results, List<CdotInstancesThroughput.Step> steps) {
		double one = steps.stream()
			.filter((step) -> step.instances() == 1)
			.mapToDouble((step) -> step.outcome().throughput())
			.findFirst()
			.orElse(0);
		for (CdotInstancesThroughput.Step step : steps) {
			Figure figure = Figure.of(String.format(Locale.ROOT, "scaling: cdot-service x%d, 100 ids, max req/s%s",
					step.instances(), failures(step.outcome())), step.outcome().throughput(), "req/s");
			results.figure((step.instances() == 1 || one == 0) ? figure : figure.against("1 instance", one));
		}
	}

	private static void reportTopologies(Results results, List<GitlabLookupThroughput.Topology> topologies) {
		GitlabLookupThroughput.Topology standalone = topologies.get(0);
		for (GitlabLookupThroughput.Topology topology : topologies) {
			ClosedLoop.Outcome outcome = topology.outcome();
			String suffix = failures(outcome)
					+ ((topology.cdotCalls() > 0) ? " (" + topology.cdotCalls() + " CDot calls: not all cached)" : "");
			boolean peer = topology != standalone;
			String prefix = "scaling: GitLab cached 100-id lookup, " + topology.name();
			figure(results, Figure.of(prefix + ", lookups/s" + suffix, outcome.throughput(), "lookups/s"), peer,
					standalone.outcome().throughput());
			figure(results, Figure.of(prefix + ", namespaces/s" + suffix, outcome.throughput() * 100, "ns/s"), peer,
					standalone.outcome().throughput() * 100);
			figure(results, Figure.of(prefix + ", p50" + suffix, outcome.millis(50), "ms"), peer,
					standalone.outcome().millis(50));
			figure(results, Figure.of(prefix + ", p99" + suffix, outcome.millis(99), "ms"), peer,
					standalone.outcome().millis(99));
			figure(results,
					Figure.of("scaling: raw Lettuce MGET of the same 100 keys, " + topology.name() + ", per s"
							+ failures(topology.rawMget()), topology.rawMget().throughput(), "MGET/s"),
					peer, standalone.rawMget().throughput());
		}
	}

	private static void figure(Results results, Figure figure, boolean againstStandalone, double standalone) {
		results.figure(againstStandalone ? figure.against("standalone Redis", standalone) : figure);
	}

	private static String failures(ClosedLoop.Outcome outcome) {
		return (outcome.failures() > 0) ? " (" + outcome.failures() + " FAILED)" : "";
	}

	private static Map<String, Object> describe(CdotInstancesThroughput.Step step) {
		Map<String, Object> json = outcome(step.outcome());
		json.put("instances", step.instances());
		json.put("instances_started_for_this_step_healthy_s", step.startSeconds());
		json.put("rss_mb_of_every_instance_after", step.rssMb());
		return json;
	}

	private static Map<String, Object> describe(GitlabLookupThroughput.Topology topology) {
		Map<String, Object> json = outcome(topology.outcome());
		json.put("redis", topology.name());
		json.put("namespaces_per_s", round(topology.outcome().throughput() * 100));
		json.put("cdot_calls_while_measured", topology.cdotCalls());
		json.put("raw_mget_of_the_same_keys", outcome(topology.rawMget()));
		json.put("lookups_per_raw_mget",
				Math.round(100 * topology.outcome().throughput() / topology.rawMget().throughput()) / 100.0);
		json.put("cache_fill_s", round(topology.fillSeconds()));
		return json;
	}

	private static Map<String, Object> outcome(ClosedLoop.Outcome outcome) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("threads", outcome.threads());
		json.put("completed", outcome.completed());
		json.put("failures", outcome.failures());
		json.put("per_s", round(outcome.throughput()));
		json.put("p50_ms", outcome.millis(50));
		json.put("p90_ms", outcome.millis(90));
		json.put("p99_ms", outcome.millis(99));
		json.put("max_ms", outcome.latencies().getMaxValue() / 1000.0);
		return json;
	}

	private static CategoryChart instancesChart(List<CdotInstancesThroughput.Step> steps, String load) {
		CategoryChart chart = new CategoryChartBuilder().width(600)
			.height(450)
			.title("cdot-service: 100-id requests/s at saturation")
			.xAxisTitle("instances on one PostgreSQL (" + load + ")")
			.yAxisTitle("req/s")
			.build();
		chart.getStyler().setLegendVisible(false);
		chart.addSeries("req/s", steps.stream().map((step) -> String.valueOf(step.instances())).toList(),
				steps.stream().map((step) -> step.outcome().throughput()).toList());
		return chart;
	}

	private static CategoryChart topologyChart(List<GitlabLookupThroughput.Topology> topologies, String load) {
		CategoryChart chart = new CategoryChartBuilder().width(600)
			.height(450)
			.title("GitLab side: cached 100-id lookups/s")
			.xAxisTitle("Redis (" + load + ")")
			.yAxisTitle("per s")
			.build();
		List<String> names = topologies.stream().map(GitlabLookupThroughput.Topology::shortName).toList();
		chart.addSeries("lookups through the client", names,
				topologies.stream().map((topology) -> topology.outcome().throughput()).toList());
		chart.addSeries("raw MGET of the same keys", names,
				topologies.stream().map((topology) -> topology.rawMget().throughput()).toList());
		return chart;
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static void delete(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	/**
	 * The suite's own knobs, system properties beside {@link Settings}'s.
	 *
	 * @param instances {@code bench.scaling.instances}: the instance counts measured
	 * (1,2,4; empty for the GitLab side only)
	 * @param clients {@code bench.scaling.clients}: concurrent requests against the
	 * instances, whatever their count (16)
	 * @param lookupThreads {@code bench.scaling.lookup-threads}: threads looking up on
	 * the GitLab side (16)
	 * @param warmup {@code bench.scaling.warmup}: unmeasured load before each figure
	 * (20s; quick 2s); it also warms the instances a step has just started
	 * @param duration {@code bench.scaling.duration}: measured load of each figure (20s;
	 * quick 4s)
	 * @param jvmArgs {@code bench.scaling.jvm-args}: each cdot-service JVM's options
	 * (-Xmx256m)
	 * @param namespaces {@code bench.namespaces}: namespaces seeded (1,000,000)
	 */
	record ScalingSettings(List<Integer> instances, int clients, int lookupThreads, Duration warmup, Duration duration,
			List<String> jvmArgs, int namespaces) {

		static ScalingSettings from(Settings settings) {
			return new ScalingSettings(
					Arrays.stream(System.getProperty("bench.scaling.instances", "1,2,4").split(","))
						.map(String::trim)
						.filter((count) -> !count.isEmpty())
						.map(Integer::valueOf)
						.toList(),
					Integer.getInteger("bench.scaling.clients", 16),
					Integer.getInteger("bench.scaling.lookup-threads", 16),
					duration(System.getProperty("bench.scaling.warmup", settings.quick() ? "2s" : "20s")),
					duration(System.getProperty("bench.scaling.duration", settings.quick() ? "4s" : "20s")),
					new ArrayList<>(
							Arrays.stream(System.getProperty("bench.scaling.jvm-args", "-Xmx256m").split("\\s+"))
								.filter((arg) -> !arg.isBlank())
								.toList()),
					settings.namespaces());
		}

		private static Duration duration(String value) {
			return Duration.parse("PT" + value.toUpperCase(Locale.ROOT));
		}

	}

}
