package io.cdottrials.gitlab.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points every Spring Boot test context at the shared {@link TestRedis} server, unless
 * the test names a Redis of its own (e.g. a closed port, to test a dead Redis).
 * Registered in {@code META-INF/spring.factories}.
 */
public class TestRedisInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (context.getEnvironment().containsProperty("spring.data.redis.url")) {
			return;
		}
		TestPropertyValues.of("spring.data.redis.url=" + TestRedis.url()).applyTo(context);
		TestRedis.usedBy(context);
	}

}
