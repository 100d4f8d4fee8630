package io.cdottrials.gitlab.client;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cdottrials.gitlab.client.EligibilityCache.Slot;
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
		this.filler.fetch(toFetch, slots)
			.forEach((id, fetched) -> answers.put(id, (fetched != null)
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
		Map<Long, NamespaceEligibility> answers = new HashMap<>();
		try {
			this.withoutRedis.executeRunnable(() -> this.filler.fetch(ids, Map.of())
				.forEach((id, fetched) -> answers.put(id, (fetched != null)
						? new NamespaceEligibility(fetched.trialTypes(), AnswerState.FRESH) : fallback(null))));
		}
		catch (BulkheadFullException ex) {
			// without Redis every request would reach CDot: beyond the limit, degraded at
			// once
			ids.forEach((id) -> answers.put(id, NamespaceEligibility.degraded()));
		}
		return ordered(ids, answers);
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
