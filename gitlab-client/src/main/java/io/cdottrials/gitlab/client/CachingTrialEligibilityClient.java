package io.cdottrials.gitlab.client;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.cdottrials.gitlab.client.EligibilityCache.Read;
import io.cdottrials.gitlab.client.InFlightFills.Fetched;
import io.cdottrials.model.TrialApplication;
import io.cdottrials.model.TrialResponse;
import io.cdottrials.model.TrialType;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
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

	private static final AnswerState[] STATES = AnswerState.values();

	private final EligibilityCache cache;

	private final CdotApi cdot;

	private final EligibilityFiller filler;

	private final EligibilityMetrics metrics;

	private final Bulkhead withoutRedis;

	private final Clock clock;

	CachingTrialEligibilityClient(EligibilityCache cache, CdotApi cdot, EligibilityFiller filler, Bulkhead withoutRedis,
			EligibilityMetrics metrics, Clock clock) {
		this.cache = cache;
		this.cdot = cdot;
		this.filler = filler;
		this.metrics = metrics;
		this.withoutRedis = withoutRedis;
		this.clock = clock;
	}

	@Override
	public EligibilityAnswer eligibility(Collection<Long> namespaceIds) {
		Lookup lookup = Lookup.of(namespaceIds);
		List<Long> ids = lookup.ids();
		if (ids.isEmpty()) {
			return new EligibilityAnswer(Map.of());
		}
		long readAt = System.nanoTime();
		Read read;
		try {
			read = this.cache.read(ids);
		}
		catch (RuntimeException ex) {
			logger.debug("Redis unusable, asking CDot directly", ex);
			this.metrics.cacheUnavailable(ids.size());
			return withoutCache(lookup);
		}
		long now = this.clock.millis();
		int size = ids.size();
		@Nullable CachedEntry[] entries = read.entries();
		NamespaceEligibility[] answers = new NamespaceEligibility[size];
		int hits = 0;
		for (int i = 0; i < size; i++) {
			CachedEntry entry = entries[i];
			if (entry != null && entry.freshAt(now)) {
				answers[i] = new NamespaceEligibility(entry.trialTypes(), AnswerState.FRESH);
				hits++;
			}
		}
		if (hits == size) {
			// the usual case: one increment of each meter, nothing else to count
			this.metrics.cacheGets(hits, 0, 0);
			this.metrics.answered(AnswerState.FRESH, hits);
			return answer(lookup, answers);
		}
		Map<Long, CachedEntry> expired = new HashMap<>();
		Map<Long, Long> toFetch = new LinkedHashMap<>();
		for (int i = 0; i < size; i++) {
			if (answers[i] == null) {
				CachedEntry entry = entries[i];
				if (entry != null) {
					expired.put(ids.get(i), entry);
				}
				toFetch.put(ids.get(i), read.generations()[i]);
			}
		}
		this.metrics.cacheGets(hits, expired.size(), toFetch.size() - expired.size());
		Map<Long, @Nullable Fetched> fetched = this.filler.fetch(List.copyOf(toFetch.keySet()), toFetch, readAt);
		for (int i = 0; i < size; i++) {
			if (answers[i] == null) {
				long id = ids.get(i);
				Fetched answer = fetched.get(id);
				answers[i] = (answer != null) ? new NamespaceEligibility(answer.trialTypes(), AnswerState.FRESH)
						: fallback(expired.get(id));
			}
		}
		return counted(lookup, answers);
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
		List<Long> ids = Lookup.of(namespaceIds).ids();
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
			this.filler.forget(ids);
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

	private EligibilityAnswer withoutCache(Lookup lookup) {
		List<Long> ids = lookup.ids();
		NamespaceEligibility[] answers = new NamespaceEligibility[ids.size()];
		try {
			this.withoutRedis.executeRunnable(() -> {
				Map<Long, @Nullable Fetched> fetched = this.filler.fetch(ids, Map.of(), System.nanoTime());
				for (int i = 0; i < answers.length; i++) {
					Fetched answer = fetched.get(ids.get(i));
					answers[i] = (answer != null) ? new NamespaceEligibility(answer.trialTypes(), AnswerState.FRESH)
							: fallback(null);
				}
			});
		}
		catch (BulkheadFullException ex) {
			// without Redis every request would reach CDot: beyond the limit, degraded at
			// once
			Arrays.fill(answers, NamespaceEligibility.degraded());
		}
		return counted(lookup, answers);
	}

	private NamespaceEligibility fallback(@Nullable CachedEntry expired) {
		return (expired != null) ? new NamespaceEligibility(expired.trialTypes(), AnswerState.STALE)
				: NamespaceEligibility.degraded();
	}

	private EligibilityAnswer counted(Lookup lookup, NamespaceEligibility[] answers) {
		int[] byState = new int[STATES.length];
		for (NamespaceEligibility answer : answers) {
			byState[answer.state().ordinal()]++;
		}
		for (AnswerState state : STATES) {
			this.metrics.answered(state, byState[state.ordinal()]);
		}
		return answer(lookup, answers);
	}

	private static EligibilityAnswer answer(Lookup lookup, NamespaceEligibility[] answers) {
		// a view over the arrays, which EligibilityAnswer keeps as it is
		return new EligibilityAnswer(new OrderedAnswers(lookup.ids(), lookup.positions(), answers));
	}

	/**
	 * The distinct ids of a lookup, in the order asked, and where each is.
	 *
	 * @param ids the distinct ids
	 * @param positions the position of each
	 */
	private record Lookup(List<Long> ids, IdPositions positions) {

		static Lookup of(Collection<Long> namespaceIds) {
			for (Long id : namespaceIds) {
				if (id == null) {
					throw new IllegalArgumentException("Namespace ids must not be null");
				}
				requirePositive(id);
			}
			// the answer is a view over these: a copy, unless the caller's list cannot
			// change anyway (List.copyOf then returns it as it is)
			List<Long> ids = List.copyOf(namespaceIds);
			// the usual request has no duplicates: found without sorting or boxing
			IdPositions positions = IdPositions.ofDistinct(ids);
			if (positions == null) {
				ids = List.copyOf(new LinkedHashSet<>(ids));
				positions = IdPositions.ofDistinct(ids);
			}
			return new Lookup(ids, Objects.requireNonNull(positions));
		}

	}

	private static void requirePositive(long namespaceId) {
		if (namespaceId <= 0) {
			throw new IllegalArgumentException("Namespace ids are positive, not " + namespaceId);
		}
	}

}
