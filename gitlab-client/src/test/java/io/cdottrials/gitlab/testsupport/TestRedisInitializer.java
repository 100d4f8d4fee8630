package io.cdottrials.gitlab.testsupport;

import java.util.Locale;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Points every Spring Boot test context at the shared test Redis, unless the test names a
 * Redis of its own (e.g. a closed port, to test a dead Redis).
 * <p>
 * Which Redis is {@code gitlab.test.redis} (a system property, the environment variable
 * {@code GITLAB_TEST_REDIS}, or a test's own property): {@code embedded} (the default) or
 * {@code testcontainers} for the standalone {@link TestRedis}, {@code cluster} for the
 * three-master {@link TestRedisCluster}. Registered in {@code META-INF/spring.factories}.
 */
public class TestRedisInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The property (and, relaxed, the environment variable) that chooses the Redis. */
	public static final String MODE = "gitlab.test.redis";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (environment.containsProperty("spring.data.redis.url")
				|| environment.containsProperty("spring.data.redis.cluster.nodes")) {
			return;
		}
		if (environment.getProperty(MODE, "embedded").toLowerCase(Locale.ROOT).equals("cluster")) {
			TestPropertyValues.of("spring.data.redis.cluster.nodes=" + String.join(",", TestRedisCluster.nodes()))
				.applyTo(context);
			TestRedisCluster.usedBy(context);
			return;
		}
		TestPropertyValues.of("spring.data.redis.url=" + TestRedis.url()).applyTo(context);
		TestRedis.usedBy(context);
	}

}
