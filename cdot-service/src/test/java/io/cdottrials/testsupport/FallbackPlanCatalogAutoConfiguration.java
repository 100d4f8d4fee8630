package io.cdottrials.testsupport;

import io.cdottrials.cdot.catalog.PlanCatalog;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Test-only: gives a context that has no catalog implementation (the catalog module is
 * built on another branch) the fixture catalog, so that any Spring Boot test starts.
 * Backs off as soon as a real {@link PlanCatalog} bean exists.
 */
@AutoConfiguration
public class FallbackPlanCatalogAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(PlanCatalog.class)
	PlanCatalog fallbackPlanCatalog() {
		return new FixturePlans();
	}

}
