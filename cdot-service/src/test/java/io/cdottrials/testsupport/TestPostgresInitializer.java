package io.cdottrials.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points every Spring Boot test context at a fresh database on the shared
 * {@link TestPostgres} server. Registered in {@code META-INF/spring.factories} so that no
 * test class has to ask for it.
 */
public class TestPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (context.getEnvironment().containsProperty("spring.datasource.url")) {
			return;
		}
		TestPostgres.Database database = TestPostgres.newDatabase();
		TestPostgres.usedBy(context);
		TestPropertyValues
			.of("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password())
			.applyTo(context);
	}

}
