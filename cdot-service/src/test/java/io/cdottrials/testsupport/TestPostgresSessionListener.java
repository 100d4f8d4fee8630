package io.cdottrials.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the shared {@link TestPostgres} server when the test run ends, after closing the
 * Spring contexts that use it. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public class TestPostgresSessionListener implements LauncherSessionListener {

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		TestPostgres.shutdown();
	}

}
