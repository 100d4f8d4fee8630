package io.cdottrials.cdot.trials;

import java.time.LocalDate;
import java.util.function.LongFunction;

import io.cdottrials.cdot.eligibility.Eligibility;
import io.cdottrials.cdot.platform.WebSlice;
import io.cdottrials.model.TrialResponse;
import io.cdottrials.model.TrialType;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

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
import static org.mockito.Mockito.never;

/**
 * The request forms of GitLab's own trial paths ({@code POST /trials} and
 * {@code POST /trials/create_addon}): applications reach {@link Trials}, lead submissions
 * and malformed bodies do not.
 */
@WebMvcTest(GitlabTrialController.class)
@Import(WebSlice.class)
class GitlabTrialControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private Trials trials;

	@MockitoBean
	private Eligibility eligibility;

	@Test
	void anApplicationWithATrialTypeReachesTrialsWithThatType() {
		given(this.trials.apply(eq(12L), anyTypeOf(), any(Applicant.class))).willReturn(
				new TrialResponse.Trial(1, 12, "gitlab_duo_pro", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 2)));

		MvcTestResult result = post("/trials/create_addon", """
				{"uid": 42, "trial_user": {"namespace_id": 12, "trial_type": "gitlab_duo_pro",
				 "first_name": "Ada", "namespace": {"name": "Acme", "path": "acme", "kind": "group"}}}""");

		assertThat(result).hasStatus(201).bodyJson().extractingPath("$.trial.trial_type").isEqualTo("gitlab_duo_pro");
		@SuppressWarnings("unchecked")
		ArgumentCaptor<LongFunction<TrialType>> typeOf = ArgumentCaptor.forClass(LongFunction.class);
		ArgumentCaptor<Applicant> applicant = ArgumentCaptor.forClass(Applicant.class);
		then(this.trials).should().apply(eq(12L), typeOf.capture(), applicant.capture());
		assertThat(typeOf.getValue().apply(12)).isEqualTo(TrialType.GITLAB_DUO_PRO);
		assertThat(applicant.getValue().uid()).isEqualTo(42);
		assertThat(applicant.getValue().form()).containsEntry("first_name", "Ada");
	}

	@Test
	void aLeadSubmissionIsAcknowledgedAndNotKept() {
		MvcTestResult result = post("/trials",
				"{\"trial_user\": {\"first_name\": \"Ada\", \"work_email\": \"a@b.c\"}}");

		assertThat(result).hasStatus(200).bodyJson().extractingPath("$.success").isEqualTo(true);
		then(this.trials).should(never()).apply(anyLong(), anyTypeOf(), any(Applicant.class));
	}

	@Test
	void anApplicationWithoutANamespaceIsA400() {
		assertBadRequest(post("/trials", "{\"uid\": 42, \"trial_user\": {\"trial_type\": \"ultimate_with_dap\"}}"),
				"trial_user.namespace_id must not be null");
	}

	@Test
	void aNegativeNamespaceIdIsA400() {
		assertBadRequest(post("/trials", "{\"uid\": 42, \"trial_user\": {\"namespace_id\": -3}}"),
				"trial_user.namespace_id must be greater than 0");
	}

	@Test
	void aUserNamespaceIsA400() {
		assertBadRequest(
				post("/trials",
						"{\"uid\": 42, \"trial_user\": {\"namespace_id\": 12, \"namespace\": {\"kind\": \"user\"}}}"),
				"trial_user.namespace.kind must be 'group': trials are for groups");
	}

	@Test
	void aMissingEnvelopeIsA400() {
		assertBadRequest(post("/trials", "{\"uid\": 42}"), "trial_user must not be null");
		then(this.trials).should(never()).apply(anyLong(), anyTypeOf(), any(Applicant.class));
	}

	private static LongFunction<TrialType> anyTypeOf() {
		return any();
	}

	private MvcTestResult post(String path, String body) {
		return this.mvc.post()
			.uri(path)
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
