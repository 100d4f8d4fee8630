package io.cdottrials.benchmarks;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import io.cdottrials.cdot.catalog.Classification;
import io.cdottrials.cdot.catalog.ClassificationSource;
import io.cdottrials.cdot.catalog.PlanClassifier;
import io.cdottrials.cdot.catalog.internal.classification.ClassificationDefinitions;
import io.cdottrials.cdot.catalog.internal.classification.ClassificationFlags;
import io.cdottrials.cdot.catalog.internal.classification.ClassificationQuery;
import io.cdottrials.cdot.catalog.internal.classification.LegacyPlanClassifier;
import io.cdottrials.cdot.catalog.internal.classification.SwitchingPlanClassifier;
import io.cdottrials.cdot.catalog.internal.snapshot.CatalogReadProperties;
import io.cdottrials.cdot.catalog.internal.snapshot.ClassifiedCatalogRepository;
import io.cdottrials.cdot.catalog.internal.sync.CatalogVersions;
import io.cdottrials.cdot.catalog.internal.snapshot.CurrentCatalog;
import io.cdottrials.cdot.platform.FeatureFlags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * One classification lookup as the service answers it (the in-memory snapshot plus the
 * Togglz flag behind its cache) against the JSONB containment query it replaces, run over
 * one open connection to a real PostgreSQL on the same machine. The catalog is generated:
 * {@code ratePlans} plans, each with a recurring charge and every fifth with a one-time
 * charge; {@code true_up_plans} selects one plan in 500, {@code duo_pro_plans} one charge
 * in 400.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClassificationLookupBenchmark {

	@Param({ "100", "60000" })
	public int ratePlans;

	private EmbeddedPostgres postgres;

	private SingleConnectionDataSource connection;

	private JdbcTemplate jdbc;

	private PlanClassifier classifier;

	private ClassificationQuery trueUpQuery;

	private ClassificationQuery duoProQuery;

	@Setup(Level.Trial)
	public void catalog() throws IOException, SQLException {
		this.postgres = EmbeddedPostgres.builder().start();
		DataSource dataSource = this.postgres.getPostgresDatabase();
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		CatalogGenerator.generate(new JdbcTemplate(dataSource), this.ratePlans);
		JsonMapper jsonMapper = JsonMapper.builder().build();
		SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
		CurrentCatalog snapshots = new CurrentCatalog(meterRegistry);
		snapshots.replace(new ClassifiedCatalogRepository(new JdbcTemplate(dataSource), jsonMapper,
				new DataSourceTransactionManager(dataSource),
				new CatalogVersions(JdbcClient.create(dataSource), jsonMapper))
			.load(LegacyPlanClassifier.byClassification()));
		ClassificationFlags flags = new ClassificationFlags(FeatureFlags.jdbc(dataSource),
				new CatalogReadProperties(Duration.ofSeconds(5), Duration.ofSeconds(5), ClassificationSource.METADATA));
		this.classifier = new SwitchingPlanClassifier(snapshots, flags, meterRegistry);
		this.connection = new SingleConnectionDataSource(dataSource.getConnection(), true);
		this.jdbc = new JdbcTemplate(this.connection);
		this.trueUpQuery = ClassificationQuery.of(ClassificationDefinitions.find("true_up_plans").orElseThrow(),
				jsonMapper);
		this.duoProQuery = ClassificationQuery.of(ClassificationDefinitions.find("duo_pro_plans").orElseThrow(),
				jsonMapper);
		if (this.classifier.resolve("true_up_plans").ratePlanIds().size() != query(this.trueUpQuery).size()) {
			throw new IllegalStateException("The lookup and the query disagree");
		}
	}

	@TearDown(Level.Trial)
	public void stop() throws IOException {
		this.connection.destroy();
		this.postgres.close();
	}

	@Benchmark
	public Classification inMemoryLookup() {
		return this.classifier.resolve("true_up_plans");
	}

	@Benchmark
	public List<String> containmentQueryOnRatePlans() {
		return query(this.trueUpQuery);
	}

	@Benchmark
	public List<String> containmentQueryOnCharges() {
		return query(this.duoProQuery);
	}

	private List<String> query(ClassificationQuery query) {
		return this.jdbc.queryForList(query.sql(), String.class, query.parameters().toArray());
	}

}
