package io.cdottrials.cdot.catalog.internal.backfill;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators start the backfill; {@code dry_run=true} answers the requests it would send.
 */
@RestController
class BackfillController {

	private final ClassificationBackfill backfill;

	BackfillController(ClassificationBackfill backfill) {
		this.backfill = backfill;
	}

	@PostMapping("/api/v1/admin/catalog/backfill")
	@ResponseStatus(HttpStatus.ACCEPTED)
	BackfillResponse backfill(@RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun) {
		ClassificationBackfill.Result result = this.backfill.run(dryRun);
		List<RequestResponse> requests = result.writes()
			.stream()
			.map((write) -> new RequestResponse(write.update().ratePlanId(), "PUT",
					"/v1/object/product-rate-plan/" + write.update().ratePlanId(), write.update().fields(),
					write.outcome().wireName(), write.error()))
			.toList();
		return new BackfillResponse(result.dryRun(), result.catalogVersion(), requests.size(),
				result.count(BackfillOutcome.UPDATED), result.count(BackfillOutcome.FAILED), requests, true);
	}

	record BackfillResponse(@JsonProperty("dry_run") boolean dryRun,
			@JsonProperty("catalog_version") long catalogVersion, long planned, long updated, long failed,
			List<RequestResponse> requests, boolean success) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RequestResponse(@JsonProperty("rate_plan_id") String ratePlanId, String method, String path,
			Map<String, Object> body, String outcome, @Nullable String error) {
	}

}
