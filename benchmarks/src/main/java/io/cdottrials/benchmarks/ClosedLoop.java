package io.cdottrials.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop load generator, for the most a target can do: each of {@code threads}
 * workers sends its next request as soon as its last one is answered, so the target is
 * never idle for want of work. The requests answered per second are its maximum
 * throughput at that concurrency.
 * <p>
 * Its latencies are those of a saturated target, measured from each send, not from when a
 * caller would have wanted to send it (a stall delays the next request instead of showing
 * in its latency): they describe the queue at saturation, not what callers see at a given
 * rate. {@link OpenLoop} measures that.
 */
final class ClosedLoop {

	/** Latencies above a minute are recorded as a minute. */
	private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);

	private ClosedLoop() {
	}

	/**
	 * Runs the load unmeasured for {@code warmup}, then measured for {@code duration}.
	 * @param threads concurrent workers
	 * @param warmup unmeasured time first (JIT, connection pools)
	 * @param duration measured time
	 * @param request one request; answers whether it succeeded
	 * @return what the measured part found
	 * @throws InterruptedException when interrupted
	 */
	static Outcome run(int threads, Duration warmup, Duration duration, OpenLoop.Request request)
			throws InterruptedException {
		Recorder recorder = new Recorder(MAX_MICROS, 3);
		AtomicLong completed = new AtomicLong();
		AtomicLong failures = new AtomicLong();
		long start = System.nanoTime();
		long measureFrom = start + warmup.toNanos();
		long end = measureFrom + duration.toNanos();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Thread worker = new Thread(() -> {
				for (long sent = System.nanoTime(); sent < end; sent = System.nanoTime()) {
					boolean ok;
					try {
						ok = request.send();
					}
					catch (Exception ex) {
						ok = false;
					}
					long answered = System.nanoTime();
					// a request counts where it was answered: the measured window holds
					// exactly the answers given in it
					if (answered >= measureFrom && answered < end) {
						recorder.recordValue(Math.min(MAX_MICROS, (answered - sent) / 1000));
						completed.incrementAndGet();
						if (!ok) {
							failures.incrementAndGet();
						}
					}
				}
			}, "closed-loop-" + i);
			worker.setDaemon(true);
			worker.start();
			workers.add(worker);
		}
		for (Thread worker : workers) {
			worker.join();
		}
		return new Outcome(threads, completed.get(), failures.get(), completed.get() / (duration.toNanos() / 1e9),
				recorder.getIntervalHistogram());
	}

	/**
	 * What the measured part of a run found.
	 *
	 * @param threads concurrent workers
	 * @param completed requests answered in the measured window
	 * @param failures of those, the ones that failed
	 * @param throughput answered requests per second
	 * @param latencies microseconds from each send to its answer
	 */
	record Outcome(int threads, long completed, long failures, double throughput, Histogram latencies) {

		double millis(double percentile) {
			return this.latencies.getValueAtPercentile(percentile) / 1000.0;
		}

	}

}
