package io.cdottrials.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a run found: the figures with their peers, each suite's details, and the charts.
 * Written as {@code results.json} and PNG charts into the output directory.
 */
final class Results {

	private final Settings settings;

	private final List<Figure> figures = new ArrayList<>();

	private final Map<String, Object> details = new LinkedHashMap<>();

	private final Map<String, String> failures = new LinkedHashMap<>();

	private final List<String> charts = new ArrayList<>();

	private final double loadAverageAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

	Results(Settings settings) {
		this.settings = settings;
	}

	synchronized void figure(Figure figure) {
		this.figures.add(figure);
		System.out.println("  " + describe(figure));
	}

	synchronized void details(String suite, Object details) {
		this.details.put(suite, details);
	}

	synchronized void failed(String suite, Exception ex) {
		this.failures.put(suite, String.valueOf(ex));
	}

	/**
	 * Saves a chart as {@code <name>.png} in the output directory.
	 * @param name file name without extension
	 * @param chart the chart
	 * @throws IOException when it cannot be written
	 */
	synchronized void chart(String name, Chart<?, ?> chart) throws IOException {
		Files.createDirectories(this.settings.output());
		BitmapEncoder.saveBitmap(chart, this.settings.output().resolve(name).toString(),
				BitmapEncoder.BitmapFormat.PNG);
		this.charts.add(name + ".png");
	}

	/**
	 * Saves charts side by side in one {@code <name>.png}.
	 * @param name file name without extension
	 * @param charts the charts, left to right
	 * @throws IOException when it cannot be written
	 */
	synchronized <T extends Chart<?, ?>> void chart(String name, List<T> charts) throws IOException {
		Files.createDirectories(this.settings.output());
		BitmapEncoder.saveBitmap(charts, 1, charts.size(), this.settings.output().resolve(name).toString(),
				BitmapEncoder.BitmapFormat.PNG);
		this.charts.add(name + ".png");
	}

	synchronized Path write() throws IOException {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("generated_at", Instant.now().toString());
		json.put("quick", this.settings.quick());
		json.put("caveat",
				this.settings.quick()
						? "a short proving run: these figures show that each benchmark works, nothing more"
						: "compare ratios, not absolute times; check machine.load_average_at_start");
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		machine.put("load_average_at_start", this.loadAverageAtStart);
		machine.put("load_average_at_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		json.put("machine", machine);
		json.put("method", "each figure is the median of " + this.settings.runs() + " runs (bench.runs; JMH: "
				+ this.settings.runs() + " forks, each fork's median), its peer measured in the same runs, interleaved;"
				+ " ratio = median / peer's median; runs and peer_runs hold each run's value");
		json.put("figures", this.figures);
		json.put("details", this.details);
		json.put("charts", this.charts);
		if (!this.failures.isEmpty()) {
			json.put("failed_suites", this.failures);
		}
		Files.createDirectories(this.settings.output());
		Path file = this.settings.output().resolve("results.json");
		JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(file.toFile(), json);
		return file;
	}

	synchronized List<Figure> figures() {
		return List.copyOf(this.figures);
	}

	synchronized Map<String, String> failures() {
		return Map.copyOf(this.failures);
	}

	static String describe(Figure figure) {
		StringBuilder line = new StringBuilder(
				String.format(Locale.ROOT, "%-58s %10.3f %-6s", figure.name(), figure.value(), figure.unit()));
		line.append(spread(figure.runs()));
		if (figure.peer() != null && figure.peerValue() != null) {
			line.append(String.format(Locale.ROOT, "  vs %s %.3f", figure.peer(), figure.peerValue()));
			line.append(spread(figure.peerRuns()));
			if (figure.ratio() != null) {
				line.append(String.format(Locale.ROOT, " = %.2fx", figure.ratio()));
			}
		}
		if (figure.goal() != null) {
			line.append("  goal ")
				.append(figure.goal())
				.append(Boolean.TRUE.equals(figure.met()) ? " met" : " NOT met");
		}
		return line.toString();
	}

	// how far apart the runs behind a median were
	private static String spread(@Nullable List<Double> runs) {
		if (runs == null || runs.size() < 2) {
			return "";
		}
		double min = runs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
		double max = runs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
		return String.format(Locale.ROOT, " [%d runs %.3f-%.3f]", runs.size(), min, max);
	}

}
