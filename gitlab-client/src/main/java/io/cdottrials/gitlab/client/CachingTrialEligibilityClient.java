package io.cdottrials.gitlab.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cdottrials.gitlab.client.EligibilityCache.Fill;
import io.cdottrials.gitlab.client.EligibilityCache.Slot;
import io.cdottrials.gitlab.client.InFlightFills.Claim;
import io.cdottrials.gitlab.client.InFlightFills.Fetched;
import io.cdottrials.model.TrialApplication;
import io.cdottrials.model.TrialResponse;
import io.cdottrials.model.TrialType;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads through the Redis cache: one MGET, the misses (and only they) to CDot in one call
 * per chunk, shared between concurrent requests, and one generation-checked write-back.
 * When CDot fails, expired answers are served as stale and the rest as degraded; when
 * Redis fails, CDot answers directly, a bounded number of requests at a time.
 */
final class CachingTrialEligibilityClient implements TrialEligibilityClient {

	private static final Logger logger = LoggerFactory.getLogger(CachingTrialEligibilityClient.class);

	private final EligibilityCache cache;

	private final CdotApi cdot;

	private final InFlightFills flights = new InFlightFills();

	private final TrialEligibilityProperties properties;

	private final EligibilityMetrics metrics;

	private final FillListener fillListener;

	private final Semaphore withoutRedis;

	private final Duration joinTimeout;

	private final Clock clock;

	CachingTrialEligibilityClient(EligibilityCache cache, CdotApi cdot, TrialEligibilityProperties properties,
			EligibilityMetrics metrics, FillListener fillListener, Duration cdotTimeout, Clock clock) {
		this.cache = cache;
		this.cdot = cdot;
		this.properties = properties;
		this.metrics = metrics;
		this.fillListener = fillListener;
		this.withoutRedis = new Semaphore(properties.redisDownConcurrency());
		this.joinTimeout = cdotTimeout.multipliedBy(2);
		this.clock = clock;
	}

	@Override
	public EligibilityAnswer eligibility(Collection<Long> namespaceIds) {
		List<Long> ids = distinctPositive(namespaceIds);
		if (ids.isEmpty()) {
			return new EligibilityAnswer(Map.of());
		}
		Map<Long, Slot> slots;
		try {
			slots = this.cache.read(ids);
		}
		catch (RuntimeException ex) {
			logger.debug("Redis unusable, asking CDot directly", ex);
			this.metrics.cacheGets("unavailable", ids.size());
			return withoutCache(ids);
		}
		Instant now = this.clock.instant();
		Map<Long, NamespaceEligibility> answers = new HashMap<>();
		Map<Long, CachedEntry> expired = new HashMap<>();
		List<Long> toFetch = new ArrayList<>();
		for (long id : ids) {
			CachedEntry entry = slots.get(id).entry();
			if (entry != null && entry.freshAt(now)) {
				answers.put(id, new NamespaceEligibility(entry.trialTypes(), AnswerState.FRESH));
			}
			else {
				if (entry != null) {
					expired.put(id, entry);
				}
				toFetch.add(id);
			}
		}
		this.metrics.cacheGets("hit", answers.size());
		this.metrics.cacheGets("stale", expired.size());
		this.metrics.cacheGets("miss", toFetch.size() - expired.size());
		fetch(toFetch, slots).forEach((id, fetched) -> answers.put(id, (fetched != null)
				? new NamespaceEligibility(fetched.trialTypes(), AnswerState.FRESH) : fallback(expired.get(id))));
		return ordered(ids, answers);
	}

	@Override
	public Set<Long> eligibleNamespaces(Collection<Long> namespaceIds, TrialType type) {
		Set<Long> eligible = new LinkedHashSet<>();
		eligibility(namespaceIds).namespaces().forEach((id, answer) -> {
			if (answer.eligibleFor(type)) {
				eligible.add(id);
			}
		});
		return eligible;
	}

	@Override
	public TrialResponse applyTrial(long namespaceId, TrialApplication application) {
		requirePositive(namespaceId);
		try {
			TrialResponse response = this.cdot.applyTrial(namespaceId, application);
			invalidateQuietly(namespaceId);
			return response;
		}
		catch (TrialApplicationRejectedException ex) {
			// CDot says no: whatever this cache said about the namespace is suspect
			invalidateQuietly(namespaceId);
			throw ex;
		}
	}

	@Override
	public void invalidate(Collection<Long> namespaceIds, InvalidationSource source) {
		List<Long> ids = distinctPositive(namespaceIds);
		if (ids.isEmpty()) {
			return;
		}
		this.metrics.invalidated(source, ids.size());
		try {
			this.cache.invalidate(ids);
		}
		catch (RuntimeException ex) {
			throw new EligibilityCacheUnavailableException("Could not invalidate namespaces " + ids, ex);
		}
		finally {
			this.flights.forget(ids);
		}
	}

	private void invalidateQuietly(long namespaceId) {
		try {
			invalidate(List.of(namespaceId), InvalidationSource.API);
		}
		catch (EligibilityCacheUnavailableException ex) {
			// CDot's webhook for the same change retries until it lands
			logger.warn("Could not invalidate namespace {} after applying a trial", namespaceId, ex);
		}
	}

