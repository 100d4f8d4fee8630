package io.cdottrials.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What the integration tests add to the application: the fixture catalog and the SQL
 * statement counter.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(FixtureCatalogConfiguration.class)
public class IntegrationFixtures {

	@Bean
	static StatementCounter statementCounter() {
		return new StatementCounter();
	}

}
