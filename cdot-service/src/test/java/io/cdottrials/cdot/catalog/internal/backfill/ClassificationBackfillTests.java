package io.cdottrials.cdot.catalog.internal.backfill;

import java.time.Duration;

import io.cdottrials.cdot.catalog.internal.sync.CatalogVersions;
import io.cdottrials.cdot.catalog.internal.zuora.ZuoraConnection;
import io.cdottrials.cdot.catalog.internal.zuora.ZuoraObjectClient;
import io.cdottrials.cdot.catalog.internal.zuora.ZuoraProperties;
import io.cdottrials.web.ApiException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The backfill without a configured Zuora connection.
 */
class ClassificationBackfillTests {

	@Test
	void withoutClientCredentialsABackfillThatWouldWriteAnswers503() {
		ZuoraProperties noCredentials = new ZuoraProperties("https://rest.zuora.com", null, " ", 40,
				Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60),
				new ZuoraProperties.Retry(4, Duration.ofMillis(500), 2.0, 0.5, Duration.ofSeconds(30)));
		assertThat(ZuoraConnection.configured(noCredentials)).isFalse();
		JsonMapper jsonMapper = JsonMapper.builder().build();
		ClassificationBackfill backfill = new ClassificationBackfill(new JdbcTemplate(), jsonMapper,
				new ZuoraObjectClient(null), new CatalogVersions(JdbcClient.create(new JdbcTemplate()), jsonMapper));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> backfill.run(false))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.asString()
				.contains("cdot.zuora.client-id", "cdot.zuora.client-secret"));
	}

}
