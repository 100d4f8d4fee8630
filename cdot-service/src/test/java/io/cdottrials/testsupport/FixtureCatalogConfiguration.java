package io.cdottrials.testsupport;

import io.cdottrials.cdot.catalog.PlanCatalog;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Imported by tests that need known plans: the fixture catalog wins over the real one.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixtureCatalogConfiguration {

	@Bean
	@Primary
	PlanCatalog fixturePlanCatalog() {
		return new FixturePlans();
	}

}
