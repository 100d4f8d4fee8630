package io.cdottrials.cdot.platform;

import java.time.Duration;

/**
 * Read-your-writes for whoever tells GitLab that an answer changed: GitLab refetches at
 * once, and its refetch must not read a replica that has not replayed the change yet (it
 * would cache the old answer for hours). Without a replica every read is on the primary
 * and the wait is none.
 */
@FunctionalInterface
public interface ReplicaCatchUp {

	/**
	 * Waits until the read replica has replayed everything committed on the primary
	 * before this call.
	 * @param atMost the longest wait
	 * @return whether the replica caught up in time
	 */
	boolean await(Duration atMost);

	/**
	 * No replica: nothing to wait for.
	 * @return a catch-up that is always there
	 */
	static ReplicaCatchUp none() {
		return (atMost) -> true;
	}

}
