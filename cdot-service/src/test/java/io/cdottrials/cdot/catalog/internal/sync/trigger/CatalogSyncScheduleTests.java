package io.cdottrials.cdot.catalog.internal.sync.trigger;

import io.cdottrials.cdot.catalog.internal.sync.CatalogSyncIntegrationTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily schedule takes the same cluster-wide lock as the other triggers.
 */
class CatalogSyncScheduleTests extends CatalogSyncIntegrationTest {

	@Autowired
	CatalogSyncSchedule schedule;

	@Test
	void theScheduledSyncRunsUnderTheLock() {
		zuora.stubCatalog(PAGE_SIZE, catalog(2));
		this.schedule.syncDaily();
		assertThat(this.jdbc.sql("select trigger || ':' || status from catalog_sync_run").query(String.class).list())
			.containsExactly("schedule:succeeded");
		assertThat(
				this.jdbc.sql("select count(*) from shedlock where name = 'catalog-sync'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void theScheduledSyncSkipsWhileAnotherReplicaSyncs() {
		zuora.stubCatalog(PAGE_SIZE, catalog(2));
		anotherReplicaHoldsTheSyncLock();
		this.schedule.syncDaily();
		assertThat(count("catalog_sync_run")).as("the other replica's run is the only one").isZero();
		assertThat(zuora.productRequests()).isZero();
	}

}
