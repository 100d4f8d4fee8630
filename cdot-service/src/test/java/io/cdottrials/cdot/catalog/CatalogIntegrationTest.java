package io.cdottrials.cdot.catalog;

import io.cdottrials.testsupport.StatementCounter;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one Spring context of the catalog read side's integration tests: the whole
 * application over real HTTP and a real PostgreSQL, the demo catalog loaded once, and a
 * WireMock server speaking Zuora's wire format. Every subclass shares it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cdot.catalog.refresh-interval=500ms")
@AutoConfigureTestRestTemplate
@Import(StatementCounter.class)
abstract class CatalogIntegrationTest {

	static final WireMockServer zuora = startZuora();

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected JsonMapper jsonMapper;

	@Autowired
	protected PlanCatalog planCatalog;

	@Autowired
	protected TransactionTemplate transaction;

	@DynamicPropertySource
	static void zuoraProperties(DynamicPropertyRegistry registry) {
		registry.add("cdot.zuora.base-url", zuora::baseUrl);
		registry.add("cdot.zuora.client-id", () -> "test-client-id");
		registry.add("cdot.zuora.client-secret", () -> "test-client-secret");
	}

	@BeforeEach
	void demoCatalogSyncedAtStartup() {
		// the file source's start-up sync (the real one) loads the bundled demo catalog
		long version = fixtures().latestVersion();
		assertThat(version).isPositive();
		await().until(() -> this.planCatalog.version() == version);
	}

	protected CatalogFixtures fixtures() {
		return new CatalogFixtures(this.jdbc, this.jsonMapper);
	}

	private static WireMockServer startZuora() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

}
