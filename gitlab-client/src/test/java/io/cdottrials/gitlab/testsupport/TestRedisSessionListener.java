package io.cdottrials.gitlab.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the shared {@link TestRedis} server when the test run ends, after closing the
 * Spring contexts that use it. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener} (also in
 * the test-jar, so gitlab-service's test runs stop it too).
 */
public class TestRedisSessionListener implements LauncherSessionListener {

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		TestRedis.shutdown();
	}

}
