/**
 * Benchmarks: measured, never asserted. Each prints ratios measured side by side in one
 * run; see {@code docs/benchmarks.md}.
 */
package io.cdottrials.benchmarks;
