package io.cdottrials.gitlab.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.cdottrials.gitlab.client.EligibilityCache.Read;
import io.cdottrials.gitlab.client.EligibilityCache.Script;
import io.cdottrials.gitlab.client.InFlightFills.Fetched;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single flight across replicas, memcache-lease style: before asking CDot for namespaces
 * it missed, a replica takes a short Redis lease per namespace
 * ({@code namespaces:eligible_trials_lease:<id>}, {@code SET NX PX}). The namespaces
 * whose lease another replica holds are not fetched at once: their values are polled (one
 * MGET of just those keys, with a growing pause) until filled or until
 * {@code lease.max-wait} has passed; what is still missing then is fetched after all. A
 * lease never fails a caller and never decides an answer: the answer is what Redis holds
 * (accepted only when fresh and of the generation read or a later one) or what CDot says.
 * Every command touches one key, so it runs on Redis Cluster too.
 */
final class FillLeases {

	private static final Logger logger = LoggerFactory.getLogger(FillLeases.class);

	static final String KEY_PREFIX = "namespaces:eligible_trials_lease:";

	private static final Script TAKE = new Script("take-lease.lua");

	private static final Script RELEASE = new Script("release-lease.lua");

	private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	private final EligibilityCache cache;

	private final EligibilityMetrics metrics;

	private final Clock clock;

	private final long waitNanos;

	private final byte[] ttlMillis;

	FillLeases(EligibilityCache cache, TrialEligibilityProperties.Lease properties, EligibilityMetrics metrics,
			Clock clock) {
		this.cache = cache;
		this.metrics = metrics;
		this.clock = clock;
		this.waitNanos = properties.maxWait().toNanos();
		this.ttlMillis = ascii(Math.max(1, properties.ttl().toMillis()));
	}

