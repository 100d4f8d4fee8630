package io.cdottrials.cdot.catalog.internal.sync.trigger;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Zuora's change callout on catalog objects (basic auth, see the platform's security).
 * The callout's body is not needed: any change means "sync the catalog", debounced.
 */
@RestController
@Tag(name = "Zuora callouts")
class ZuoraCalloutController {

	private final CatalogCalloutDebouncer debouncer;

	ZuoraCalloutController(CatalogCalloutDebouncer debouncer) {
		this.debouncer = debouncer;
	}

	@PostMapping("/api/v1/webhooks/zuora/catalog")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Zuora's catalog change callout",
			description = "Answers 202; one sync follows once no callout has come for cdot.catalog.callout-debounce.")
	CalloutAccepted catalogChanged() {
		return new CalloutAccepted(true, this.debouncer.calloutReceived());
	}

	/**
	 * The callout's answer.
	 *
	 * @param success always {@code true}
	 * @param syncDueAt when the sync is queued unless another callout comes first
	 */
	record CalloutAccepted(@JsonProperty("success") boolean success, @JsonProperty("sync_due_at") Instant syncDueAt) {
	}

}
