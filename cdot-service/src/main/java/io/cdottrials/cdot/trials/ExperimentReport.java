package io.cdottrials.cdot.trials;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cdottrials.cdot.experiments.Experiment;
import io.cdottrials.cdot.experiments.Variant;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per variant of an experiment: trials started, trials converted, the conversion rate
 * with its 95 % Wilson score interval (computed in SQL from {@code trials} and
 * {@code trial_conversions}), and each variant's difference to the first variant (the
 * control) with Newcombe's hybrid score interval (method 10, from the two Wilson
 * intervals).
 */
@Component
public class ExperimentReport {

	/** The normal quantile of a two-sided 95 % interval. */
	static final double Z = 1.959964;

	private final JdbcClient jdbc;

	ExperimentReport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Measures an experiment now.
	 * @param experiment the experiment
	 * @return its report
	 */
	public Report of(Experiment experiment) {
		Map<String, Arm> measured = new LinkedHashMap<>();
		this.jdbc.sql("""
				with counts as (
				  select t.variant, count(*)::float8 as n, count(c.trial_id)::float8 as x
				  from trials t left join trial_conversions c on c.trial_id = t.id
				  where t.experiment_key = :key group by t.variant
				), wilson as (
				  select variant, n, x, x / n as p,
				         (x / n + :z * :z / (2 * n)) / (1 + :z * :z / n) as center,
				         :z * sqrt((x / n) * (1 - x / n) / n + :z * :z / (4 * n * n)) / (1 + :z * :z / n) as half
				  from counts
				)
				select variant, n::bigint, x::bigint, p, greatest(0, center - half), least(1, center + half)
				from wilson""")
			.param("key", experiment.key())
			.param("z", Z)
			.query((rs, row) -> new Arm(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4),
					new Interval(rs.getDouble(5), rs.getDouble(6)), null))
			.list()
			.forEach((arm) -> measured.put(arm.variant(), arm));
		List<Arm> arms = new ArrayList<>();
		Arm control = null;
		for (Variant variant : experiment.variants()) {
			Arm arm = measured.getOrDefault(variant.name(), new Arm(variant.name(), 0, 0, null, null, null));
			if (control == null) {
				control = arm;
				arms.add(arm);
			}
			else {
				arms.add(arm.against(control));
			}
		}
		return new Report(experiment.key(), (control != null) ? control.variant() : null, arms);
	}

	/**
	 * An experiment's report.
	 *
	 * @param experiment the experiment's key
	 * @param control the first variant, which the others are compared with
	 * @param variants one entry per variant, in the experiment's order
	 */
	public record Report(@JsonProperty("experiment") String experiment,
			@JsonProperty("control") @Nullable String control, @JsonProperty("variants") List<Arm> variants) {
	}

	/**
	 * One variant's figures.
	 *
	 * @param variant its name
	 * @param started trials started in it
	 * @param converted those that converted
	 * @param conversionRate converted / started; absent without trials
	 * @param confidenceInterval 95 % Wilson score interval of the rate
	 * @param differenceToControl rate minus the control's rate with its 95 % Newcombe
	 * interval; absent for the control and without trials on either side
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Arm(@JsonProperty("variant") String variant, @JsonProperty("started") long started,
			@JsonProperty("converted") long converted, @JsonProperty("conversion_rate") @Nullable Double conversionRate,
			@JsonProperty("confidence_interval") @Nullable Interval confidenceInterval,
			@JsonProperty("difference_to_control") @Nullable Difference differenceToControl) {

		Arm against(Arm control) {
			if (this.conversionRate == null || control.conversionRate == null || this.confidenceInterval == null
					|| control.confidenceInterval == null) {
				return this;
			}
			double p1 = this.conversionRate;
			double p2 = control.conversionRate;
			Interval i1 = this.confidenceInterval;
			Interval i2 = control.confidenceInterval;
			double d = p1 - p2;
			double lower = d - Math.sqrt(square(p1 - i1.lower()) + square(i2.upper() - p2));
			double upper = d + Math.sqrt(square(i1.upper() - p1) + square(p2 - i2.lower()));
			return new Arm(this.variant, this.started, this.converted, this.conversionRate, this.confidenceInterval,
					new Difference(d, new Interval(lower, upper)));
		}

		private static double square(double value) {
			return value * value;
		}

	}

	/**
	 * A 95 % interval.
	 *
	 * @param lower lower bound
	 * @param upper upper bound
	 */
	public record Interval(@JsonProperty("lower") double lower, @JsonProperty("upper") double upper) {
	}

	/**
	 * A difference of two rates.
	 *
	 * @param estimate the difference
	 * @param confidenceInterval its 95 % interval
	 */
	public record Difference(@JsonProperty("estimate") double estimate,
			@JsonProperty("confidence_interval") Interval confidenceInterval) {
	}

}
