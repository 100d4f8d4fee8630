package io.cdottrials.cdot.subscriptions;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.cdottrials.cdot.catalog.Plan;
import io.cdottrials.cdot.catalog.PlanCatalog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscription items in PostgreSQL; tiers and add-ons are read from the in-memory
 * catalog, so a state query is one SQL statement.
 */
@Service
class JdbcSubscriptions implements Subscriptions, NamespaceStates {

	private final JdbcClient jdbc;

	private final PlanCatalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	JdbcSubscriptions(JdbcClient jdbc, PlanCatalog catalog, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void replace(long namespaceId, List<SubscriptionItem> items) {
		List<String> ids = items.stream().map(SubscriptionItem::productRatePlanId).distinct().toList();
		Map<String, Plan> known = this.catalog.findAll(ids);
		List<String> unknown = ids.stream().filter((id) -> !known.containsKey(id)).toList();
		if (!unknown.isEmpty()) {
			throw new UnknownRatePlanException(unknown);
		}
		// Serialises writers of one namespace; trials take the same lock.
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(namespaceId).query().singleRow();
		this.jdbc.sql("delete from subscription_items where namespace_id = ?").param(namespaceId).update();
		for (SubscriptionItem item : items) {
			this.jdbc
				.sql("insert into subscription_items (namespace_id, product_rate_plan_id, quantity, starts_on, ends_on)"
						+ " values (?, ?, ?, ?, ?)")
				.params(namespaceId, item.productRatePlanId(), item.quantity(), Date.valueOf(item.startsOn()),
						Date.valueOf(item.endsOn()))
				.update();
		}
		this.events.publishEvent(new SubscriptionChanged(UUID.randomUUID(), namespaceId, Instant.now(this.clock)));
	}

	@Override
	@Transactional(readOnly = true)
	public List<SubscriptionItem> items(long namespaceId) {
		return this.jdbc
			.sql("select product_rate_plan_id, quantity, starts_on, ends_on from subscription_items"
					+ " where namespace_id = ? order by starts_on, id")
			.param(namespaceId)
			.query((rs, row) -> new SubscriptionItem(rs.getString(1), rs.getInt(2), rs.getDate(3).toLocalDate(),
					rs.getDate(4).toLocalDate()))
			.list();
	}

	@Override
	public Map<Long, NamespaceState> states(Collection<Long> namespaceIds, LocalDate day) {
		Map<Long, List<String>> activePlans = new HashMap<>();
		if (!namespaceIds.isEmpty()) {
			// one array parameter rather than an IN list: the statement text is the same
			// for
			// any number of ids, so the driver's server-side prepared statement is reused
			Long[] ids = new LinkedHashSet<>(namespaceIds).toArray(Long[]::new);
			this.jdbc
				.sql("select namespace_id, product_rate_plan_id from subscription_items"
						+ " where namespace_id = any(?) and starts_on <= ? and ends_on > ?")
				.params(ids, Date.valueOf(day), Date.valueOf(day))
				.query((rs) -> {
					activePlans.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>(2)).add(rs.getString(2));
				});
		}
		Set<String> planIds = new HashSet<>();
		activePlans.values().forEach(planIds::addAll);
		Map<String, Plan> plans = this.catalog.findAll(planIds);
		Map<Long, NamespaceState> states = new LinkedHashMap<>((int) (namespaceIds.size() / 0.75f) + 1);
		for (Long id : namespaceIds) {
			List<String> active = activePlans.get(id);
			if (active == null) {
				states.putIfAbsent(id, NamespaceState.free(id));
				continue;
			}
			List<Plan> known = new ArrayList<>(active.size());
			for (String planId : active) {
				Plan plan = plans.get(planId);
				if (plan != null) {
					known.add(plan);
				}
			}
			states.putIfAbsent(id, PaidTiers.stateOf(id, known));
		}
		return states;
	}

}
