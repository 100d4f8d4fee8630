package io.cdottrials.testsupport.server;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops every {@link SharedTestServer} when the test run ends, after closing the Spring
 * contexts that use it. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}, so any
 * module with this one on its test class path gets it.
 */
public class SharedTestServerSessionListener implements LauncherSessionListener {

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		SharedTestServer.shutdownAll();
	}

}
