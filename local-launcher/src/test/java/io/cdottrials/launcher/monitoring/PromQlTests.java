package io.cdottrials.launcher.monitoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTests {

	@Test
	void aComparisonKeepsEverySeriesAsZeroOrOne() {
		assertThat(PromQl.seriesQuery("max(cdot_notifications_outbox_backlog) > 100"))
			.isEqualTo("max(cdot_notifications_outbox_backlog) > bool 100");
		assertThat(PromQl.seriesQuery("max by (name, state) (resilience4j_circuitbreaker_state) == 1"))
			.isEqualTo("max by (name, state) (resilience4j_circuitbreaker_state) == bool 1");
	}

	@Test
	void bothSidesOfAnAndAreRewrittenAndTheSetOperationStays() {
		assertThat(PromQl.seriesQuery("a:rate1h > 0.0072\nand a:rate5m >= 3"))
			.isEqualTo("a:rate1h > bool 0.0072\nand a:rate5m >= bool 3");
	}

	@Test
	void labelMatchersAndStringsAreLeftAlone() {
		String selector = "sum(rate(x_total{outcome!=\"failed\",state=~\"open|a>b\",job!~\"x\"}[5m]))";
		assertThat(PromQl.seriesQuery(selector)).isEqualTo(selector);
		assertThat(PromQl.seriesQuery(selector + " != 0")).isEqualTo(selector + " != bool 0");
	}

	@Test
	void anExistingBoolAndAVectorMatchingModifierStayValid() {
		assertThat(PromQl.seriesQuery("a > bool 1")).isEqualTo("a > bool 1");
		assertThat(PromQl.seriesQuery("a > on(name) b")).isEqualTo("a > bool on(name) b");
	}

	@Test
	void grafanasVariablesAreFilledIn() {
		assertThat(PromQl.seriesQuery("rate(x_total[$__rate_interval])")).isEqualTo("rate(x_total[1m])");
	}

}
