package io.cdottrials.gitlab.service;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title and the admin Bearer scheme.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String ADMIN_TOKEN = "adminToken";

	@Bean
	OpenAPI gitlabClientOpenApi() {
		return new OpenAPI()
			.info(new Info().title("gitlab-client")
				.description("Trial eligibility for GitLab UI backends, cached in Redis in front of CDot")
				.version("v1"))
			.components(new Components().addSecuritySchemes(ADMIN_TOKEN,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
	}

}
