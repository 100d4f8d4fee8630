package io.cdottrials.launcher;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * A few client threads sending requests back to back until stopped, keeping every answer:
 * what load looks like to the fault suite.
 */
final class Load implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicLong sequence = new AtomicLong();

	private final ExecutorService threads;

	private Load(int threads, LongFunction<HttpRequest> requests) {
		this.threads = Executors.newFixedThreadPool(threads);
		for (int i = 0; i < threads; i++) {
			this.threads.submit(() -> {
				while (this.running.get()) {
					this.outcomes.add(send(requests.apply(this.sequence.incrementAndGet())));
				}
			});
		}
	}

	/**
	 * Starts sending.
	 * @param threads how many requests are in flight at once
	 * @param requests the n-th request
	 * @return the running load
	 */
	static Load start(int threads, LongFunction<HttpRequest> requests) {
		return new Load(threads, requests);
	}

	static Outcome send(HttpRequest request) {
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
			return new Outcome(request, started, System.nanoTime(), response.statusCode(), response.body(),
					response.headers().firstValue("Retry-After").orElse(null));
		}
		catch (IOException ex) {
			return new Outcome(request, started, System.nanoTime(), -1, ex.toString(), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(request, started, System.nanoTime(), -1, ex.toString(), null);
		}
	}

	int count() {
		return this.outcomes.size();
	}

	/**
	 * Stops sending and waits for the requests in flight.
	 * @return every answer, in the order they came
	 */
	List<Outcome> stop() {
		this.running.set(false);
		this.threads.shutdown();
		try {
			this.threads.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		synchronized (this.outcomes) {
			return List.copyOf(this.outcomes);
		}
	}

	@Override
	public void close() {
		stop();
	}

	static Map<Integer, Long> byStatus(List<Outcome> outcomes) {
		Map<Integer, Long> counts = new TreeMap<>();
		outcomes.forEach((outcome) -> counts.merge(outcome.status(), 1L, Long::sum));
		return counts;
	}

	static List<Outcome> startedBetween(List<Outcome> outcomes, long fromNanos, long toNanos) {
		return outcomes.stream()
			.filter((outcome) -> outcome.started() >= fromNanos && outcome.started() < toNanos)
			.toList();
	}

	static List<Outcome> where(List<Outcome> outcomes, Predicate<Outcome> condition) {
		return outcomes.stream().filter(condition).toList();
	}

	/**
	 * One request and its answer.
	 *
	 * @param request what was sent
	 * @param started {@link System#nanoTime()} when it was sent
	 * @param ended {@link System#nanoTime()} when the answer (or the failure) came
	 * @param status the HTTP status, {@code -1} for no answer at all
	 * @param body the body, or the failure
	 * @param retryAfter the {@code Retry-After} header, if any
	 */
	record Outcome(HttpRequest request, long started, long ended, int status, String body, String retryAfter) {

		long millis() {
			return TimeUnit.NANOSECONDS.toMillis(this.ended - this.started);
		}

	}

}
