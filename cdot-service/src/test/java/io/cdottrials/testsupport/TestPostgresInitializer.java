package io.cdottrials.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points every Spring Boot test context at a fresh database on the shared
 * {@link TestPostgres} server. Registered in {@code META-INF/spring.factories} so that no
 * test class has to ask for it. With {@code cdot.test.postgres-replica=true}, the context
 * also reads from a streaming replica of that server ({@link TestPostgresReplica}).
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
		if (context.getEnvironment().getProperty("cdot.test.postgres-replica", Boolean.class, false)) {
			TestPropertyValues.of("cdot.datasource.replica.url=" + TestPostgresReplica.urlOf(database.url()))
				.applyTo(context);
		}
	}

}
