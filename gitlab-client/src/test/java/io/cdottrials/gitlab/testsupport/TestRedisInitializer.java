package io.cdottrials.gitlab.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points every Spring Boot test context at the shared {@link TestRedis} server, unless
 * the test names a Redis of its own (anything but the application's default
 * {@value #APPLICATION_DEFAULT}, e.g. a closed port to test a dead Redis). Registered in
 * {@code META-INF/spring.factories}.
 */
public class TestRedisInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String APPLICATION_DEFAULT = "redis://localhost:6379";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String configured = context.getEnvironment().getProperty("spring.data.redis.url");
		if (configured != null && !APPLICATION_DEFAULT.equals(configured)) {
			return;
		}
		TestPropertyValues.of("spring.data.redis.url=" + TestRedis.url()).applyTo(context);
	}

}
