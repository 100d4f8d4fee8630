package io.cdottrials.gitlab.client;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a GitLab-side host application gets from depending on the library alone (this
 * module's test class path: the library and test tools, nothing of gitlab-service): the
 * client, and no web server, Spring MVC, Spring Security, Actuator or springdoc.
 */
class HostApplicationTests {

	private static final List<String> SERVICE_PACKAGES = List.of("org.springframework.boot.web.server",
			"org.springframework.web.servlet", "org.springframework.security", "org.springframework.boot.actuate",
			"org.springdoc", "org.apache.catalina");

	@ParameterizedTest
	@ValueSource(strings = { "org.springframework.boot.web.server.servlet.ServletWebServerFactory",
			"org.apache.catalina.startup.Tomcat", "org.springframework.web.servlet.DispatcherServlet",
			"org.springframework.security.web.SecurityFilterChain",
			"org.springframework.boot.actuate.endpoint.annotation.Endpoint",
			"org.springdoc.core.configuration.SpringDocConfiguration" })
	void theLibraryBringsNoPartOfTheService(String className) {
		assertThat(ClassUtils.isPresent(className, getClass().getClassLoader())).isFalse();
	}

	@Test
	void aHostGetsTheClientAndNoWebServer() {
		SpringApplication application = new SpringApplication(ClientTestApplication.class);
		assertThat(application.getWebApplicationType()).isEqualTo(WebApplicationType.NONE);

		try (ConfigurableApplicationContext context = application.run("--gitlab.cdot.base-url=http://localhost:1",
				"--spring.main.banner-mode=off")) {
			assertThat(context.getBean(TrialEligibilityClient.class)).isInstanceOf(CachingTrialEligibilityClient.class);
			assertThat(Arrays.stream(context.getBeanDefinitionNames())
				.map(context::getType)
				.filter(Objects::nonNull)
				.map(Class::getName)).noneMatch((type) -> SERVICE_PACKAGES.stream().anyMatch(type::startsWith));
		}
	}

}
