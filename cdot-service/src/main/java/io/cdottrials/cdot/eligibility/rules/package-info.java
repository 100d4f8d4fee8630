/**
 * The eligibility rules of SPEC section 4, one class each. Owned by Growth.
 */
@NullMarked
package io.cdottrials.cdot.eligibility.rules;

import org.jspecify.annotations.NullMarked;
