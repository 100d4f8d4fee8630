package io.cdottrials.cdot.subscriptions;

import java.util.List;
import java.util.Map;

import io.cdottrials.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * A subscription item names a rate plan the catalog does not know: 422.
 */
public class UnknownRatePlanException extends ApiException {

	public UnknownRatePlanException(List<String> ratePlanIds) {
		super(HttpStatus.UNPROCESSABLE_CONTENT,
				ratePlanIds.stream().map((id) -> "product_rate_plan_id '" + id + "' is not in the catalog").toList(),
				Map.of("unknown_product_rate_plan_ids", ratePlanIds));
	}

}
