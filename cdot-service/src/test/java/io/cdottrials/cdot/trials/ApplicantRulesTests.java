package io.cdottrials.cdot.trials;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cdottrials.cdot.eligibility.ApplicantForm;
import io.cdottrials.cdot.eligibility.ApplicantRules;
import io.cdottrials.cdot.eligibility.Verdict;
import io.cdottrials.testsupport.CdotIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The apply-time rules on the applicant GitLab's trial form sends: each refuses what it
 * should with a sentence the user reads and its own rule name, lets the rest through, and
 * stops refusing when its flag is switched off.
 */
class ApplicantRulesTests extends CdotIntegrationTest {

	@Autowired
	private JsonMapper jsonMapper;

	@Autowired
	private ApplicantRules rules;

	@AfterEach
	void defaultFlags() {
		switchRule("work_email_domain", true);
		switchRule("export_restricted_country", true);
		switchRule("company_size_sales_assisted", false);
	}

	@Test
	void aDisposableWorkEmailIsRefusedAndACompanyEmailIsNot() {
		ResponseEntity<String> refused = apply(form("ada@mailinator.com", "DE", "1-99"));
		assertRefused(refused, "work_email_domain",
				"the work e-mail domain mailinator.com is a disposable or blocked domain; apply with your company e-mail address");
		assertThat(apply(form("ada@sub.yopmail.com", "DE", "1-99")).getStatusCode().value()).as("a subdomain")
			.isEqualTo(422);
		assertThat(apply(form("ada@acme.example", "DE", "1-99")).getStatusCode().value()).isEqualTo(201);
		assertThat(apply(form("ada@blocked-by-config.example", "DE", "1-99")).getStatusCode().value())
			.as("a configured domain")
			.isEqualTo(422);
	}

	@Test
	void aDisposableWorkEmailPassesWithItsFlagOff() {
		switchRule("work_email_domain", false);

		assertThat(apply(form("ada@mailinator.com", "DE", "1-99")).getStatusCode().value()).isEqualTo(201);
	}

	@Test
	void anExportRestrictedCountryIsRefusedAndOthersAreNot() {
		assertRefused(apply(form("ada@acme.example", "ir", "1-99")), "export_restricted_country",
				"trials are not available in the country ir because of export restrictions");
		assertThat(apply(form("ada@acme.example", "FR", "1-99")).getStatusCode().value()).isEqualTo(201);
	}

	@Test
	void anExportRestrictedCountryPassesWithItsFlagOff() {
		switchRule("export_restricted_country", false);

		assertThat(apply(form("ada@acme.example", "KP", "1-99")).getStatusCode().value()).isEqualTo(201);
	}

	@Test
	void aLargeCompanyIsSentToSalesOnlyWhenTheRuleIsOn() {
		assertThat(apply(form("ada@acme.example", "DE", "2,000-9,999")).getStatusCode().value()).as("off by default")
			.isEqualTo(201);
		switchRule("company_size_sales_assisted", true);

		assertRefused(apply(form("ada@acme.example", "DE", "10,000+")), "company_size_sales_assisted",
				"companies of 2000 or more employees get their trial through our sales team: please contact sales at https://about.gitlab.com/sales/");
		assertThat(apply(form("ada@acme.example", "DE", "500-1,999")).getStatusCode().value()).isEqualTo(201);
		assertThat(apply(form("ada@acme.example", "DE", "99999999999999999999")).getStatusCode().value())
			.as("a size beyond any int is large, not a 500")
			.isEqualTo(422);
	}

	@Test
	void eachRuleExplainsItsVerdict() {
		switchRule("company_size_sales_assisted", true);

		List<Verdict> verdicts = this.rules.explain(new ApplicantForm("ada@acme.example", "SE", "100-499"));

		assertThat(verdicts).extracting(Verdict::rule)
			.containsExactlyInAnyOrder("work_email_domain", "export_restricted_country", "company_size_sales_assisted");
		assertThat(verdicts).allMatch(Verdict::passed);
		assertThat(verdicts).extracting(Verdict::reason)
			.containsExactlyInAnyOrder("the work e-mail domain acme.example is accepted",
					"the country SE is not under export restrictions",
					"a company of 100-499 employees can start a trial");
		switchRule("company_size_sales_assisted", false);
		assertThat(this.rules.explain(ApplicantForm.NONE))
			.filteredOn((v) -> v.rule().equals("company_size_sales_assisted"))
			.extracting(Verdict::reason)
			.containsExactly("the rule is off (flag applicant_rule_company_size_sales_assisted)");
	}

	@Test
	void theNamespaceTrialApiWithoutAFormIsNotRefusedByThem() {
		assertThat(applyTrial(newNamespaceId(), "ultimate_with_dap").getStatusCode().value()).isEqualTo(201);
	}

	@Test
	void switchingAnUnknownRuleOrWithoutStateIsAProblem() {
		assertThat(admin(HttpMethod.PUT, "/api/v1/admin/trials/applicant-rules/nope", Map.of("enabled", true))
			.getStatusCode()
			.value()).isEqualTo(404);
		assertThat(admin(HttpMethod.PUT, "/api/v1/admin/trials/applicant-rules/work_email_domain", Map.of())
			.getStatusCode()
			.value()).isEqualTo(400);
		JsonNode states = this.jsonMapper
			.readTree(admin(HttpMethod.GET, "/api/v1/admin/trials/applicant-rules", null).getBody());
		assertThat(states).hasSize(3);
	}

	private void assertRefused(ResponseEntity<String> answer, String rule, String reason) {
		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(422);
		JsonNode body = this.jsonMapper.readTree(answer.getBody());
		assertThat(body.get("success").asBoolean()).isFalse();
		assertThat(body.at("/failed_rules/0/rule").asString()).isEqualTo(rule);
		assertThat(body.at("/failed_rules/0/reason").asString()).isEqualTo(reason);
		assertThat(body.at("/errors/0").asString()).endsWith(": " + reason + ".");
	}

	private void switchRule(String rule, boolean enabled) {
		assertThat(admin(HttpMethod.PUT, "/api/v1/admin/trials/applicant-rules/" + rule, Map.of("enabled", enabled))
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	private ResponseEntity<String> admin(HttpMethod method, String path, Object body) {
		return this.rest.exchange(path, method, new HttpEntity<>(body, adminHeaders()), String.class);
	}

	private ResponseEntity<String> apply(Map<String, Object> form) {
		long namespaceId = newNamespaceId();
		Map<String, Object> user = new LinkedHashMap<>(form);
		user.put("namespace_id", namespaceId);
		user.put("namespace", Map.of("id", namespaceId, "name", "acme", "path", "acme", "kind", "group"));
		user.put("trial_type", "ultimate_with_dap");
		return gitlab(HttpMethod.POST, "/trials", Map.of("uid", 42, "trial_user", user));
	}

	private static Map<String, Object> form(String workEmail, String country, String companySize) {
		return Map.of("first_name", "Ada", "work_email", workEmail, "country", country, "company_size", companySize,
				"company_name", "Acme");
	}

}
