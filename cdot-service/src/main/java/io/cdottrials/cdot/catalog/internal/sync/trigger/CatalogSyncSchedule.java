package io.cdottrials.cdot.catalog.internal.sync.trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.cdottrials.cdot.catalog.internal.sync.CatalogSyncProperties;
import io.cdottrials.cdot.catalog.internal.sync.CatalogSyncService;
import io.cdottrials.cdot.catalog.internal.sync.SyncTrigger;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * The daily sync at {@code cdot.catalog.sync-cron} (UTC). Every replica's scheduler
 * fires; the one that takes the lock syncs, the others skip without recording a run. The
 * sync runs on the scheduler's thread under that same lock (ShedLock lets the thread
 * holding a lock take it again).
 */
@Component
class CatalogSyncSchedule implements SchedulingConfigurer {

	private final CatalogSyncService syncs;

	private final LockingTaskExecutor lockingTaskExecutor;

	private final String cron;

	CatalogSyncSchedule(CatalogSyncService syncs, LockingTaskExecutor lockingTaskExecutor,
			CatalogSyncProperties properties) {
		this.syncs = syncs;
		this.lockingTaskExecutor = lockingTaskExecutor;
		this.cron = properties.syncCron();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!Scheduled.CRON_DISABLED.equals(this.cron)) {
			registrar.addCronTask(new CronTask(this::syncDaily, new CronTrigger(this.cron, ZoneOffset.UTC)));
		}
	}

	void syncDaily() {
		this.lockingTaskExecutor.executeWithLock((Runnable) () -> this.syncs.syncNow(SyncTrigger.SCHEDULE),
				new LockConfiguration(Instant.now(), CatalogSyncService.LOCK_NAME, CatalogSyncService.LOCK_AT_MOST_FOR,
						Duration.ZERO));
	}

}
