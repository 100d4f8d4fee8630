package io.cdottrials.cdot.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.cdottrials.cdot.catalog.CatalogLoaded;
import io.cdottrials.cdot.catalog.Plan;
import io.cdottrials.cdot.catalog.PlanCatalog;
import io.cdottrials.cdot.catalog.PlanClassifier;
import io.cdottrials.cdot.catalog.PlanType;
import io.cdottrials.cdot.catalog.Tier;
import io.cdottrials.web.ApiException;
import io.cdottrials.cdot.subscriptions.SubscriptionItem;
import io.cdottrials.cdot.subscriptions.Subscriptions;
import io.cdottrials.cdot.trials.Trials;
import io.cdottrials.model.TrialType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Seeds the local run with namespaces in different states once the catalog is loaded, and
 * prints their ids with a curl for each.
 */
@Component
@Profile("local")
class DemoNamespaces {

	static final long FREE = 1001;

	static final long PREMIUM = 1002;

	static final long ULTIMATE = 1003;

	static final long ULTIMATE_WITH_DUO_PRO = 1004;

	static final long ULTIMATE_WITH_DUO_ENTERPRISE = 1005;

	static final long TRIALLED = 1006;

	private static final Logger logger = LoggerFactory.getLogger(DemoNamespaces.class);

	private final PlanCatalog catalog;

	private final Subscriptions subscriptions;

	private final Trials trials;

	private final PlanClassifier classifier;

	private final Environment environment;

	private final Clock clock;

	private final AtomicBoolean seeded = new AtomicBoolean();

	DemoNamespaces(PlanCatalog catalog, PlanClassifier classifier, Subscriptions subscriptions, Trials trials,
			Environment environment, Clock clock) {
		this.catalog = catalog;
		this.classifier = classifier;
		this.subscriptions = subscriptions;
		this.trials = trials;
		this.environment = environment;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		if (this.catalog.version() > 0) {
			seed();
		}
		else {
			logger.info("Demo namespaces wait for the first catalog sync");
		}
	}

	@EventListener
	void onCatalogLoaded(CatalogLoaded event) {
		seed();
	}

	void seed() {
		if (!this.seeded.compareAndSet(false, true)) {
			return;
		}
		try {
			DemoPlans plans = DemoPlans.from(this.classifier, this.catalog);
			List<String> lines = new ArrayList<>();
			lines.add(line(FREE, "free, no history", List.of()));
			Optional<Plan> premium = plans.gitlabComBase(Tier.PREMIUM);
			Optional<Plan> ultimate = plans.gitlabComBase(Tier.ULTIMATE);
			Optional<Plan> duoPro = plans.addOn(PlanType.DUO_PRO);
			Optional<Plan> duoEnterprise = plans.addOn(PlanType.DUO_ENTERPRISE);
			seed(lines, PREMIUM, "Premium on GitLab.com", premium);
			seed(lines, ULTIMATE, "Ultimate on GitLab.com", ultimate);
			seed(lines, ULTIMATE_WITH_DUO_PRO, "Ultimate with a Duo Pro add-on", ultimate, duoPro);
			seed(lines, ULTIMATE_WITH_DUO_ENTERPRISE, "Ultimate with a Duo Enterprise add-on", ultimate, duoEnterprise);
			lines.add(line(TRIALLED, "free, already trialled " + applyOfferedUltimateTrial(TRIALLED) + " (active)",
					List.of()));
			String port = this.environment.getProperty("local.server.port", "8080");
			String email = this.environment.getProperty("cdot.api.admin-email", "gitlab@example.com");
			StringBuilder out = new StringBuilder("Demo namespaces (export CDOT_API_ADMIN_TOKEN=<cdot.api.admin-token>,"
					+ " see application-local.yml):");
			for (String line : lines) {
				long id = Long.parseLong(line.substring(0, line.indexOf(' ')));
				out.append("\n  ")
					.append(line)
					.append("\n    curl -s -H 'X-Admin-Email: ")
					.append(email)
					.append("' -H \"X-Admin-Token: $CDOT_API_ADMIN_TOKEN\"")
					.append(" 'http://localhost:")
					.append(port)
					.append("/api/v1/gitlab/namespaces/")
					.append(id)
					.append("/trials/eligibility/explain'");
			}
			logger.info(out.toString());
		}
		catch (Exception ex) {
			logger.warn("Could not seed the demo namespaces: {}", ex.getMessage());
		}
	}

	private String applyOfferedUltimateTrial(long namespaceId) {
		try {
			return this.trials.apply(namespaceId, TrialType.ULTIMATE_WITH_DAP, 1).trialType();
		}
		catch (ApiException ex) {
			// ultimate_trial_with_dap is off: the other flavour is offered
			return this.trials.apply(namespaceId, TrialType.ULTIMATE_WITH_GITLAB_DUO_ENTERPRISE, 1).trialType();
		}
	}

	@SafeVarargs
	private void seed(List<String> lines, long namespaceId, String description, Optional<Plan>... plans) {
		List<Plan> found = new ArrayList<>();
		for (Optional<Plan> plan : plans) {
			if (plan.isEmpty()) {
				lines.add(namespaceId + " (" + description + ") skipped: the demo catalog has no such plan");
				return;
			}
			found.add(plan.get());
		}
		LocalDate today = LocalDate.now(this.clock);
		this.subscriptions.replace(namespaceId,
				found.stream()
					.map((plan) -> new SubscriptionItem(plan.id(), 10, today.minusMonths(1), today.plusMonths(11)))
					.toList());
		lines.add(line(namespaceId, description, found));
	}

	private static String line(long namespaceId, String description, List<Plan> plans) {
		return namespaceId + " " + description + (plans.isEmpty() ? "" : " " + plans.stream().map(Plan::name).toList());
	}

}
