package io.cdottrials.cdot.catalog.internal.sync.trigger;

import java.net.URI;

import io.cdottrials.cdot.catalog.internal.sync.CatalogSyncService;
import io.cdottrials.cdot.catalog.internal.sync.SyncRun;
import io.cdottrials.cdot.catalog.internal.sync.SyncTrigger;
import io.cdottrials.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Operators' catalog syncs: start one, follow it.
 */
@RestController
@RequestMapping("/api/v1/admin/catalog/syncs")
@Tag(name = "Catalog sync (admin)")
class CatalogSyncController {

	private final CatalogSyncService syncs;

	CatalogSyncController(CatalogSyncService syncs) {
		this.syncs = syncs;
	}

	@PostMapping
	@Operation(summary = "Start a catalog sync",
			description = "Queues a sync and answers 202 with the run; follow it at the Location. "
					+ "While a run is still queued, asking again answers that run.")
	ResponseEntity<SyncRunResponse> start() {
		long id = this.syncs.request(SyncTrigger.ADMIN);
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.accepted().location(location).body(SyncRunResponse.of(find(id)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One catalog sync run",
			description = "Status, trigger, source, timestamps, counts, validation findings, "
					+ "the catalog version and the diff against the previous version.")
	SyncRunResponse show(@PathVariable long id) {
		return SyncRunResponse.of(find(id));
	}

	private SyncRun find(long id) {
		return this.syncs.find(id).orElseThrow(() -> ApiException.notFound("There is no catalog sync run " + id));
	}

}
