package io.cdottrials.cdot.catalog.internal;

import java.net.http.HttpClient;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The Zuora client the backfill writes through, with connect and read timeouts.
 */
@Configuration(proxyBeanMethods = false)
class ZuoraClientConfiguration {

	@Bean
	ZuoraObjectClient zuoraObjectClient(RestClient.Builder restClientBuilder, ZuoraApiProperties properties) {
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.build());
		requestFactory.setReadTimeout(properties.readTimeout());
		RestClient.Builder builder = restClientBuilder.clone().requestFactory(requestFactory);
		ZuoraAccessTokens tokens = new ZuoraAccessTokens(builder.clone().baseUrl(properties.baseUrl()).build(),
				(properties.clientId() != null) ? properties.clientId() : "",
				(properties.clientSecret() != null) ? properties.clientSecret() : "", Clock.systemUTC());
		return new ZuoraObjectClient(builder, properties.baseUrl(), tokens);
	}

}
