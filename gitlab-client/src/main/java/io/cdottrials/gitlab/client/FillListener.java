package io.cdottrials.gitlab.client;

import java.util.Set;

/**
 * Called after CDot answered for some namespaces and before that answer is written to
 * Redis. A seam for tests that need to act at exactly that moment (an invalidation
 * landing mid-fill); production code has no reason to implement it.
 */
@FunctionalInterface
public interface FillListener {

	/**
	 * CDot has answered; the write-back has not happened yet.
	 * @param namespaceIds the namespaces about to be written back
	 */
	void fetched(Set<Long> namespaceIds);

}
