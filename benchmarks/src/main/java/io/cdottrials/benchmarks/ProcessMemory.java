package io.cdottrials.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A process's resident memory as Linux reports it in {@code /proc/<pid>/status}: now
 * ({@code VmRSS}) and at its peak ({@code VmHWM}).
 *
 * @param rssMb resident set size now, in MiB
 * @param peakRssMb the highest resident set size so far, in MiB
 */
record ProcessMemory(double rssMb, double peakRssMb) {

	static ProcessMemory of(long pid) {
		try {
			List<String> lines = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"));
			return new ProcessMemory(kilobytes(lines, "VmRSS:") / 1024.0, kilobytes(lines, "VmHWM:") / 1024.0);
		}
		catch (IOException ex) {
			// not Linux, or the process is gone
			return new ProcessMemory(Double.NaN, Double.NaN);
		}
	}

	private static long kilobytes(List<String> lines, String field) {
		return lines.stream()
			.filter((line) -> line.startsWith(field))
			.map((line) -> line.substring(field.length()).trim().split("\\s+")[0])
			.mapToLong(Long::parseLong)
			.findFirst()
			.orElse(-1);
	}

}
