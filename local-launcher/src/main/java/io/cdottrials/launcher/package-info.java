/**
 * The local launcher: embedded datastores and both services in one JVM, for a newcomer's
 * first run. Never part of a production deployment.
 */
@NullMarked
package io.cdottrials.launcher;

import org.jspecify.annotations.NullMarked;
