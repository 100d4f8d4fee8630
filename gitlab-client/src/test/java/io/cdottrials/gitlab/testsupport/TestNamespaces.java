package io.cdottrials.gitlab.testsupport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Namespace ids no other test uses, so that tests sharing one Redis never see each
 * other's entries.
 */
public final class TestNamespaces {

	private static final AtomicLong next = new AtomicLong(1_000_000L * (ProcessHandle.current().pid() % 1000 + 1));

	private TestNamespaces() {
	}

	public static long next() {
		return next.incrementAndGet();
	}

}
