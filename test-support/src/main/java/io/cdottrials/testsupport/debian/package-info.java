/**
 * Debian packages a test needs (a Redis Cluster's {@code redis-server}, Prometheus,
 * Chromium), installed by the test setup when absent.
 */
@NullMarked
package io.cdottrials.testsupport.debian;

import org.jspecify.annotations.NullMarked;
