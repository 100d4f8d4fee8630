package io.cdottrials.gitlab.client;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cdottrials.gitlab.client.EligibilityCache.Fill;
import io.cdottrials.gitlab.client.FillLeases.Lease;
import io.cdottrials.gitlab.client.FillLeases.Waited;
import io.cdottrials.gitlab.client.InFlightFills.Claim;
import io.cdottrials.gitlab.client.InFlightFills.Fetched;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches answers from CDot for namespaces the cache could not answer: joins the fetches
 * already in flight in this JVM, leaves the namespaces another replica is fetching to it
 * for up to {@code lease.max-wait} ({@link FillLeases}), asks CDot for the rest in
 * chunks, and writes what it fetched back to Redis, generation-checked.
 */
public final class EligibilityFiller {

	private static final Logger logger = LoggerFactory.getLogger(EligibilityFiller.class);

	private final EligibilityCache cache;

	private final CdotApi cdot;

	private final InFlightFills flights = new InFlightFills();

	private final FillLeases leases;

	private final TrialEligibilityProperties properties;

	private final EligibilityMetrics metrics;

	private final FillListener fillListener;

	private final Duration joinTimeout;

	private final Clock clock;

	private final long maxFillAgeNanos;

	public EligibilityFiller(EligibilityCache cache, CdotApi cdot, TrialEligibilityProperties properties,
			EligibilityMetrics metrics, FillListener fillListener, Duration cdotTimeout, Clock clock) {
		this.cache = cache;
		this.cdot = cdot;
		this.properties = properties;
		this.metrics = metrics;
		this.fillListener = fillListener;
		// a flight may wait for another replica's fill before it asks CDot itself
		this.joinTimeout = cdotTimeout.multipliedBy(2).plus(properties.lease().maxWait());
		this.clock = clock;
		this.leases = new FillLeases(cache, properties.lease(), metrics, clock);
		// a fill older than this could outlive the tombstone of an invalidation it missed
		// (or the entry that replaced it): the key would then read as generation 0 again
		Duration shortestEntry = properties.ttl().minus(properties.jitter());
		Duration limit = properties.tombstoneTtl();
		limit = (properties.emptyAnswerTtl().compareTo(limit) < 0) ? properties.emptyAnswerTtl() : limit;
		limit = (shortestEntry.compareTo(limit) < 0) ? shortestEntry : limit;
		this.maxFillAgeNanos = Math.max(Duration.ofSeconds(1).toNanos(), limit.toNanos()) / 2;
	}

	/**
	 * Makes later requests start their own fetches for these namespaces.
	 * @param namespaceIds invalidated namespaces
	 */
	void forget(Collection<Long> namespaceIds) {
		this.flights.forget(namespaceIds);
	}

	/**
	 * Fetches the given namespaces, joining flights in progress; writes back what this
	 * request fetched itself when {@code generations} says which generation it read.
	 * @param ids distinct namespace ids
	 * @param generations per id the generation the caller's MGET read, or empty when
	 * Redis is not to be written
	 * @param readAtNanos {@link System#nanoTime()} before that MGET
	 * @return per id the answer, or {@code null} when CDot could not answer
	 */
	Map<Long, @Nullable Fetched> fetch(List<Long> ids, Map<Long, Long> generations, long readAtNanos) {
		Map<Long, @Nullable Fetched> results = new HashMap<>();
		if (ids.isEmpty()) {
			return results;
		}
		Claim claim = this.flights.claim(ids);
		this.metrics.coalesced(claim.joined().size());
		if (!claim.owned().isEmpty()) {
			fly(claim.owned(), generations, readAtNanos);
		}
		claim.owned().forEach((id, flight) -> results.put(id, await(flight)));
		claim.joined().forEach((id, flight) -> results.put(id, await(flight)));
		return results;
	}

