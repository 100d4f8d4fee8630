package io.cdottrials.cdot.console;

import java.util.List;
import java.util.UUID;

import io.cdottrials.cdot.catalog.CatalogContents;
import io.cdottrials.cdot.eligibility.Eligibility;
import io.cdottrials.cdot.eligibility.PastTrial;
import io.cdottrials.cdot.eligibility.TrialHistory;
import io.cdottrials.cdot.eligibility.Verdict;
import io.cdottrials.cdot.notifications.SentInvalidations;
import io.cdottrials.cdot.subscriptions.Subscriptions;
import io.cdottrials.web.ApiException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One namespace: its subscription, its trials, why it may or may not start each trial
 * type, and the invalidations GitLab was sent for it.
 */
@Controller
class ConsoleNamespaceController {

	private final Subscriptions subscriptions;

	private final TrialHistory trialHistory;

	private final Eligibility eligibility;

	private final SentInvalidations invalidations;

	private final CatalogContents catalog;

	ConsoleNamespaceController(Subscriptions subscriptions, TrialHistory trialHistory, Eligibility eligibility,
			SentInvalidations invalidations, CatalogContents catalog) {
		this.subscriptions = subscriptions;
		this.trialHistory = trialHistory;
		this.eligibility = eligibility;
		this.invalidations = invalidations;
		this.catalog = catalog;
	}

	@GetMapping("/console/namespaces")
	String show(@RequestParam(name = "id", required = false) @Nullable String id, Model model) {
		model.addAttribute("typed", (id != null) ? id : "");
		if (id == null || id.isBlank()) {
			return "console/namespace";
		}
		NamespaceIds.parse(id).ifPresentOrElse((namespaceId) -> {
			model.addAttribute("namespaceId", namespaceId);
			model.addAttribute("items",
					this.subscriptions.items(namespaceId)
						.stream()
						.map((item) -> new ItemRow(item.productRatePlanId(),
								this.catalog.plan(item.productRatePlanId())
									.map((plan) -> plan.productName() + " / " + plan.name())
									.orElse("(not in the catalog)"),
								item.quantity(), item.startsOn().toString(), item.endsOn().toString()))
						.toList());
			model.addAttribute("trials",
					this.trialHistory.trialsOf(List.of(namespaceId)).getOrDefault(namespaceId, List.<PastTrial>of()));
			model.addAttribute("explanation",
					this.eligibility.explain(namespaceId)
						.entrySet()
						.stream()
						.map((entry) -> new TypeRow(entry.getKey().wireName(),
								entry.getValue().stream().allMatch(Verdict::passed), entry.getValue()))
						.toList());
			model.addAttribute("sent", this.invalidations.of(namespaceId, 50));
		}, () -> model.addAttribute("error", "A namespace id is a positive whole number, like 1002."));
		return "console/namespace";
	}

	@PostMapping("/console/namespaces/{namespaceId}/invalidations")
	String resend(@PathVariable long namespaceId, RedirectAttributes redirect) {
		if (namespaceId <= 0) {
			throw ApiException.badRequest("namespace id must be a positive integer");
		}
		UUID eventId = this.invalidations.resend(namespaceId);
		redirect.addFlashAttribute("message", "Invalidation " + eventId + " queued for namespace " + namespaceId
				+ "; it is retried until delivered.");
		redirect.addAttribute("id", namespaceId);
		return "redirect:/console/namespaces";
	}

	/**
	 * One subscription item as shown.
	 *
	 * @param ratePlanId Zuora id of its plan
	 * @param plan product and plan name
	 * @param quantity seats
	 * @param startsOn first day
	 * @param endsOn first day after it
	 */
	record ItemRow(String ratePlanId, String plan, int quantity, String startsOn, String endsOn) {
	}

	/**
	 * One trial type's explanation.
	 *
	 * @param trialType its JSON name
	 * @param eligible whether every rule passed
	 * @param verdicts each rule's verdict
	 */
	record TypeRow(String trialType, boolean eligible, List<Verdict> verdicts) {
	}

}
