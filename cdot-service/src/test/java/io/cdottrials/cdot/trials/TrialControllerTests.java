package io.cdottrials.cdot.trials;

import java.time.LocalDate;

import io.cdottrials.cdot.platform.WebSlice;
import io.cdottrials.model.TrialResponse;
import io.cdottrials.model.TrialType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * The request forms of {@code POST /api/v1/gitlab/namespaces/{id}/trials}: what reaches
 * {@link Trials}, and what is turned away before it.
 */
@WebMvcTest(TrialController.class)
@Import(WebSlice.class)
class TrialControllerTests {

	private static final String PATH = "/api/v1/gitlab/namespaces/{id}/trials";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private Trials trials;

	@MockitoBean
	private TrialMetrics metrics;

	@Test
	void aWellFormedApplicationReachesTrialsWithTheApplicant() {
		given(this.trials.apply(eq(12L), eq(TrialType.ULTIMATE_WITH_DAP), any(Applicant.class)))
			.willReturn(new TrialResponse.Trial(1, 12, "ultimate_with_dap", LocalDate.of(2026, 1, 1),
					LocalDate.of(2026, 1, 31)));

		MvcTestResult result = post(12, """
				{"trial_type": "ultimate_with_dap", "uid": 42,
				 "namespace": {"name": "Acme", "path": "acme", "kind": "group"}, "glm_source": "about.gitlab.com"}""");

		assertThat(result).hasStatus(201).bodyJson().extractingPath("$.trial.ends_on").isEqualTo("2026-01-31");
		then(this.trials).should()
			.apply(12L, TrialType.ULTIMATE_WITH_DAP, new Applicant(42, "Acme", "acme", "about.gitlab.com", null));
	}

	@Test
	void aMissingTrialTypeIsA400CountedAsInvalid() {
		assertBadRequest(post(12, "{\"uid\": 42}"), "trial_type is required");
		then(this.metrics).should().applied("missing", "invalid");
	}

	@Test
	void anEmptyBodyIsA400CountedAsInvalid() {
		assertBadRequest(post(12, ""), "trial_type is required");
		then(this.metrics).should().applied("missing", "invalid");
	}

	@Test
	void anUnknownTrialTypeIsA400ListingTheKnownOnes() {
		MvcTestResult result = post(12, "{\"trial_type\": \"ultimate_forever\", \"uid\": 42}");

		assertThat(result).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.startsWith("trial_type 'ultimate_forever' is not a trial type; known: [")
			.contains("gitlab_duo_pro");
		then(this.metrics).should().applied("unknown", "invalid");
	}

	@Test
	void aMissingUidIsA400() {
		assertBadRequest(post(12, "{\"trial_type\": \"ultimate_with_dap\"}"),
				"uid is required: the GitLab user id applying");
		then(this.metrics).should().applied("unknown", "invalid");
	}

	@Test
	void aNonPositiveUidIsA400NamingTheValue() {
		assertBadRequest(post(12, "{\"trial_type\": \"ultimate_with_dap\", \"uid\": -1}"),
				"uid must be a positive integer, not -1");
	}

	@Test
	void aUserNamespaceIsA400() {
		assertBadRequest(
				post(12, "{\"trial_type\": \"ultimate_with_dap\", \"uid\": 42, \"namespace\": {\"kind\": \"user\"}}"),
				"namespace.kind must be 'group': trials are for groups");
	}

	@Test
	void anOverlongTextIsA400NamingTheField() {
		assertBadRequest(post(12, "{\"trial_type\": \"ultimate_with_dap\", \"uid\": 42, \"namespace\": {\"name\": \""
				+ "x".repeat(256) + "\"}}"), "namespace.name must be at most 255 characters");
	}

	@Test
	void aNonPositiveNamespaceIdInThePathIsA400() {
		MvcTestResult result = post(0, "{\"trial_type\": \"ultimate_with_dap\", \"uid\": 42}");

		assertThat(result).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.isEqualTo("namespace_id must be a positive integer, not 0");
	}

	@Test
	void aBadApplicationNeverReachesTrials() {
		post(12, "{\"trial_type\": \"ultimate_with_dap\", \"uid\": 0}");
		post(-1, "{\"trial_type\": \"ultimate_with_dap\", \"uid\": 1}");

		then(this.trials).should(org.mockito.Mockito.never())
			.apply(anyLong(), any(TrialType.class), any(Applicant.class));
	}

	@Test
	void withoutGitlabsCredentialsItIsA401() {
		MvcTestResult result = this.mvc.post()
			.uri(PATH, 12)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"trial_type\": \"ultimate_with_dap\", \"uid\": 42}")
			.exchange();

		assertThat(result).hasStatus(401).bodyJson().extractingPath("$.success").isEqualTo(false);
	}

	private MvcTestResult post(long namespaceId, String body) {
		return this.mvc.post()
			.uri(PATH, namespaceId)
			.headers((headers) -> headers.addAll(WebSlice.gitlabHeaders()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static void assertBadRequest(MvcTestResult result, String error) {
		assertThat(result).hasStatus(400).bodyJson().extractingPath("$.errors").asArray().containsExactly(error);
		assertThat(result).bodyJson().extractingPath("$.success").isEqualTo(false);
	}

}
