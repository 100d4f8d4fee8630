package io.cdottrials.cdot.catalog.internal.sync.trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import io.cdottrials.cdot.catalog.internal.sync.CatalogSyncProperties;
import io.cdottrials.cdot.catalog.internal.sync.CatalogSyncService;
import io.cdottrials.cdot.catalog.internal.sync.SyncTrigger;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Trailing-edge debounce of Zuora's change callouts: each callout (re)starts the window,
 * and one sync is queued when the window passes without another. Zuora sends a callout
 * per changed object, so editing a plan in Zuora's UI causes a burst; the burst causes
 * one sync, after the last change of it.
 */
@Component
class CatalogCalloutDebouncer implements DisposableBean {

	private final CatalogSyncService syncs;

	private final Duration window;

	private final ThreadPoolTaskScheduler scheduler;

	private @Nullable ScheduledFuture<?> pending;

	CatalogCalloutDebouncer(CatalogSyncService syncs, CatalogSyncProperties properties,
			ThreadPoolTaskSchedulerBuilder schedulers) {
		this.syncs = syncs;
		this.window = properties.calloutDebounce();
		// not the application's scheduler: its one thread runs the daily sync for as long
		// as that takes, and a window that passes meanwhile must still queue its sync
		this.scheduler = schedulers.poolSize(1).threadNamePrefix("catalog-callout-").build();
		this.scheduler.initialize();
	}

	/**
	 * Notes one callout.
	 * @return when the sync is due unless another callout comes first
	 */
	synchronized Instant calloutReceived() {
		if (this.pending != null) {
			this.pending.cancel(false);
		}
		Instant due = Instant.now().plus(this.window);
		this.pending = this.scheduler.schedule(this::windowPassed, due);
		return due;
	}

	private void windowPassed() {
		synchronized (this) {
			this.pending = null;
		}
		this.syncs.request(SyncTrigger.CALLOUT);
	}

	@Override
	public void destroy() {
		this.scheduler.destroy();
	}

}
