package io.cdottrials.cdot.catalog.internal.zuora;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The Zuora client the backfill writes through: the sync's {@code cdot.zuora.*}
 * connection (timeouts, OAuth tokens). Without base URL and client credentials the client
 * exists but cannot write, and a backfill that would write answers 503.
 */
@Configuration(proxyBeanMethods = false)
class ZuoraClientConfiguration {

	@Bean
	ZuoraObjectClient zuoraObjectClient(ZuoraProperties properties, RestClient.Builder restClientBuilder,
			JsonMapper jsonMapper) {
		return new ZuoraObjectClient(ZuoraConnection.configured(properties) ? ZuoraConnection.create(properties,
				restClientBuilder, jsonMapper, Clock.systemUTC(), "for the classification backfill") : null);
	}

}
