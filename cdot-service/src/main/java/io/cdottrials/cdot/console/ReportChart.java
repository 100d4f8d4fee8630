package io.cdottrials.cdot.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.cdottrials.cdot.trials.ExperimentReport;

/**
 * The geometry of an experiment report's bar chart, drawn as inline SVG by the template:
 * one bar per variant at its conversion rate, a whisker over its 95 % interval. The scale
 * ends at the highest upper bound rounded up to 10 %, so that no whisker leaves the
 * chart.
 *
 * @param width the drawing's width
 * @param height the drawing's height
 * @param baseline the y of 0 %
 * @param bars one bar per variant
 * @param ticks the horizontal grid lines
 */
record ReportChart(int width, int height, int baseline, List<Bar> bars, List<Tick> ticks) {

	private static final int WIDTH = 560;

	private static final int HEIGHT = 260;

	private static final int TOP = 20;

	private static final int BOTTOM = 220;

	private static final int LEFT = 56;

	static ReportChart of(ExperimentReport.Report report) {
		double max = 0.1;
		for (ExperimentReport.Arm arm : report.variants()) {
			if (arm.confidenceInterval() != null) {
				max = Math.max(max, arm.confidenceInterval().upper());
			}
		}
		double scale = Math.min(1.0, Math.ceil(max * 10) / 10);
		int plot = BOTTOM - TOP;
		int count = Math.max(1, report.variants().size());
		int slot = (WIDTH - LEFT - 10) / count;
		int barWidth = Math.min(80, slot * 3 / 5);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < report.variants().size(); i++) {
			ExperimentReport.Arm arm = report.variants().get(i);
			double rate = (arm.conversionRate() != null) ? arm.conversionRate() : 0;
			int x = LEFT + i * slot + (slot - barWidth) / 2;
			int top = y(rate, scale, plot);
			ExperimentReport.Interval interval = arm.confidenceInterval();
			bars.add(new Bar(arm.variant(), x, top, barWidth, BOTTOM - top, x + barWidth / 2,
					(interval != null) ? y(interval.lower(), scale, plot) : top,
					(interval != null) ? y(interval.upper(), scale, plot) : top, percent(arm.conversionRate()),
					arm.started()));
		}
		List<Tick> ticks = new ArrayList<>();
		for (int i = 0; i <= 4; i++) {
			double value = scale * i / 4;
			ticks.add(new Tick(y(value, scale, plot), percent(value)));
		}
		return new ReportChart(WIDTH, HEIGHT, BOTTOM, bars, ticks);
	}

	private static int y(double value, double scale, int plot) {
		return BOTTOM - (int) Math.round(value / scale * plot);
	}

	static String percent(Double value) {
		return (value != null) ? String.format(Locale.ROOT, "%.1f %%", value * 100) : "no trials";
	}

	/**
	 * One variant's bar.
	 *
	 * @param variant its name
	 * @param x left edge
	 * @param y top edge
	 * @param width its width
	 * @param height its height
	 * @param center x of its whisker and label
	 * @param lowerY y of the interval's lower bound
	 * @param upperY y of the interval's upper bound
	 * @param label the rate as text
	 * @param started trials started in it
	 */
	record Bar(String variant, int x, int y, int width, int height, int center, int lowerY, int upperY, String label,
			long started) {
	}

	/**
	 * One grid line.
	 *
	 * @param y its y
	 * @param label its value
	 */
	record Tick(int y, String label) {
	}

}
