package io.cdottrials.launcher.monitoring;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites dashboard and rule expressions into queries whose answer says whether the
 * expression reads series that exist.
 * <p>
 * A comparison filters: {@code x > 0.0072} returns nothing while the service is healthy,
 * just as it would with a misspelled metric, so an alert's expression cannot be checked
 * as it is. With the {@code bool} modifier a comparison returns 0 or 1 for every series
 * instead of dropping the ones that fail it, so the rewritten expression returns series
 * exactly when its inputs do: every selector matches, aggregations have input, and the
 * label matching of {@code /}, {@code and} and the comparisons finds pairs. It cannot see
 * a series that exists only while something fails; the services therefore register their
 * failure outcomes at zero (which the rules need anyway for {@code increase()} to see a
 * first failure), and the check holds them to it.
 */
public final class PromQl {

	// Grafana's own variables, as Grafana would fill them in for a 1-hour view
	private static final Map<String, String> GRAFANA_VARIABLES = Map.of("$__rate_interval", "1m", "$__interval", "15s",
			"$__range", "1h");

	private static final Pattern COMPARISON = Pattern.compile("==|!=|>=|<=|>|<");

	private static final Pattern BOOL_FOLLOWS = Pattern.compile("\\s*bool\\b");

	private PromQl() {
	}

	/**
	 * The expression to query instead of a dashboard's or a rule's.
	 * @param expression as written in the dashboard or the rules
	 * @return the expression with Grafana's variables filled in and {@code bool} after
	 * every comparison
	 */
	public static String seriesQuery(String expression) {
		String query = expression;
		for (Map.Entry<String, String> variable : GRAFANA_VARIABLES.entrySet()) {
			query = query.replace(variable.getKey(), variable.getValue());
		}
		return keepingEverySeries(query);
	}

	static String keepingEverySeries(String expression) {
		StringBuilder rewritten = new StringBuilder();
		int braces = 0;
		char quote = 0;
		int i = 0;
		while (i < expression.length()) {
			char c = expression.charAt(i);
			if (quote != 0) {
				rewritten.append(c);
				if (c == '\\' && i + 1 < expression.length()) {
					rewritten.append(expression.charAt(++i));
				}
				else if (c == quote) {
					quote = 0;
				}
				i++;
				continue;
			}
			if (c == '"' || c == '\'' || c == '`') {
				quote = c;
			}
			else if (c == '{') {
				braces++;
			}
			else if (c == '}') {
				braces--;
			}
			else if (braces == 0) {
				// label matchers (=, !=, =~, !~) live inside braces; outside they compare
				Matcher comparison = COMPARISON.matcher(expression).region(i, expression.length());
				if (comparison.lookingAt()) {
					rewritten.append(comparison.group());
					i = comparison.end();
					if (!BOOL_FOLLOWS.matcher(expression).region(i, expression.length()).lookingAt()) {
						rewritten.append(" bool");
					}
					continue;
				}
			}
			rewritten.append(c);
			i++;
		}
		return rewritten.toString();
	}

}
