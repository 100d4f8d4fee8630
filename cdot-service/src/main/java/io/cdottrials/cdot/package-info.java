/**
 * CustomersDot trials service: the plan catalog, namespace subscriptions, trial
 * eligibility, trials and their notifications.
 */
@NullMarked
package io.cdottrials.cdot;

import org.jspecify.annotations.NullMarked;
