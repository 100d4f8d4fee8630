package io.cdottrials.cdot.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.cdottrials.cdot.catalog.Classification;
import io.cdottrials.cdot.catalog.ClassificationSource;
import io.cdottrials.cdot.catalog.Plan;
import io.cdottrials.cdot.catalog.PlanClassifier;
import io.cdottrials.cdot.subscriptions.SubscriptionItem;
import io.cdottrials.cdot.subscriptions.Subscriptions;
import io.cdottrials.cdot.trials.Trials;
import io.cdottrials.model.TrialResponse;
import io.cdottrials.model.TrialType;
import io.cdottrials.testsupport.FixturePlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

@ExtendWith(OutputCaptureExtension.class)
class DemoNamespacesTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);

	private final Subscriptions subscriptions = mock(Subscriptions.class);

	private final Trials trials = mock(Trials.class);

	@Test
	void seedsNamespacesWithPlansFoundByWhatTheyAre(CapturedOutput output) {
		given(this.trials.apply(eq(DemoNamespaces.TRIALLED), eq(TrialType.ULTIMATE_WITH_DAP), anyLong()))
			.willReturn(new TrialResponse.Trial(1, DemoNamespaces.TRIALLED, "ultimate_with_dap",
					LocalDate.of(2026, 6, 15), LocalDate.of(2026, 7, 15)));
		// the classifier only names ids; the catalog says what they are
		PlanClassifier classifier = new PlanClassifier() {
			@Override
			public List<String> names() {
				return List.of("active_plans");
			}

			@Override
			public Optional<Classification> find(String name) {
				return Optional.of(Classification.of(name, ClassificationSource.METADATA, 1,
						FixturePlans.ALL.stream().map(Plan::id).toList()));
			}
		};
		DemoNamespaces demo = new DemoNamespaces(new FixturePlans(), classifier, this.subscriptions, this.trials,
				new MockEnvironment(), CLOCK);

		demo.onReady();

		LocalDate start = LocalDate.of(2026, 5, 15);
		LocalDate end = LocalDate.of(2027, 5, 15);
		verify(this.subscriptions).replace(DemoNamespaces.PREMIUM,
				List.of(new SubscriptionItem(FixturePlans.COM_PREMIUM.id(), 10, start, end)));
		verify(this.subscriptions).replace(DemoNamespaces.ULTIMATE_WITH_DUO_PRO,
				List.of(new SubscriptionItem(FixturePlans.COM_ULTIMATE.id(), 10, start, end),
						new SubscriptionItem(FixturePlans.DUO_PRO.id(), 10, start, end)));
		verify(this.subscriptions).replace(DemoNamespaces.ULTIMATE_WITH_DUO_ENTERPRISE,
				List.of(new SubscriptionItem(FixturePlans.COM_ULTIMATE.id(), 10, start, end),
						new SubscriptionItem(FixturePlans.DUO_ENTERPRISE.id(), 10, start, end)));
		verify(this.trials).apply(DemoNamespaces.TRIALLED, TrialType.ULTIMATE_WITH_DAP, 1);
		assertThat(output).contains("1001 free, no history")
			.contains("1006 free, already trialled ultimate_with_dap")
			.contains("/api/v1/gitlab/namespaces/1004/trials/eligibility/explain")
			.doesNotContain("skipped");
	}

}
