package io.cdottrials.gitlab.client;

import java.time.Clock;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
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
		List<Long> ids = distinctPositive(namespaceIds);
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
			return withoutCache(ids);
		}
		long now = this.clock.millis();
		int size = ids.size();
		NamespaceEligibility[] answers = new NamespaceEligibility[size];
		Map<Long, CachedEntry> expired = null;
		Map<Long, Long> toFetch = null;
		int hits = 0;
		for (int i = 0; i < size; i++) {
			CachedEntry entry = read.entries()[i];
			if (entry != null && entry.freshAt(now)) {
				answers[i] = new NamespaceEligibility(entry.trialTypes(), AnswerState.FRESH);
				hits++;
				continue;
			}
			if (toFetch == null) {
				toFetch = new LinkedHashMap<>();
				expired = new HashMap<>();
			}
			if (entry != null) {
				expired.put(ids.get(i), entry);
			}
			toFetch.put(ids.get(i), read.generations()[i]);
		}
		if (toFetch == null) {
			this.metrics.cacheGets(hits, 0, 0);
			return ordered(ids, answers);
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

	private EligibilityAnswer withoutCache(List<Long> ids) {
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
		return ordered(ids, answers);
	}

	private NamespaceEligibility fallback(@Nullable CachedEntry expired) {
		return (expired != null) ? new NamespaceEligibility(expired.trialTypes(), AnswerState.STALE)
				: NamespaceEligibility.degraded();
	}

	private EligibilityAnswer ordered(List<Long> ids, NamespaceEligibility[] answers) {
		int[] byState = new int[STATES.length];
		for (NamespaceEligibility answer : answers) {
			byState[answer.state().ordinal()]++;
		}
		for (AnswerState state : STATES) {
			this.metrics.answered(state, byState[state.ordinal()]);
		}
		// EligibilityAnswer copies what it is given into its own map: give it a view
		return new EligibilityAnswer(new OrderedAnswers(ids, answers));
	}

	/**
	 * The answers by id in the order asked, as a read-only view over the two arrays.
	 */
	private static final class OrderedAnswers extends AbstractMap<Long, NamespaceEligibility> {

		private final List<Long> ids;

		private final NamespaceEligibility[] answers;

		OrderedAnswers(List<Long> ids, NamespaceEligibility[] answers) {
			this.ids = ids;
			this.answers = answers;
		}

		@Override
		public Set<Entry<Long, NamespaceEligibility>> entrySet() {
			return new AbstractSet<>() {

				@Override
				public Iterator<Entry<Long, NamespaceEligibility>> iterator() {
					return new Iterator<>() {

						private int next;

						@Override
						public boolean hasNext() {
							return this.next < OrderedAnswers.this.answers.length;
						}

						@Override
						public Entry<Long, NamespaceEligibility> next() {
							if (!hasNext()) {
								throw new NoSuchElementException();
							}
							int i = this.next++;
							return new SimpleImmutableEntry<>(OrderedAnswers.this.ids.get(i),
									OrderedAnswers.this.answers[i]);
						}

					};
				}

				@Override
				public int size() {
					return OrderedAnswers.this.answers.length;
				}

			};
		}

	}

	private static List<Long> distinctPositive(Collection<Long> namespaceIds) {
		// the usual request has no duplicates: check that on a sorted copy without
		// boxing,
		// and keep the caller's order
		long[] sorted = new long[namespaceIds.size()];
		int n = 0;
		for (Long id : namespaceIds) {
			if (id == null) {
				throw new IllegalArgumentException("Namespace ids must not be null");
			}
			requirePositive(id);
			sorted[n++] = id;
		}
		Arrays.sort(sorted);
		for (int i = 1; i < n; i++) {
			if (sorted[i] == sorted[i - 1]) {
				return List.copyOf(new LinkedHashSet<>(namespaceIds));
			}
		}
		return (namespaceIds instanceof List<Long> list && list instanceof RandomAccess) ? list
				: new ArrayList<>(namespaceIds);
	}

	private static void requirePositive(long namespaceId) {
		if (namespaceId <= 0) {
			throw new IllegalArgumentException("Namespace ids are positive, not " + namespaceId);
		}
	}

}
