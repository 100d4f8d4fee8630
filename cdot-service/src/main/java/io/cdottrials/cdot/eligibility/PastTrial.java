package io.cdottrials.cdot.eligibility;

import java.time.LocalDate;

import io.cdottrials.model.TrialType;

/**
 * One trial a namespace had or has.
 *
 * @param trialType its type
 * @param startsOn first day
 * @param endsOn first day after it
 */
public record PastTrial(TrialType trialType, LocalDate startsOn, LocalDate endsOn) {

	public boolean activeOn(LocalDate day) {
		return !day.isBefore(this.startsOn) && day.isBefore(this.endsOn);
	}

}
