package io.cdottrials.cdot.catalog.internal.backfill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cdottrials.cdot.catalog.internal.backfill.BackfillPlanner.CurrentRatePlan;
import io.cdottrials.cdot.catalog.internal.backfill.BackfillPlanner.RatePlanUpdate;
import io.cdottrials.cdot.catalog.internal.classification.LegacyPlanClassifier;
import io.cdottrials.cdot.catalog.internal.sync.CatalogVersions;
import io.cdottrials.cdot.catalog.internal.zuora.ZuoraObjectClient.ZuoraWriteException;
import io.cdottrials.cdot.catalog.internal.zuora.ZuoraObjectClient;
import io.cdottrials.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The backfill task: writes each classification of the legacy constants into the rate
 * plans' custom fields in Zuora, one {@code PUT} per rate plan whose fields disagree. The
 * local catalog changes with the next sync, which reads the fields back.
 */
@Service
public class ClassificationBackfill {

	private static final Logger logger = LoggerFactory.getLogger(ClassificationBackfill.class);

	private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final JsonMapper jsonMapper;

	private final ZuoraObjectClient zuora;

	private final CatalogVersions versions;

	ClassificationBackfill(JdbcTemplate jdbc, JsonMapper jsonMapper, ZuoraObjectClient zuora,
			CatalogVersions versions) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
		this.zuora = zuora;
		this.versions = versions;
	}

	/**
	 * Plans the writes and, unless a dry run, sends them.
	 * @param dryRun answer the planned requests without sending them
	 * @return what was planned and how each write went
	 */
	public Result run(boolean dryRun) {
		if (!dryRun && !this.zuora.configured()) {
			throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, List
				.of("Zuora is not configured (cdot.zuora.base-url, cdot.zuora.client-id, cdot.zuora.client-secret)"));
		}
		long version = this.versions.current();
		List<RatePlanUpdate> updates = BackfillPlanner.plan(currentRatePlans(),
				LegacyPlanClassifier.byClassification());
		List<Write> writes = new ArrayList<>();
		if (!dryRun) {
			this.zuora.renewToken();
		}
		for (RatePlanUpdate update : updates) {
			if (dryRun) {
				writes.add(new Write(update, BackfillOutcome.PLANNED, null));
				continue;
			}
			try {
				this.zuora.updateProductRatePlan(update.ratePlanId(), update.fields());
				writes.add(new Write(update, BackfillOutcome.UPDATED, null));
			}
			catch (ZuoraWriteException ex) {
				logger.warn("Backfill of rate plan {} failed: {}", update.ratePlanId(), ex.getMessage());
				writes.add(new Write(update, BackfillOutcome.FAILED, ex.getMessage()));
			}
		}
		return new Result(dryRun, version, writes);
	}

	private List<CurrentRatePlan> currentRatePlans() {
		return this.jdbc.query("""
				select rp.zuora_id, rp.custom_fields,
				       exists (select 1 from catalog_charge c
				               where c.rate_plan_id = rp.id and c.removed_in_version is null
				                 and c.custom_fields @> '{"ChargeDeployment__c": "GitLab.com"}'::jsonb) as gitlab_com
				from catalog_rate_plan rp
				where rp.removed_in_version is null
				order by rp.zuora_id""", (rs, row) -> new CurrentRatePlan(rs.getString("zuora_id"),
				this.jsonMapper.readValue(rs.getString("custom_fields"), JSON_OBJECT), rs.getBoolean("gitlab_com")));
	}

	/**
	 * One backfill run.
	 *
	 * @param dryRun whether the writes were only planned
	 * @param catalogVersion the catalog version the fields were compared in
	 * @param writes one per rate plan to update
	 */
	public record Result(boolean dryRun, long catalogVersion, List<Write> writes) {

		public long count(BackfillOutcome outcome) {
			return this.writes.stream().filter((write) -> write.outcome() == outcome).count();
		}

	}

	/**
	 * One rate plan's write.
	 *
	 * @param update the fields to write
	 * @param outcome how the write went
	 * @param error why it failed
	 */
	public record Write(RatePlanUpdate update, BackfillOutcome outcome, @Nullable String error) {
	}

}
