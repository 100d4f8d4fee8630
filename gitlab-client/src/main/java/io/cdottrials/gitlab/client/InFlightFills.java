package io.cdottrials.gitlab.client;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CDot calls in flight in this JVM, per namespace: a request for a namespace that is
 * already being fetched waits for that fetch instead of starting another.
 */
final class InFlightFills {

	private final Map<Long, CompletableFuture<Fetched>> flights = new ConcurrentHashMap<>();

	/**
	 * Joins the flights in progress and claims the rest for the caller to fetch.
	 * @param namespaceIds distinct ids
	 * @return the joined and the owned flights
	 */
	Claim claim(Collection<Long> namespaceIds) {
		Map<Long, CompletableFuture<Fetched>> joined = new LinkedHashMap<>();
		Map<Long, CompletableFuture<Fetched>> owned = new LinkedHashMap<>();
		for (long id : namespaceIds) {
			CompletableFuture<Fetched> flight = new CompletableFuture<>();
			CompletableFuture<Fetched> existing = this.flights.putIfAbsent(id, flight);
			if (existing != null) {
				joined.put(id, existing);
			}
			else {
				owned.put(id, flight);
			}
		}
		return new Claim(joined, owned);
	}

	/**
	 * Ends the caller's own flights (they must be completed already).
	 * @param owned the flights the caller claimed
	 */
	void release(Map<Long, CompletableFuture<Fetched>> owned) {
		owned.forEach(this.flights::remove);
	}

	/**
	 * Makes later requests start their own flights: after an invalidation nobody should
	 * join a fetch that began before it.
	 * @param namespaceIds the invalidated namespaces
	 */
	void forget(Collection<Long> namespaceIds) {
		namespaceIds.forEach(this.flights::remove);
	}

	/**
	 * Flights joined and flights owned by one request.
	 *
	 * @param joined flights started by other requests
	 * @param owned flights this request must complete
	 */
	record Claim(Map<Long, CompletableFuture<Fetched>> joined, Map<Long, CompletableFuture<Fetched>> owned) {
	}

	/**
	 * CDot's answer for one namespace.
	 *
	 * @param trialTypes the eligible types
	 * @param answered {@code false} when CDot left the namespace out of its answer
	 */
	record Fetched(List<String> trialTypes, boolean answered) {
	}

}
