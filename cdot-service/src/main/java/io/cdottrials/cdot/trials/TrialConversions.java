package io.cdottrials.cdot.trials;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cdottrials.cdot.analytics.AnalyticsEvent;
import io.cdottrials.cdot.catalog.PlanType;
import io.cdottrials.cdot.catalog.Tier;
import io.cdottrials.cdot.subscriptions.NamespaceState;
import io.cdottrials.cdot.subscriptions.NamespaceStates;
import io.cdottrials.cdot.subscriptions.SubscriptionChanged;
import io.cdottrials.model.TrialFamily;
import io.cdottrials.model.TrialType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A trial converts when the namespace gets a paid subscription of the trial's family
 * (Ultimate for the Ultimate trials, the add-on for a Duo trial) while the trial runs or
 * within {@code cdot.trials.conversion-window} after it ended. Recorded once per trial in
 * {@code trial_conversions}, with the {@code trial_converted} analytics event, in the
 * listener's own transaction.
 */
@Component
class TrialConversions {

	private final JdbcClient jdbc;

	private final NamespaceStates namespaceStates;

	private final ApplicationEventPublisher events;

	private final TrialsProperties properties;

	private final Clock clock;

	TrialConversions(JdbcClient jdbc, NamespaceStates namespaceStates, ApplicationEventPublisher events,
			TrialsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.namespaceStates = namespaceStates;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(SubscriptionChanged event) {
		long namespaceId = event.namespaceId();
		LocalDate today = LocalDate.now(this.clock);
		List<Candidate> trials = this.jdbc.sql("""
				select t.id, t.trial_type, t.experiment_key, t.variant from trials t
				where t.namespace_id = ? and t.starts_on <= ? and t.ends_on >= ?
				  and not exists (select 1 from trial_conversions c where c.trial_id = t.id)""")
			.params(namespaceId, Date.valueOf(today),
					Date.valueOf(today.minusDays(this.properties.conversionWindow().toDays())))
			.query((rs, row) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
		if (trials.isEmpty()) {
			return;
		}
		NamespaceState state = this.namespaceStates.states(List.of(namespaceId), today)
			.getOrDefault(namespaceId, NamespaceState.free(namespaceId));
		Instant now = Instant.now(this.clock);
		for (Candidate trial : trials) {
			TrialType type = TrialType.fromWireName(trial.trialType()).orElse(null);
			if (type == null || !paidFor(type.family(), state)) {
				continue;
			}
			int recorded = this.jdbc
				.sql("insert into trial_conversions (trial_id, converted_at) values (?, ?) on conflict do nothing")
				.params(trial.id(), java.sql.Timestamp.from(now))
				.update();
			if (recorded == 1) {
				this.events.publishEvent(new AnalyticsEvent(UUID.randomUUID(), AnalyticsEvent.TRIAL_CONVERTED,
						namespaceId, trial.trialType(), trial.experiment(), trial.variant(),
						Map.of("trial_id", String.valueOf(trial.id())), now));
			}
		}
	}

	static boolean paidFor(TrialFamily family, NamespaceState state) {
		return switch (family) {
			case ULTIMATE_FREE, ULTIMATE_PREMIUM -> state.paidTier() == Tier.ULTIMATE;
			case DUO_PRO -> state.activeAddOns().contains(PlanType.DUO_PRO);
			case DUO_ENTERPRISE -> state.activeAddOns().contains(PlanType.DUO_ENTERPRISE);
		};
	}

	private record Candidate(long id, String trialType, @Nullable String experiment, @Nullable String variant) {
	}

}
