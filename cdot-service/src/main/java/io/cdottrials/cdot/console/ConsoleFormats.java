package io.cdottrials.cdot.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * How the console writes times and durations, offered to every console page as
 * {@code fmt}: UTC to the second, the zone spelled out, like the logs.
 */
@ControllerAdvice(basePackageClasses = ConsoleFormats.class)
class ConsoleFormats {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	@ModelAttribute("fmt")
	ConsoleFormats formats() {
		return this;
	}

	public String time(@Nullable Instant instant) {
		return (instant != null) ? TIME.format(instant) : "";
	}

	public String duration(Optional<Duration> duration) {
		return duration.map((value) -> String.format("%.1f s", value.toMillis() / 1000.0)).orElse("");
	}

	public String percent(@Nullable Double value) {
		return ReportChart.percent(value);
	}

}
