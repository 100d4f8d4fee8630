/**
 * The lifecycle of the real datastore servers the services' tests run against; shared by
 * every module's tests (owned by both teams, changed with Provision's review).
 */
@NullMarked
package io.cdottrials.testsupport.server;

import org.jspecify.annotations.NullMarked;
