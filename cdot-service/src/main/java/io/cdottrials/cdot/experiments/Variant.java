package io.cdottrials.cdot.experiments;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One arm of an experiment.
 *
 * @param name the variant's name, e.g. {@code control} or {@code sixty_days}
 * @param durationDays how long a trial started in this variant lasts
 * @param skipRules names of apply-time rules this variant does not apply, e.g.
 * {@code company_size_sales_assisted}; empty for none
 */
public record Variant(@JsonProperty("name") String name, @JsonProperty("duration_days") int durationDays,
		@JsonProperty("skip_rules") List<String> skipRules) {

	public Variant {
		skipRules = List.copyOf(skipRules);
	}

}