	/**
	 * Fetches the given namespaces, joining flights in progress; writes back what this
	 * request fetched itself when {@code slots} says which generation it read.
	 * @return per id the answer, or {@code null} when CDot could not answer
	 */
	private Map<Long, @Nullable Fetched> fetch(List<Long> ids, Map<Long, Slot> slots) {
		Map<Long, @Nullable Fetched> results = new HashMap<>();
		if (ids.isEmpty()) {
			return results;
		}
		Claim claim = this.flights.claim(ids);
		this.metrics.coalesced(claim.joined().size());
		if (!claim.owned().isEmpty()) {
			fly(claim.owned(), slots);
		}
		claim.owned().forEach((id, flight) -> results.put(id, await(flight)));
		claim.joined().forEach((id, flight) -> results.put(id, await(flight)));
		return results;
	}

	private void fly(Map<Long, CompletableFuture<Fetched>> owned, Map<Long, Slot> slots) {
		Map<Long, Fetched> fetched = new LinkedHashMap<>();
		try {
			for (List<Long> chunk : chunks(new ArrayList<>(owned.keySet()))) {
				fetchChunk(chunk, fetched);
			}
			if (!fetched.isEmpty() && !slots.isEmpty()) {
				this.fillListener.fetched(Set.copyOf(fetched.keySet()));
				writeBack(fetched, slots);
			}
		}
		finally {
			RuntimeException failure = new IllegalStateException("CDot did not answer");
			owned.forEach((id, flight) -> {
				Fetched answer = fetched.get(id);
				if (answer != null) {
					flight.complete(answer);
				}
				else {
					flight.completeExceptionally(failure);
				}
			});
			this.flights.release(owned);
		}
	}

	private void fetchChunk(List<Long> chunk, Map<Long, Fetched> fetched) {
		try {
			Map<Long, List<String>> answer = this.cdot.eligibility(chunk);
			for (long id : chunk) {
				List<String> types = answer.get(id);
				fetched.put(id, (types != null) ? new Fetched(types, true) : new Fetched(List.of(), false));
			}
		}
		catch (CallNotPermittedException ex) {
			logger.debug("CDot circuit open, {} namespaces not fetched", chunk.size());
		}
		catch (RuntimeException ex) {
			logger.warn("CDot eligibility call for {} namespaces failed: {}", chunk.size(), ex.toString());
		}
	}

	private void writeBack(Map<Long, Fetched> fetched, Map<Long, Slot> slots) {
		long now = this.clock.millis();
		List<Fill> fills = new ArrayList<>(fetched.size());
		fetched.forEach((id, answer) -> {
			long fresh = answer.answered() ? jitteredTtl() : this.properties.emptyAnswerTtl().toMillis();
			long kept = answer.answered() ? fresh + this.properties.staleIfError().toMillis() : fresh;
			fills.add(new Fill(id, slots.get(id).generation(), new CachedEntry(answer.trialTypes(), now, now + fresh),
					kept));
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

	private EligibilityAnswer withoutCache(List<Long> ids) {
		Map<Long, NamespaceEligibility> answers = new HashMap<>();
		if (this.withoutRedis.tryAcquire()) {
			try {
				fetch(ids, Map.of()).forEach((id, fetched) -> answers.put(id, (fetched != null)
						? new NamespaceEligibility(fetched.trialTypes(), AnswerState.FRESH) : fallback(null)));
			}
			finally {
				this.withoutRedis.release();
			}
		}
		else {
			ids.forEach((id) -> answers.put(id, NamespaceEligibility.degraded()));
		}
		return ordered(ids, answers);
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

	private NamespaceEligibility fallback(@Nullable CachedEntry expired) {
		return (expired != null) ? new NamespaceEligibility(expired.trialTypes(), AnswerState.STALE)
				: NamespaceEligibility.degraded();
	}

	private EligibilityAnswer ordered(List<Long> ids, Map<Long, NamespaceEligibility> answers) {
		Map<Long, NamespaceEligibility> ordered = new LinkedHashMap<>();
		int[] byState = new int[AnswerState.values().length];
		for (long id : ids) {
			NamespaceEligibility answer = answers.get(id);
			ordered.put(id, answer);
			byState[answer.state().ordinal()]++;
		}
		for (AnswerState state : AnswerState.values()) {
			this.metrics.answered(state, byState[state.ordinal()]);
		}
		return new EligibilityAnswer(ordered);
	}

	private List<List<Long>> chunks(List<Long> ids) {
		int size = Math.max(1, this.properties.chunkSize());
		List<List<Long>> chunks = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += size) {
			chunks.add(ids.subList(from, Math.min(ids.size(), from + size)));
		}
		return chunks;
	}

	private static List<Long> distinctPositive(Collection<Long> namespaceIds) {
		Set<Long> distinct = new LinkedHashSet<>(namespaceIds);
		for (Long id : distinct) {
			if (id == null) {
				throw new IllegalArgumentException("Namespace ids must not be null");
			}
			requirePositive(id);
		}
		return List.copyOf(distinct);
	}

	private static void requirePositive(long namespaceId) {
		if (namespaceId <= 0) {
			throw new IllegalArgumentException("Namespace ids are positive, not " + namespaceId);
		}
	}

}
