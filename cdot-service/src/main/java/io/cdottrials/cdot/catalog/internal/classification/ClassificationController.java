package io.cdottrials.cdot.catalog.internal.classification;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cdottrials.cdot.catalog.Classification;
import io.cdottrials.cdot.catalog.Plan;
import io.cdottrials.cdot.catalog.PlanCatalog;
import io.cdottrials.cdot.catalog.PlanClassifier;
import io.cdottrials.web.ApiException;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The classifications GitLab reads, answered from memory.
 */
@RestController
@RequestMapping("/api/v1/catalog/classifications")
class ClassificationController {

	private final PlanClassifier classifier;

	private final PlanCatalog catalog;

	private final ClassificationFlags flags;

	ClassificationController(PlanClassifier classifier, PlanCatalog catalog, ClassificationFlags flags) {
		this.classifier = classifier;
		this.catalog = catalog;
		this.flags = flags;
	}

	@GetMapping
	ClassificationList list() {
		return new ClassificationList(this.catalog.version(),
				this.classifier.names()
					.stream()
					.map((name) -> new ClassificationName(name, this.flags.sourceOf(name).wireName()))
					.toList(),
				true);
	}

	@GetMapping("/{name}")
	ClassificationResponse show(@PathVariable String name) {
		Classification classification = this.classifier.find(name)
			.orElseThrow(() -> ApiException.notFound("Unknown classification '" + name + "'"));
		Map<String, Plan> plans = this.catalog.findAll(classification.ratePlanIds());
		List<PlanSummary> summaries = classification.ratePlanIds()
			.stream()
			.map((id) -> PlanSummary.of(id, plans.get(id)))
			.toList();
		return new ClassificationResponse(classification.name(), classification.catalogVersion(),
				classification.source().wireName(), summaries, true);
	}

	record ClassificationList(@JsonProperty("catalog_version") long catalogVersion,
			List<ClassificationName> classifications, boolean success) {
	}

	record ClassificationName(String name, String source) {
	}

	record ClassificationResponse(String classification, @JsonProperty("catalog_version") long catalogVersion,
			String source, List<PlanSummary> plans, boolean success) {
	}

	/**
	 * One plan of a classification; a legacy id the catalog does not know has only its
	 * id.
	 */
	record PlanSummary(String id, @Nullable String name, @JsonProperty("product_name") @Nullable String productName,
			@Nullable String sku) {

		static PlanSummary of(String id, @Nullable Plan plan) {
			return (plan != null) ? new PlanSummary(id, plan.name(), plan.productName(), plan.sku())
					: new PlanSummary(id, null, null, null);
		}

	}

}