	private void fly(Map<Long, CompletableFuture<Fetched>> owned, Map<Long, Long> generations, long readAtNanos) {
		Map<Long, Fetched> fetched = new LinkedHashMap<>();
		try {
			List<Long> ids = new ArrayList<>(owned.keySet());
			if (generations.isEmpty() || !this.leases.enabled()) {
				fetchAndWriteBack(ids, generations, readAtNanos, fetched);
				return;
			}
			Lease lease = this.leases.take(ids);
			try {
				fetchAndWriteBack(lease.won(), generations, readAtNanos, fetched);
			}
			finally {
				this.leases.release(lease);
			}
			if (!lease.lost().isEmpty()) {
				// the callers of the namespaces fetched here need not wait for other
				// replicas' fills
				settle(owned, lease.won(), fetched);
				Waited waited = this.leases.awaitFills(lease, generations, readAtNanos);
				fetched.putAll(waited.filled());
				if (!waited.missing().isEmpty()) {
					fetchAndWriteBack(List.copyOf(waited.missing().keySet()), waited.missing(), waited.readAtNanos(),
							fetched);
				}
			}
		}
		finally {
			settle(owned, owned.keySet(), fetched);
			this.flights.release(owned);
		}
	}

	private void fetchAndWriteBack(List<Long> ids, Map<Long, Long> generations, long readAtNanos,
			Map<Long, Fetched> fetched) {
		Map<Long, Fetched> answers = new LinkedHashMap<>();
		for (List<Long> chunk : chunks(ids)) {
			fetchChunk(chunk, answers);
		}
		if (!answers.isEmpty() && !generations.isEmpty()) {
			notifyListener(answers.keySet());
			writeBack(answers, generations, readAtNanos);
		}
		fetched.putAll(answers);
	}

	private static void settle(Map<Long, CompletableFuture<Fetched>> owned, Collection<Long> ids,
			Map<Long, Fetched> fetched) {
		RuntimeException failure = new IllegalStateException("CDot did not answer");
		for (long id : ids) {
			Fetched answer = fetched.get(id);
			if (answer != null) {
				owned.get(id).complete(answer);
			}
			else {
				owned.get(id).completeExceptionally(failure);
			}
		}
	}

	private void notifyListener(Set<Long> namespaceIds) {
		try {
			this.fillListener.fetched(Set.copyOf(namespaceIds));
		}
		catch (RuntimeException ex) {
			logger.warn("FillListener failed", ex);
		}
	}

	private void fetchChunk(List<Long> chunk, Map<Long, Fetched> fetched) {
		try {
			Map<Long, List<String>> answer = this.cdot.eligibility(chunk);
			for (long id : chunk) {
				List<String> types = answer.get(id);
				fetched.put(id, (types != null) ? new Fetched(CachedValueFormat.normalize(types), true)
						: new Fetched(List.of(), false));
			}
		}
		catch (CallNotPermittedException ex) {
			logger.debug("CDot circuit open, {} namespaces not fetched", chunk.size());
		}
		catch (RuntimeException ex) {
			logger.warn("CDot eligibility call for {} namespaces failed: {}", chunk.size(), ex.toString());
		}
	}

	private void writeBack(Map<Long, Fetched> fetched, Map<Long, Long> generations, long readAtNanos) {
		if (System.nanoTime() - readAtNanos > this.maxFillAgeNanos) {
			logger.warn("Not writing {} eligibility answers back: fetched {} ms after the cache was read",
					fetched.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - readAtNanos));
			return;
		}
		long now = this.clock.millis();
		List<Fill> fills = new ArrayList<>(fetched.size());
		fetched.forEach((id, answer) -> {
			long fresh = answer.answered() ? jitteredTtl() : this.properties.emptyAnswerTtl().toMillis();
			long kept = answer.answered() ? fresh + this.properties.staleIfError().toMillis() : fresh;
			fills.add(new Fill(id, generations.get(id), new CachedEntry(answer.trialTypes(), now, now + fresh), kept));
		});
		try {
			this.cache.write(fills);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not write {} eligibility answers back to Redis: {}", fills.size(), ex.toString());
		}
	}

	private long jitteredTtl() {
		long ttl = this.properties.ttl().toMillis();
		long jitter = this.properties.jitter().toMillis();
		long offset = (jitter > 0) ? ThreadLocalRandom.current().nextLong(-jitter, jitter + 1) : 0;
		return Math.max(1000, ttl + offset);
	}

	private @Nullable Fetched await(CompletableFuture<Fetched> flight) {
		try {
			return flight.get(this.joinTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private List<List<Long>> chunks(List<Long> ids) {
		int size = Math.max(1, this.properties.chunkSize());
		List<List<Long>> chunks = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += size) {
			chunks.add(ids.subList(from, Math.min(ids.size(), from + size)));
		}
		return chunks;
	}

}
