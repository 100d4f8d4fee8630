package io.cdottrials.cdot.catalog.internal.sync;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily sync. Every replica's scheduler fires; the one that takes the lock syncs, the
 * others skip without recording a run. The sync runs on the scheduler's thread under that
 * same lock (ShedLock lets the thread holding a lock take it again).
 */
@Component
class CatalogSyncSchedule {

	private final CatalogSyncService syncs;

	CatalogSyncSchedule(CatalogSyncService syncs) {
		this.syncs = syncs;
	}

	@Scheduled(cron = "${cdot.catalog.sync-cron:0 0 3 * * *}", zone = "UTC")
	@SchedulerLock(name = CatalogSyncService.LOCK_NAME, lockAtMostFor = "PT15M")
	void syncDaily() {
		this.syncs.syncNow(SyncTrigger.SCHEDULE);
	}

}
