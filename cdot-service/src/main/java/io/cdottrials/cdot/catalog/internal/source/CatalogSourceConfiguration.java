package io.cdottrials.cdot.catalog.internal.source;

import java.time.Clock;

import io.cdottrials.cdot.catalog.internal.zuora.ZuoraProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ResourceUtils;
import org.springframework.web.client.RestClient;

/**
 * The one {@link CatalogSource} the sync reads, chosen by {@code cdot.catalog.source}.
 */
@Configuration(proxyBeanMethods = false)
class CatalogSourceConfiguration {

	@Bean
	CatalogSource catalogSource(CatalogSourceProperties properties, ZuoraProperties zuora,
			RestClient.Builder restClientBuilder, JsonMapper jsonMapper, ResourceLoader resourceLoader) {
		return switch (properties.source()) {
			case ZUORA -> ZuoraCatalogSource.create(zuora, restClientBuilder, jsonMapper, Clock.systemUTC());
			case FILE -> new FileCatalogSource(resource(properties.file(), resourceLoader), jsonMapper);
		};
	}

	private static Resource resource(String location, ResourceLoader resourceLoader) {
		if (location.startsWith(ResourceUtils.CLASSPATH_URL_PREFIX) || ResourceUtils.isUrl(location)) {
			return resourceLoader.getResource(location);
		}
		return new FileSystemResource(location);
	}

}
