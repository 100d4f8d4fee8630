package io.cdottrials.cdot.catalog.internal.sync.store;

import java.util.List;
import java.util.Map;

import io.cdottrials.cdot.catalog.Plan;
import io.cdottrials.cdot.catalog.internal.snapshot.ClassifiedCatalogRepository;
import io.cdottrials.cdot.catalog.internal.source.FetchedCatalog;
import io.cdottrials.cdot.catalog.internal.source.FileCatalogSource;
import io.cdottrials.cdot.catalog.internal.source.record.RatePlanRecord;
import io.cdottrials.cdot.catalog.internal.sync.CatalogVersions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's storage on the real PostgreSQL schema: what {@link CatalogWriter} writes
 * is what {@link StoredCatalogReader} reads back and what
 * {@link ClassifiedCatalogRepository} serves as plans. Each test commits (the repository
 * reads in a snapshot transaction of its own) and starts from empty catalog tables.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ CatalogWriter.class, StoredCatalogReader.class, CatalogVersions.class, ClassifiedCatalogRepository.class,
		CatalogStorageTests.Json.class })
class CatalogStorageTests {

	@Autowired
	private CatalogWriter writer;

	@Autowired
	private StoredCatalogReader reader;

	@Autowired
	private ClassifiedCatalogRepository repository;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JsonMapper jsonMapper;

	private FetchedCatalog demo;

	@BeforeEach
	void emptyCatalog() {
		this.jdbc.sql("truncate catalog_charge_tier, catalog_charge, catalog_rate_plan, catalog_product cascade")
			.update();
		this.demo = new FileCatalogSource(new ClassPathResource("catalog/demo-catalog.json"), this.jsonMapper).fetch();
	}

	@Test
	void aWrittenCatalogReadsBackUnchanged() {
		write(this.demo, 1);

		StoredCatalog stored = this.reader.read();

		assertThat(stored.ratePlans()).hasSameSizeAs(this.demo.ratePlans());
		assertThat(CatalogDiffer.diff(stored, this.demo).isEmpty()).as("nothing left to change").isTrue();
	}

	@Test
	void theRepositoryServesEveryWrittenRatePlanAsAPlan() {
		write(this.demo, 1);

		Map<String, Plan> plans = this.repository.load(Map.of()).plans();

		assertThat(plans).containsOnlyKeys(this.demo.ratePlans().stream().map(RatePlanRecord::zuoraId).toList());
		assertThat(plans.values()).noneMatch(Plan::removed);
	}

	@Test
	void aRatePlanThatVanishesIsMarkedRemovedNotDeleted() {
		write(this.demo, 1);
		RatePlanRecord vanishing = this.demo.ratePlans().get(0);
		FetchedCatalog without = new FetchedCatalog(this.demo.products(),
				this.demo.ratePlans().stream().filter((ratePlan) -> ratePlan != vanishing).toList(),
				this.demo.charges()
					.stream()
					.filter((charge) -> !charge.ratePlanZuoraId().equals(vanishing.zuoraId()))
					.toList(),
				List.of());

		write(without, 2);

		assertThat(this.repository.load(Map.of()).plans().get(vanishing.zuoraId())).isNotNull()
			.extracting(Plan::removed)
			.isEqualTo(true);
		assertThat(this.reader.read().ratePlans().get(vanishing.zuoraId()).removed()).isTrue();
	}

	private void write(FetchedCatalog fetched, long version) {
		StoredCatalog stored = this.reader.read();
		this.writer.write(CatalogDiffer.diff(stored, fetched), stored, version);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Json {

		@Bean
		JsonMapper jsonMapper() {
			return new JsonMapper();
		}

	}

}
