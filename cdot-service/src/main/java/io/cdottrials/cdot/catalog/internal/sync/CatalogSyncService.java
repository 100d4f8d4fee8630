package io.cdottrials.cdot.catalog.internal.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.cdottrials.cdot.catalog.internal.source.CatalogSource;
import io.cdottrials.cdot.catalog.internal.source.FetchedCatalog;
import io.cdottrials.cdot.catalog.internal.source.record.ValidationFinding;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Runs catalog syncs, one at a time: within a replica on one thread, across replicas
 * under the ShedLock lock {@value #LOCK_NAME} that the daily schedule takes too. A run
 * reads the whole source first and then applies it in one transaction; any failure leaves
 * the previous catalog and version in place and is recorded on the run.
 */
@Service
public class CatalogSyncService implements DisposableBean {

	/** The cluster-wide lock every sync takes. */
	public static final String LOCK_NAME = "catalog-sync";

	public static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(15);

	private static final Logger logger = LoggerFactory.getLogger(CatalogSyncService.class);

	private final CatalogSource source;

	private final CatalogSyncRuns runs;

	private final CatalogSyncTransaction transaction;

	private final LockingTaskExecutor lockingTaskExecutor;

	private final CatalogSyncMetrics metrics;

	private final ThreadPoolTaskExecutor executor;

	private @Nullable Long queuedRunId;

	CatalogSyncService(CatalogSource source, CatalogSyncRuns runs, CatalogSyncTransaction transaction,
			LockingTaskExecutor lockingTaskExecutor, CatalogSyncMetrics metrics,
			ThreadPoolTaskExecutorBuilder executors) {
		this.source = source;
		this.runs = runs;
		this.transaction = transaction;
		this.lockingTaskExecutor = lockingTaskExecutor;
		this.metrics = metrics;
		// a lane of its own, one thread: queued runs wait for the one before them instead
		// of being skipped by the lock, and never hold up the application's other tasks
		this.executor = executors.corePoolSize(1)
			.maxPoolSize(1)
			.queueCapacity(Integer.MAX_VALUE)
			.threadNamePrefix("catalog-sync-")
			.awaitTerminationPeriod(Duration.ofSeconds(10))
			.build();
		this.executor.initialize();
	}

	/**
	 * Queues a sync to run in the background. While a run of this replica is still
	 * waiting to start, asking again answers that run instead of queueing another.
	 * @param trigger what asks for it
	 * @return the id of the queued run
	 */
	public long request(SyncTrigger trigger) {
		long runId;
		synchronized (this) {
			if (this.queuedRunId != null) {
				return this.queuedRunId;
			}
			runId = this.runs.create(trigger, this.source.name());
			this.queuedRunId = runId;
		}
		this.executor.execute(() -> {
			synchronized (this) {
				this.queuedRunId = null;
			}
			execute(runId, trigger);
		});
		return runId;
	}

	/**
	 * Syncs on the calling thread.
	 * @param trigger what asks for it
	 * @return the finished run
	 */
	public SyncRun syncNow(SyncTrigger trigger) {
		long runId = this.runs.create(trigger, this.source.name());
		execute(runId, trigger);
		return this.runs.find(runId).orElseThrow();
	}

	/**
	 * Reads one run.
	 * @param id run id
	 * @return the run, empty for an unknown id
	 */
	public Optional<SyncRun> find(long id) {
		return this.runs.find(id);
	}

	/**
	 * The latest runs.
	 * @param limit how many
	 * @return the runs, newest first
	 */
	public List<SyncRun> recent(int limit) {
		return this.runs.recent(limit);
	}

	private void execute(long runId, SyncTrigger trigger) {
		try {
			TaskResult<Boolean> result = this.lockingTaskExecutor.executeWithLock(() -> sync(runId, trigger),
					new LockConfiguration(Instant.now(), LOCK_NAME, LOCK_AT_MOST_FOR, Duration.ZERO));
			if (!result.wasExecuted()) {
				logger.info("Catalog sync run {} skipped: another sync holds the lock", runId);
				this.runs.markSkipped(runId, "Another catalog sync was running; this one was skipped");
			}
		}
		catch (Throwable ex) {
			logger.error("Catalog sync run {} could not run", runId, ex);
			this.runs.markFailed(runId, "The sync could not run: " + ex.getMessage(), List.of());
		}
	}

	private boolean sync(long runId, SyncTrigger trigger) {
		long started = System.nanoTime();
		this.runs.markRunning(runId);
		List<ValidationFinding> findings = List.of();
		try {
			FetchedCatalog fetched = this.source.fetch();
			findings = fetched.findings();
			CatalogSyncTransaction.Applied applied = this.transaction.apply(runId, fetched);
			this.metrics.recordFindings(findings);
			this.metrics.recordRun(trigger, "succeeded", Duration.ofNanos(System.nanoTime() - started));
			logger.info("Catalog sync run {} ({}) succeeded: version {}{}, {} findings", runId, trigger.value(),
					applied.version(), applied.newVersion() ? " (new)" : " (no changes)", findings.size());
			return true;
		}
		catch (RuntimeException ex) {
			logger.warn("Catalog sync run {} ({}) failed; the previous catalog stays in place: {}", runId,
					trigger.value(), ex.getMessage());
			this.runs.markFailed(runId, String.valueOf(ex.getMessage()), findings);
			this.metrics.recordFindings(findings);
			this.metrics.recordRun(trigger, "failed", Duration.ofNanos(System.nanoTime() - started));
			return false;
		}
	}

	@Override
	public void destroy() {
		this.executor.destroy();
	}

}
