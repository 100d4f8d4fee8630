package io.cdottrials.cdot.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.cdottrials.cdot.catalog.CatalogContents;
import io.cdottrials.cdot.catalog.CatalogContents.Product;
import io.cdottrials.cdot.catalog.CatalogContents.RatePlan;
import io.cdottrials.cdot.catalog.CatalogSyncs;
import io.cdottrials.cdot.catalog.Classification;
import io.cdottrials.cdot.catalog.Plan;
import io.cdottrials.cdot.catalog.PlanClassifier;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The stored catalog with its custom fields, filtered by classification; one plan's
 * {@link Plan} value; the last successful sync's validation findings on the records they
 * concern.
 */
@Controller
class ConsoleCatalogController {

	private final CatalogContents catalog;

	private final PlanClassifier classifier;

	private final CatalogSyncs syncs;

	ConsoleCatalogController(CatalogContents catalog, PlanClassifier classifier, CatalogSyncs syncs) {
		this.catalog = catalog;
		this.classifier = classifier;
		this.syncs = syncs;
	}

	@GetMapping("/console/catalog")
	String catalog(@RequestParam(name = "classification", required = false) @Nullable String classification,
			@RequestParam(name = "plan", required = false) @Nullable String planId, Model model) {
		model.addAttribute("version", this.catalog.version());
		model.addAttribute("classifications", this.classifier.names());
		model.addAttribute("selected", (classification != null) ? classification : "");
		List<Product> products = this.catalog.products();
		if (classification != null && !classification.isBlank()) {
			Optional<Classification> found = this.classifier.find(classification);
			if (found.isPresent()) {
				products = only(products, found.get().ratePlanIds());
				model.addAttribute("source", found.get().source().wireName());
			}
			else {
				model.addAttribute("error", "There is no classification of that name; pick one from the list.");
			}
		}
		model.addAttribute("products", products);
		List<CatalogSyncs.Finding> findings = this.syncs.recent(20)
			.stream()
			.filter((run) -> run.status().equals("succeeded"))
			.findFirst()
			.map(CatalogSyncs.Run::findings)
			.orElse(List.of());
		model.addAttribute("findings", findings);
		Map<String, List<CatalogSyncs.Finding>> findingsById = new LinkedHashMap<>();
		findings.forEach(
				(finding) -> findingsById.computeIfAbsent(finding.zuoraId(), (id) -> new ArrayList<>()).add(finding));
		model.addAttribute("findingsById", findingsById);
		if (planId != null && !planId.isBlank()) {
			Optional<Plan> plan = this.catalog.plan(planId);
			plan.ifPresentOrElse((value) -> {
				model.addAttribute("plan", value);
				model.addAttribute("planClassifications", this.classifier.names()
					.stream()
					.filter((name) -> this.classifier.find(name).map((c) -> c.includes(value.id())).orElse(false))
					.toList());
			}, () -> model.addAttribute("planError", "The catalog does not know that rate plan."));
		}
		return "console/catalog";
	}

	private static List<Product> only(List<Product> products, Set<String> ratePlanIds) {
		List<Product> kept = new ArrayList<>();
		for (Product product : products) {
			List<RatePlan> plans = product.ratePlans()
				.stream()
				.filter((plan) -> ratePlanIds.contains(plan.zuoraId()))
				.toList();
			if (!plans.isEmpty()) {
				kept.add(new Product(product.zuoraId(), product.name(), product.sku(), product.customFields(), plans,
						product.removed()));
			}
		}
		return kept;
	}

}
