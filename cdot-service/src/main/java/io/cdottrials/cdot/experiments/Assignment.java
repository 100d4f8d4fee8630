package io.cdottrials.cdot.experiments;

import java.util.List;

/**
 * What an experiment gives one namespace for one trial.
 *
 * @param experimentKey the experiment
 * @param variant the variant's name
 * @param durationDays the trial's duration in this variant
 * @param skipRules apply-time rules this variant does not apply
 */
public record Assignment(String experimentKey, String variant, int durationDays, List<String> skipRules) {
}
