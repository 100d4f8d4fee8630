package io.cdottrials.gitlab.client;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the trial eligibility cache behaves.
 *
 * @param ttl how long a cached answer is fresh
 * @param jitter the most a fresh period is shortened or lengthened at random, so that
 * entries filled together do not expire together
 * @param staleIfError how long after it stops being fresh an answer is kept, to be served
 * (marked stale) while CDot cannot answer
 * @param emptyAnswerTtl how long a namespace CDot left out of its answer is cached as
 * eligible for nothing
 * @param chunkSize the most namespace ids sent to CDot in one call (CDot's limit)
 * @param redisDownConcurrency the most CDot calls in flight at once while Redis is
 * unusable; callers beyond it get a degraded answer
 * @param eventMemory how long processed webhook event ids are remembered
 * @param cdotBreaker circuit breaker around CDot calls
 * @param redisBreaker circuit breaker around Redis calls, so that a dead Redis costs one
 * timeout rather than one per call
 * @param tombstoneTtl how long an invalidated namespace's tombstone (which carries its
 * new generation) is kept; a fill that took longer than half of it, or of the shortest
 * entry lifetime, does not write back
 * @param lease single flight across replicas: the Redis lease a replica takes before
 * asking CDot for a namespace it missed
 */
@ConfigurationProperties("gitlab.trial-eligibility")
public record TrialEligibilityProperties(@DefaultValue("8h") Duration ttl, @DefaultValue("10m") Duration jitter,
		@DefaultValue("24h") Duration staleIfError, @DefaultValue("5m") Duration emptyAnswerTtl,
		@DefaultValue("1000") int chunkSize, @DefaultValue("16") int redisDownConcurrency,
		@DefaultValue("24h") Duration eventMemory, @NestedConfigurationProperty @DefaultValue Breaker cdotBreaker,
		@NestedConfigurationProperty @DefaultValue Breaker redisBreaker, @DefaultValue("1m") Duration tombstoneTtl,
		@NestedConfigurationProperty @DefaultValue Lease lease) {

	/**
	 * Settings of one Resilience4j circuit breaker (count-based sliding window).
	 *
	 * @param failureRateThreshold percentage of failed calls that opens the circuit
	 * @param slidingWindowSize how many recent calls the failure rate is computed over
	 * @param minimumNumberOfCalls calls needed before the failure rate counts
	 * @param waitDurationInOpenState how long the circuit stays open before it lets trial
	 * calls through: at worst how long after a recovery the dependency is used again (a
	 * few trial calls every couple of seconds is no load on a dependency still down)
	 * @param permittedCallsInHalfOpenState trial calls that decide whether to close again
	 */
	public record Breaker(@DefaultValue("50") float failureRateThreshold, @DefaultValue("20") int slidingWindowSize,
			@DefaultValue("10") int minimumNumberOfCalls, @DefaultValue("2s") Duration waitDurationInOpenState,
			@DefaultValue("3") int permittedCallsInHalfOpenState) {
	}

	/**
	 * Single flight across replicas: a replica that misses a namespace takes its lease
	 * ({@code namespaces:eligible_trials_lease:<id>}) and asks CDot; a replica that finds
	 * the lease taken waits for the value instead, then asks CDot itself.
	 *
	 * @param maxWait how long a replica waits for another replica's fill before asking
	 * CDot itself: the most a lease adds to a lookup; zero turns leases off (every
	 * replica asks CDot for its own misses)
	 * @param ttl how long a lease lives when its holder does not release it (it died, or
	 * Redis failed at the release): during that time other replicas wait {@code maxWait}
	 * before asking CDot for the namespace; a holder still fetching when it expires only
	 * lets a second replica fetch too
	 */
	public record Lease(@DefaultValue("250ms") Duration maxWait, @DefaultValue("3s") Duration ttl) {
	}

}
