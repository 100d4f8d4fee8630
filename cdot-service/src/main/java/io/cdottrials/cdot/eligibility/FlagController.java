package io.cdottrials.cdot.eligibility;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cdottrials.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators switch the ultimate trial types at runtime, for every replica.
 */
@RestController
@RequestMapping("/api/v1/admin/trials/flags/" + TrialOffers.ULTIMATE_TRIAL_WITH_DAP)
@Tag(name = "Admin")
class FlagController {

	private final TrialOffers offers;

	FlagController(TrialOffers offers) {
		this.offers = offers;
	}

	@GetMapping
	@Operation(summary = "State of the ultimate_trial_with_dap flag")
	FlagBody show() {
		return new FlagBody(this.offers.ultimateTrialWithDap());
	}

	@PutMapping
	@Operation(summary = "Switch the ultimate_trial_with_dap flag")
	FlagBody set(@RequestBody(required = false) @Nullable FlagBody body) {
		if (body == null || body.enabled() == null) {
			throw ApiException.badRequest("enabled is required: {\"enabled\": true} or {\"enabled\": false}");
		}
		this.offers.setUltimateTrialWithDap(body.enabled());
		return show();
	}

	/**
	 * A flag's state.
	 *
	 * @param enabled whether it is on
	 */
	record FlagBody(@JsonProperty("enabled") @Nullable Boolean enabled) {
	}

}
