package io.cdottrials.cdot.catalog.internal.classification;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cdottrials.cdot.catalog.Classification;
import io.cdottrials.cdot.catalog.ClassificationSource;
import io.cdottrials.cdot.catalog.PlanClassifier;
import io.cdottrials.cdot.catalog.internal.snapshot.CurrentCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Answers each classification from the in-memory snapshot, by the source its flag picks.
 * A lookup is a map access: no query (the flag is read through
 * {@link ClassificationFlags}' cached view).
 */
@Component
public class SwitchingPlanClassifier implements PlanClassifier {

	private final CurrentCatalog currentCatalog;

	private final ClassificationFlags flags;

	private final Map<String, Map<ClassificationSource, Counter>> lookups = new LinkedHashMap<>();

	public SwitchingPlanClassifier(CurrentCatalog currentCatalog, ClassificationFlags flags,
			MeterRegistry meterRegistry) {
		this.currentCatalog = currentCatalog;
		this.flags = flags;
		for (String name : ClassificationDefinitions.names()) {
			Map<ClassificationSource, Counter> bySource = new EnumMap<>(ClassificationSource.class);
			for (ClassificationSource source : ClassificationSource.values()) {
				bySource.put(source,
						Counter.builder("cdot.catalog.classification.lookups")
							.description("Classification lookups by classification and answering source")
							.tag("classification", name)
							.tag("source", source.wireName())
							.register(meterRegistry));
			}
			this.lookups.put(name, bySource);
		}
	}

	@Override
	public List<String> names() {
		return ClassificationDefinitions.names();
	}

	@Override
	public Optional<Classification> find(String name) {
		Map<ClassificationSource, Counter> counters = this.lookups.get(name);
		if (counters == null) {
			return Optional.empty();
		}
		ClassificationSource source = this.flags.sourceOf(name);
		counters.get(source).increment();
		return this.currentCatalog.current().classification(name, source);
	}

}
