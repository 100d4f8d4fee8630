package io.cdottrials.cdot.console;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cdottrials.cdot.catalog.ClassificationSource;
import io.cdottrials.cdot.catalog.ClassificationSources;
import io.cdottrials.cdot.eligibility.TrialOffers;
import io.cdottrials.testsupport.CdotIntegrationTest;
import io.cdottrials.testsupport.ConsoleSession;
import io.cdottrials.testsupport.FixturePlans;
import io.cdottrials.testsupport.WebhookReceiver;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin console in a real browser, page by page, as support, Growth and Provision
 * engineers use it: log in, look up a namespace and read its verdicts, filter the
 * catalog, open a sync's diff, flip a classification's source and see the reconciliation
 * change, read an experiment's report. Every page passes axe-core without a serious or
 * critical violation, and is photographed for docs/console.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTests extends CdotIntegrationTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	private static ConsoleBrowser browser;

	private static final Map<String, List<ConsoleBrowser.Violation>> violations = new LinkedHashMap<>();

	@LocalServerPort
	private int port;

	@Autowired
	private ClassificationSources sources;

	@Autowired
	private TrialOffers offers;

	@Autowired
	private JdbcClient jdbc;

	private final List<Runnable> restore = new ArrayList<>();

	@BeforeAll
	static void installChromium() {
		ConsoleBrowser.CHROMIUM.ensureInstalled();
	}

	@AfterAll
	static void closeBrowser() throws IOException {
		if (browser != null) {
			browser.close();
			browser = null;
		}
		violations.forEach((page, found) -> System.out.println("axe-core on " + page + ": "
				+ (found.isEmpty() ? "no violation" : found.size() + " violations " + found)));
	}

	@AfterEach
	void restoreSharedState() {
		// the application context is shared with other integration tests
		this.restore.forEach(Runnable::run);
		this.restore.clear();
	}

	private ConsoleBrowser browser() throws IOException {
		if (browser == null) {
			browser = ConsoleBrowser.start(this.port);
		}
		return browser;
	}

	private ConsoleBrowser loggedIn() throws IOException {
		ConsoleBrowser browser = browser();
		browser.open("/console");
		if (browser.driver().getCurrentUrl().endsWith("/console/login")) {
			logIn(browser, ConsoleSession.PASSWORD);
		}
		return browser;
	}

	private static void logIn(ConsoleBrowser browser, String password) {
		browser.driver().findElement(By.id("username")).sendKeys(ConsoleSession.USERNAME);
		browser.driver().findElement(By.id("password")).sendKeys(password);
		browser.clickAndWait(browser.driver().findElement(By.cssSelector("main form button[type=submit]")));
	}

	/** Checks the page with axe-core, photographs it, remembers what axe said. */
	private static void check(ConsoleBrowser browser, String page) throws IOException {
		List<ConsoleBrowser.Violation> found = browser.accessibilityViolations();
		violations.put(page, found);
		browser.screenshot(page);
		assertThat(found).as("serious or critical accessibility violations on " + page)
			.filteredOn(ConsoleBrowser.Violation::serious)
			.isEmpty();
	}

	@Test
	@Order(1)
	void aPageAsksForTheConsoleLoginAndRefusesAWrongPassword() throws IOException {
		ConsoleBrowser browser = browser();
		browser.open("/console/catalog");
		assertThat(browser.driver().getCurrentUrl()).endsWith("/console/login");
		check(browser, "login");

		logIn(browser, "not-the-password");
		assertThat(browser.text(By.cssSelector("[role=alert]"))).isEqualTo("Wrong user name or password.");

		logIn(browser, ConsoleSession.PASSWORD);
		assertThat(browser.driver().getCurrentUrl()).endsWith("/console");
		assertThat(browser.texts(By.cssSelector("main h2"))).containsExactly("Namespace", "Catalog", "Syncs",
				"Reconciliation and flags", "Experiments");
		check(browser, "start");
	}

	@Test
	@Order(2)
	void aNamespaceShowsItsSubscriptionTrialsVerdictsAndTheInvalidationsGitlabAcknowledged() throws IOException {
		long namespaceId = newNamespaceId();
		assertThat(subscribe(namespaceId, List
			.of(item(FixturePlans.COM_PREMIUM.id(), TODAY.minusDays(10).toString(), TODAY.plusYears(1).toString())))
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
		assertThat(applyTrial(namespaceId, "gitlab_duo_pro").getStatusCode().value()).isEqualTo(201);
		ConsoleBrowser browser = loggedIn();
		browser.open("/console/namespaces");

		browser.driver().findElement(By.id("namespace-id")).sendKeys(" " + namespaceId + " ");
		browser.clickAndWait(browser.driver().findElement(By.cssSelector("form[role=search] button")));

		assertThat(browser.text(By.id("subscription"))).isEqualTo("Subscription of namespace " + namespaceId);
		assertThat(browser.texts(By.cssSelector("table[aria-labelledby=trials] td"))).first()
			.isEqualTo("gitlab_duo_pro");
		assertThat(verdict(browser, "gitlab_duo_pro", "no_active_trial")).startsWith("fail");
		assertThat(browser.text(By.cssSelector("tbody[data-trial-type=gitlab_duo_pro] th"))).contains("not eligible");
		assertThat(verdict(browser, "ultimate_on_premium_with_dap", "paid_tier")).startsWith("pass");
		assertThat(verdict(browser, "ultimate_with_dap", "paid_tier")).startsWith("fail");
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			browser.driver().navigate().refresh();
			assertThat(sentRows(browser)).contains("subscription_changed completed " + WebhookReceiver.url(),
					"trial_started completed " + WebhookReceiver.url());
		});
		check(browser, "namespace");

		browser
			.clickAndWait(browser.driver().findElement(By.xpath("//button[normalize-space()='Resend invalidation']")));

		assertThat(browser.text(By.cssSelector("[role=status]"))).startsWith("Invalidation ")
			.endsWith("queued for namespace " + namespaceId + "; it is retried until delivered.");
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			browser.driver().navigate().refresh();
			assertThat(sentRows(browser)).first()
				.isEqualTo("invalidation_requested completed " + WebhookReceiver.url());
		});
	}

	/** Reason, state and the first acknowledging URL of each invalidation row. */
	private static List<String> sentRows(ConsoleBrowser browser) {
		return browser.driver()
			.findElements(By.cssSelector("table[aria-labelledby=sent] tbody tr"))
			.stream()
			.map((row) -> row.findElements(By.tagName("td")))
			.map((cells) -> cells.get(0).getText() + " " + cells.get(3).getText() + " "
					+ cells.get(5).getText().split(" at ")[0])
			.toList();
	}

	/** The verdict cell and reason of one rule for one trial type. */
	private static String verdict(ConsoleBrowser browser, String trialType, String rule) {
		for (WebElement row : browser.driver()
			.findElements(By.cssSelector("tbody[data-trial-type=" + trialType + "] tr"))) {
			List<WebElement> cells = row.findElements(By.tagName("td"));
			if (cells.get(0).getText().equals(rule)) {
				return cells.get(1).getText() + ": " + cells.get(2).getText();
			}
		}
		throw new AssertionError("no rule " + rule + " for " + trialType);
	}

	@Test
	@Order(3)
	void theCatalogFiltersByClassificationAndShowsOnePlansValue() throws IOException {
		ConsoleBrowser browser = loggedIn();
		browser.open("/console/catalog");
		assertThat(browser.texts(By.cssSelector("table.plans th[scope=row] a"))).contains("GitLab.com Premium - 1 Year",
				"GitLab.com Ultimate - 1 Year");

		new Select(browser.driver().findElement(By.id("classification"))).selectByVisibleText("premium_plans");
		browser.clickAndWait(browser.driver().findElement(By.xpath("//button[normalize-space()='Filter']")));

		List<String> plans = browser.texts(By.cssSelector("table.plans th[scope=row] a"));
		assertThat(plans).contains("GitLab.com Premium - 1 Year", "Self-Managed Premium - 1 Year")
			.noneMatch((plan) -> plan.contains("Ultimate"));
		browser.clickAndWait(browser.driver().findElement(By.linkText("GitLab.com Premium - 1 Year")));
		Map<String, String> value = definitions(browser);
		assertThat(value).containsEntry("Name", "GitLab.com Premium - 1 Year")
			.containsEntry("Tier", "Premium")
			.containsEntry("Base plan", "yes");
		assertThat(value.get("Classifications")).contains("premium_plans");
		check(browser, "catalog");
	}

	private static Map<String, String> definitions(ConsoleBrowser browser) {
		List<String> terms = browser.texts(By.cssSelector("dl.plan dt"));
		List<String> values = browser.texts(By.cssSelector("dl.plan dd"));
		Map<String, String> definitions = new LinkedHashMap<>();
		for (int i = 0; i < terms.size(); i++) {
			definitions.put(terms.get(i), values.get(i));
		}
		return definitions;
	}

	@Test
	@Order(4)
	void syncsShowEachRunAndTheDiffOfItsVersionAndStartANewOne() throws IOException {
		ConsoleBrowser browser = loggedIn();
		browser.open("/console/syncs");
		List<WebElement> runs = browser.driver().findElements(By.cssSelector("table.runs tbody tr"));
		WebElement first = runs.get(runs.size() - 1);
		assertThat(first.findElements(By.tagName("td")).get(0).getText()).isEqualTo("succeeded");
		assertThat(first.findElements(By.tagName("td")).get(5).getText()).isEqualTo("1");
		check(browser, "syncs");

		browser.clickAndWait(first.findElement(By.tagName("a")));

		assertThat(definitions(browser)).containsEntry("Outcome", "succeeded").containsEntry("Catalog version", "1");
		assertThat(browser.texts(By.cssSelector("table.diff tbody tr")))
			.anyMatch((row) -> row.startsWith("added rate_plan GitLab.com Premium - 1 Year"))
			.anyMatch((row) -> row.startsWith("added product GitLab Duo Pro"));
		check(browser, "sync");

		browser.open("/console/syncs");
		browser.clickAndWait(browser.driver().findElement(By.xpath("//button[normalize-space()='Start a sync']")));

		assertThat(browser.text(By.tagName("h1"))).startsWith("Sync run ");
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			browser.driver().navigate().refresh();
			assertThat(definitions(browser)).containsEntry("Outcome", "succeeded").containsEntry("Trigger", "admin");
		});
		assertThat(browser.text(By.id("diff")).isEmpty()).isFalse();
		assertThat(browser.driver().findElement(By.id("main")).getText())
			.contains("Nothing: the catalog was already up to date");
	}

	@Test
	@Order(5)
	void flippingAClassificationsFlagChangesWhichSourceTheReconciliationShowsAnswering() throws IOException {
		String name = "self_service_gitlab_com_plans";
		ClassificationSource before = this.sources.compare()
			.stream()
			.filter((c) -> c.name().equals(name))
			.findFirst()
			.orElseThrow()
			.source();
		this.restore.add(() -> this.sources.choose(name, before));
		boolean dapBefore = this.offers.ultimateTrialWithDap();
		this.restore.add(() -> this.offers.setUltimateTrialWithDap(dapBefore));
		ConsoleBrowser browser = loggedIn();
		browser.open("/console/reconciliation");
		WebElement row = browser.driver().findElement(By.cssSelector("tr[data-classification=" + name + "]"));
		assertThat(row.findElement(By.cssSelector("td.source")).getText()).isEqualTo(before.wireName());
		List<WebElement> cells = row.findElements(By.tagName("td"));
		assertThat(cells.get(2).getText() + cells.get(3).getText()).as("the plans the sources disagree on")
			.contains("GitLab.com");
		check(browser, "reconciliation");

		String other = (before == ClassificationSource.LEGACY) ? "metadata" : "legacy";
		browser.clickAndWait(row.findElement(By.tagName("button")));

		assertThat(browser.text(By.cssSelector("[role=status]"))).isEqualTo(name + " now answers from " + other + ".");
		assertThat(browser.text(By.cssSelector("tr[data-classification=" + name + "] td.source"))).isEqualTo(other);

		String dap = dapBefore ? "off" : "on";
		browser.clickAndWait(browser.driver()
			.findElement(By.xpath("//button[normalize-space()='Turn ultimate_trial_with_dap " + dap + "']")));
		assertThat(browser.text(By.cssSelector("tr[data-flag=ultimate_trial_with_dap] td.state"))).isEqualTo(dap);
		assertThat(this.offers.ultimateTrialWithDap()).isEqualTo(!dapBefore);
	}

	@Test
	@Order(6)
	void anExperimentsReportShowsEachVariantsConversionInATableAndAChart() throws IOException {
		String key = "console-" + System.nanoTime();
		Instant now = Instant.now();
		HttpHeaders admin = adminHeaders();
		admin.set("X-Audit-Actor", "growth@example.com");
		assertThat(
				this.rest
					.exchange("/api/v1/admin/experiments/" + key, HttpMethod.PUT,
							new HttpEntity<>(Map.of("family", "ultimate_free", "variants",
									List.of(Map.of("name", "thirty_days", "duration_days", 30),
											Map.of("name", "sixty_days", "duration_days", 60)),
									"rollout_percent", 100, "starts_at", now.minus(1, ChronoUnit.HOURS).toString(),
									"ends_at", now.plus(1, ChronoUnit.DAYS).toString()), admin),
							String.class)
					.getStatusCode()
					.value())
			.isEqualTo(200);
		this.restore.add(() -> this.jdbc
			.sql("update experiments set starts_at = now() - interval '2 days', ends_at = now() - interval '1 day' "
					+ "where key = ?")
			.param(key)
			.update());
		List<Long> namespaces = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			long namespaceId = newNamespaceId();
			assertThat(applyTrial(namespaceId, "ultimate_with_dap").getStatusCode().value()).isEqualTo(201);
			namespaces.add(namespaceId);
		}
		for (long namespaceId : namespaces.subList(0, 3)) {
			subscribe(namespaceId,
					List.of(item(FixturePlans.COM_ULTIMATE.id(), TODAY.toString(), TODAY.plusYears(1).toString())));
		}
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql(
					"select count(*) from trial_conversions c join trials t on t.id = c.trial_id where t.experiment_key = ?")
				.param(key)
				.query(Long.class)
				.single() == 3);
		ConsoleBrowser browser = loggedIn();
		browser.open("/console/experiments");
		WebElement row = browser.driver().findElement(By.xpath("//tr[th/a[normalize-space()='" + key + "']]"));
		assertThat(row.getText()).contains("family ultimate_free", "100 %", "thirty_days: 30 days",
				"sixty_days: 60 days", "running", "by growth@example.com");
		check(browser, "experiments");

		browser.clickAndWait(row.findElement(By.linkText(key)));

		List<List<String>> report = browser.driver()
			.findElements(By.cssSelector("table.report tbody tr"))
			.stream()
			.map((tr) -> tr.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList())
			.toList();
		assertThat(report).extracting((cells) -> cells.get(0)).containsExactly("thirty_days (control)", "sixty_days");
		assertThat(report.stream().mapToLong((cells) -> Long.parseLong(cells.get(1))).sum()).isEqualTo(8);
		assertThat(report.stream().mapToLong((cells) -> Long.parseLong(cells.get(2))).sum()).isEqualTo(3);
		for (List<String> cells : report) {
			long started = Long.parseLong(cells.get(1));
			long converted = Long.parseLong(cells.get(2));
			String rate = (started > 0) ? String.format(java.util.Locale.ROOT, "%.1f %%", 100.0 * converted / started)
					: "no trials";
			assertThat(cells.get(3)).isEqualTo(rate);
		}
		assertThat(browser.texts(By.cssSelector("figure.chart svg text.value"))).hasSize(2);
		assertThat(browser.driver().findElements(By.cssSelector("figure.chart svg rect"))).hasSize(2);
		check(browser, "experiment");
	}

}
