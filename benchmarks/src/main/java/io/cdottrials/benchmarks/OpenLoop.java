package io.cdottrials.benchmarks;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-loop load generator: requests are due at a fixed rate whatever the answers
 * take, and each latency is measured from the moment its request was due, not from when a
 * worker got round to sending it. A slow answer therefore shows in the latency of every
 * request queued behind it (no coordinated omission), as it would for GitLab's callers.
 * <p>
 * When more than {@code maxOutstanding} requests are waiting, the target cannot keep up
 * with the rate: the run stops sending and reports itself saturated, and its percentiles
 * are lower bounds.
 */
final class OpenLoop implements AutoCloseable {

	/** Latencies above a minute are recorded as a minute. */
	private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);

	private final ExecutorService workers;

	private final int maxOutstanding;

	/**
	 * @param workers threads sending requests; a request due while all are busy waits,
	 * and the wait counts
	 * @param maxOutstanding requests waiting or running beyond which the run is saturated
	 */
	OpenLoop(int workers, int maxOutstanding) {
		AtomicInteger count = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(workers, (task) -> {
			Thread thread = new Thread(task, "open-loop-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.maxOutstanding = maxOutstanding;
	}

	/**
	 * Offers {@code rate} requests per second for {@code duration}.
	 * @param rate requests per second
	 * @param duration how long
	 * @param request one request; answers whether it succeeded
	 * @return the latencies and counts
	 * @throws InterruptedException when interrupted
	 */
	Outcome run(int rate, Duration duration, Request request) throws InterruptedException {
		Recorder recorder = new Recorder(MAX_MICROS, 3);
		AtomicLong outstanding = new AtomicLong();
		AtomicLong failures = new AtomicLong();
		AtomicLong completed = new AtomicLong();
		long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
		long due = (long) rate * duration.toSeconds();
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
		long sent = 0;
		boolean saturated = false;
		for (; sent < due; sent++) {
			long intended = start + sent * intervalNanos;
			for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
				LockSupport.parkNanos(wait);
			}
			if (outstanding.get() >= this.maxOutstanding) {
				saturated = true;
				break;
			}
			outstanding.incrementAndGet();
			this.workers.execute(() -> {
				boolean ok;
				try {
					ok = request.send();
				}
				catch (Exception ex) {
					ok = false;
				}
				recorder.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - intended) / 1000));
				if (!ok) {
					failures.incrementAndGet();
				}
				completed.incrementAndGet();
				outstanding.decrementAndGet();
			});
		}
		long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (outstanding.get() > 0 && System.nanoTime() < drainUntil) {
			Thread.sleep(5);
		}
		double elapsedSeconds = (System.nanoTime() - start) / 1e9;
		return new Outcome(rate, sent, completed.get(), failures.get(), saturated, completed.get() / elapsedSeconds,
				recorder.getIntervalHistogram());
	}

	@Override
	public void close() {
		this.workers.shutdownNow();
	}

	/** One request of the load. */
	@FunctionalInterface
	interface Request {

		boolean send() throws Exception;

	}

	/**
	 * What one rate found.
	 *
	 * @param rate offered requests per second
	 * @param sent requests sent
	 * @param completed requests answered
	 * @param failures requests that failed or were refused
	 * @param saturated whether the target fell behind so far that sending stopped
	 * @param achievedRate answered requests per second
	 * @param latencies microseconds from each request's due time to its answer
	 */
	record Outcome(int rate, long sent, long completed, long failures, boolean saturated, double achievedRate,
			Histogram latencies) {

		double millis(double percentile) {
			return this.latencies.getValueAtPercentile(percentile) / 1000.0;
		}

	}

}