	static byte[] key(long namespaceId) {
		return (KEY_PREFIX + namespaceId).getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Whether leases are used at all ({@code lease.max-wait} above zero).
	 * @return {@code false} when every replica fetches its misses itself
	 */
	boolean enabled() {
		return this.waitNanos > 0;
	}

	/**
	 * Takes the lease of each namespace that no other replica holds, in one pipeline.
	 * @param namespaceIds distinct ids
	 * @return which leases were taken; all ids as won, none held, when Redis could not be
	 * asked
	 */
	Lease take(List<Long> namespaceIds) {
		byte[] token = new byte[16];
		ThreadLocalRandom.current().nextBytes(token);
		byte[][] keys = new byte[namespaceIds.size()][];
		byte[][][] args = new byte[keys.length][][];
		for (int i = 0; i < keys.length; i++) {
			keys[i] = key(namespaceIds.get(i));
			args[i] = new byte[][] { token, this.ttlMillis };
		}
		long[] taken;
		try {
			taken = this.cache.runEach(TAKE, keys, args);
		}
		catch (RuntimeException ex) {
			// as without leases: a replica that cannot reach Redis asks CDot itself
			logger.debug("Could not take fill leases, fetching without", ex);
			return new Lease(token, namespaceIds, List.of(), List.of(), System.nanoTime());
		}
		List<Long> won = new ArrayList<>(keys.length);
		List<Long> lost = new ArrayList<>();
		for (int i = 0; i < keys.length; i++) {
			((taken[i] == 1) ? won : lost).add(namespaceIds.get(i));
		}
		this.metrics.leases(won.size(), lost.size());
		return new Lease(token, won, won, lost, System.nanoTime());
	}

	/**
	 * Gives back the leases still held under the lease's token, so that the next miss
	 * (say after an invalidation) does not wait for a fetch that is over. Failures are
	 * left to the leases' TTL.
	 * @param lease what {@link #take} returned
	 */
	void release(Lease lease) {
		if (lease.held().isEmpty()) {
			return;
		}
		byte[][] keys = new byte[lease.held().size()][];
		byte[][][] args = new byte[keys.length][][];
		for (int i = 0; i < keys.length; i++) {
			keys[i] = key(lease.held().get(i));
			args[i] = new byte[][] { lease.token() };
		}
		try {
			this.cache.runEach(RELEASE, keys, args);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not release {} fill leases; they expire by themselves", keys.length, ex);
		}
	}

	/**
	 * Waits for other replicas to fill the namespaces whose lease they hold, until
	 * {@code lease.max-wait} after the lease was asked for.
	 * @param lease the lease whose lost ids to wait for
	 * @param generations per id the generation read before the lease was asked for
	 * @param readAtNanos {@link System#nanoTime()} before that read
	 * @return the answers filled meanwhile, and the rest with the generation of the last
	 * read (what a fetch of them now writes back under)
	 */
	Waited awaitFills(Lease lease, Map<Long, Long> generations, long readAtNanos) {
		long deadline = lease.askedAtNanos() + this.waitNanos;
		Map<Long, Fetched> filled = new LinkedHashMap<>();
		Map<Long, Long> missing = new LinkedHashMap<>();
		for (long id : lease.lost()) {
			missing.put(id, generations.getOrDefault(id, 0L));
		}
		long readAt = readAtNanos;
		long pause = FIRST_PAUSE_NANOS;
		long lastRead = lease.askedAtNanos();
		while (!missing.isEmpty()) {
			long now = System.nanoTime();
			long next = Math.min(lastRead + pause, deadline);
			if (next > now) {
				LockSupport.parkNanos(next - now);
				if (Thread.interrupted()) {
					Thread.currentThread().interrupt();
					break;
				}
			}
			lastRead = System.nanoTime();
			if (!poll(missing, filled)) {
				break;
			}
			readAt = lastRead;
			if (lastRead - deadline >= 0) {
				break;
			}
			pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
		}
		this.metrics.leaseWaits(filled.size(), missing.size());
		return new Waited(filled, missing, readAt);
	}

	// moves the ids filled since into `filled`, and notes the others' current generation
	private boolean poll(Map<Long, Long> missing, Map<Long, Fetched> filled) {
		List<Long> ids = List.copyOf(missing.keySet());
		Read read;
		try {
			read = this.cache.read(ids);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the values other replicas fill, fetching them", ex);
			return false;
		}
		long now = this.clock.millis();
		for (int i = 0; i < ids.size(); i++) {
			long id = ids.get(i);
			CachedEntry entry = read.entries()[i];
			long generation = read.generations()[i];
			// a value of an older generation than the one read cannot have been written
			// after the invalidation that made this one (the write-back's
			// compare-and-set),
			// but a reset key (expired tombstone) must not bring such a value back either
			if (entry != null && entry.freshAt(now) && generation >= missing.get(id)) {
				filled.put(id, new Fetched(entry.trialTypes(), true));
				missing.remove(id);
			}
			else {
				missing.put(id, generation);
			}
		}
		return true;
	}

	private static byte[] ascii(long value) {
		return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * The outcome of asking for the leases of a batch.
	 *
	 * @param token what the held leases were taken with
	 * @param won the ids to fetch now (leased, or all of them when Redis was not asked)
	 * @param held the ids whose lease is held under the token, to release
	 * @param lost the ids whose lease another replica holds
	 * @param askedAtNanos {@link System#nanoTime()} when the leases were asked for
	 */
	record Lease(byte[] token, List<Long> won, List<Long> held, List<Long> lost, long askedAtNanos) {
	}

	/**
	 * The outcome of waiting for other replicas' fills.
	 *
	 * @param filled answers other replicas wrote meanwhile
	 * @param missing ids still without an answer, each with the generation last read
	 * @param readAtNanos {@link System#nanoTime()} before that last read
	 */
	record Waited(Map<Long, Fetched> filled, Map<Long, Long> missing, long readAtNanos) {
	}

}
