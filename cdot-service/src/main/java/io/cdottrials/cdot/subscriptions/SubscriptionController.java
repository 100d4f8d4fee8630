package io.cdottrials.cdot.subscriptions;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cdottrials.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provisioning hook: writes and shows a namespace's subscription items. The path's id
 * is checked by method validation ({@code @Validated}: its violations are answered like
 * the body's).
 */
@RestController
@Validated
@RequestMapping("/api/v1/gitlab/namespaces/{namespaceId}/subscription")
@Tag(name = "Subscriptions", description = "Provisioning hook (Provision)")
class SubscriptionController {

	static final int MAX_ITEMS = 100;

	private static final String POSITIVE = "must be a positive integer, not ${validatedValue}";

	private final Subscriptions subscriptions;

	SubscriptionController(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@PutMapping
	@Operation(summary = "Replace a namespace's subscription items")
	SubscriptionBody replace(@PathVariable @Positive(message = POSITIVE) long namespaceId,
			@Valid @RequestBody SubscriptionBody body) {
		List<SubscriptionItem> items = body.items().stream().map(SubscriptionController::toItem).toList();
		this.subscriptions.replace(namespaceId, items);
		return show(namespaceId);
	}

	@GetMapping
	@Operation(summary = "Show a namespace's subscription items")
	SubscriptionBody show(@PathVariable @Positive(message = POSITIVE) long namespaceId) {
		return new SubscriptionBody(this.subscriptions.items(namespaceId)
			.stream()
			.map((item) -> new ItemBody(item.productRatePlanId(), item.quantity(), item.startsOn(), item.endsOn()))
			.toList());
	}

	private static SubscriptionItem toItem(ItemBody item) {
		if (!item.startsOn().isBefore(item.endsOn())) {
			throw ApiException.badRequest("starts_on (" + item.startsOn() + ") must be before ends_on (" + item.endsOn()
					+ ") for product_rate_plan_id '" + item.productRatePlanId() + "'");
		}
		return new SubscriptionItem(item.productRatePlanId(), item.quantity(), item.startsOn(), item.endsOn());
	}

	/**
	 * The whole subscription of a namespace.
	 *
	 * @param items its items; an empty list makes the namespace free
	 */
	record SubscriptionBody(
			@JsonProperty("items") @NotNull @Size(max = MAX_ITEMS) List<@Valid @NotNull ItemBody> items) {
	}

	/**
	 * One subscription item on the wire.
	 *
	 * @param productRatePlanId Zuora id of the product rate plan
	 * @param quantity at least 1
	 * @param startsOn first active day
	 * @param endsOn first day no longer active
	 */
	record ItemBody(@JsonProperty("product_rate_plan_id") @NotBlank @Size(max = 64) String productRatePlanId,
			@JsonProperty("quantity") @NotNull @Min(1) @Max(10_000_000) Integer quantity,
			@JsonProperty("starts_on") @NotNull LocalDate startsOn,
			@JsonProperty("ends_on") @NotNull LocalDate endsOn) {
	}

}
