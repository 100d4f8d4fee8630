package io.cdottrials.launcher.monitoring;

import java.util.ArrayList;
import java.util.List;

import io.cdottrials.launcher.monitoring.MonitoredExpressions.Expression;

/**
 * Which expressions read nothing from a Prometheus: each is queried in its
 * {@link PromQl#seriesQuery series form}, and one that returns no series, or that
 * Prometheus refuses, is reported with its panel or rule.
 */
public final class SeriesCheck {

	private SeriesCheck() {
	}

	public static List<String> withoutSeries(PrometheusServer prometheus, List<Expression> expressions) {
		List<String> failures = new ArrayList<>();
		for (Expression expression : expressions) {
			String query = PromQl.seriesQuery(expression.expression());
			try {
				if (prometheus.seriesCount(query) == 0) {
					failures.add(expression + "  [no series for: " + query.strip() + "]");
				}
			}
			catch (IllegalArgumentException ex) {
				failures.add(expression + "  [refused: " + ex.getMessage() + "]");
			}
		}
		return failures;
	}

}
