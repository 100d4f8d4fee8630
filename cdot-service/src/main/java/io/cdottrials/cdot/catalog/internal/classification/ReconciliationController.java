package io.cdottrials.cdot.catalog.internal.classification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cdottrials.cdot.catalog.internal.snapshot.CurrentCatalog;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The before/after comparison operators read before flipping a flag or running the
 * backfill.
 */
@RestController
class ReconciliationController {

	private final CurrentCatalog currentCatalog;

	private final ClassificationFlags flags;

	ReconciliationController(CurrentCatalog currentCatalog, ClassificationFlags flags) {
		this.currentCatalog = currentCatalog;
		this.flags = flags;
	}

	@GetMapping("/api/v1/admin/catalog/reconciliation")
	ReconciliationResponse reconciliation() {
		Reconciliation report = Reconciliation.of(this.currentCatalog.current(), this.flags);
		Map<String, EntryResponse> entries = new LinkedHashMap<>();
		report.classifications()
			.forEach((name, entry) -> entries.put(name, new EntryResponse(entry.source().wireName(), entry.agree(),
					entry.disagree(), entry.onlyLegacy(), entry.onlyMetadata())));
		int agree = report.classifications().values().stream().mapToInt(Reconciliation.Entry::agree).sum();
		int disagree = report.classifications().values().stream().mapToInt(Reconciliation.Entry::disagree).sum();
		return new ReconciliationResponse(report.catalogVersion(), agree, disagree, entries, true);
	}

	record ReconciliationResponse(@JsonProperty("catalog_version") long catalogVersion, int agree, int disagree,
			Map<String, EntryResponse> classifications, boolean success) {
	}

	record EntryResponse(String source, int agree, int disagree, @JsonProperty("only_legacy") List<String> onlyLegacy,
			@JsonProperty("only_metadata") List<String> onlyMetadata) {
	}

}
