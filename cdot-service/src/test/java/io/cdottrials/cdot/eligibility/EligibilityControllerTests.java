package io.cdottrials.cdot.eligibility;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cdottrials.cdot.platform.WebSlice;
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
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The request forms of GitLab's bulk eligibility question: every form reaches
 * {@link Eligibility} as the same set of ids, and a malformed one never does.
 */
@WebMvcTest({ EligibilityController.class, ExplainController.class })
@Import(WebSlice.class)
class EligibilityControllerTests {

	private static final String PATH = EligibilityController.PATH;

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private Eligibility eligibility;

	@Test
	void everyQueryFormAsksForTheSameIdsOnce() {
		given(this.eligibility.eligibleTypes(Set.of(1L, 2L, 3L)))
			.willReturn(Map.of(1L, List.of(TrialType.GITLAB_DUO_PRO), 2L, List.of(), 3L, List.of()));

		MvcTestResult result = get(PATH + "?namespace_ids=1,2&namespace_ids=3&namespace_ids[]=1");

		assertThat(result).hasStatus(200)
			.bodyJson()
			.extractingPath("$.namespaces.1")
			.asArray()
			.containsExactly("gitlab_duo_pro");
		then(this.eligibility).should().eligibleTypes(Set.of(1L, 2L, 3L));
	}

	@Test
	void aPostedListAsksForItsIds() {
		given(this.eligibility.eligibleTypes(Set.of(7L, 8L))).willReturn(Map.of(7L, List.of(), 8L, List.of()));

		MvcTestResult result = this.mvc.post()
			.uri(PATH)
			.headers((headers) -> headers.addAll(WebSlice.gitlabHeaders()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"namespace_ids\": [7, 8, 7]}")
			.exchange();

		assertThat(result).hasStatus(200).bodyJson().extractingPath("$.namespaces.8").asArray().isEmpty();
	}

	@Test
	void aMalformedIdIsA400ThatNeverAsks() {
		assertThat(get(PATH + "?namespace_ids=1,abc")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.contains("'abc' is not an integer");
		assertThat(get(PATH)).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.contains("namespace_ids is required");
		then(this.eligibility).should(never()).eligibleTypes(anyCollection());
	}

	@Test
	void theExplanationListsEachTypesRules() {
		given(this.eligibility.explain(12)).willReturn(Map.of(TrialType.GITLAB_DUO_PRO,
				List.of(Verdict.pass("offered", "offered"), Verdict.fail("paid_tier", "needs a paid tier"))));

		MvcTestResult result = get("/api/v1/gitlab/namespaces/12/trials/eligibility/explain");

		assertThat(result).hasStatus(200)
			.bodyJson()
			.extractingPath("$.trial_types.gitlab_duo_pro.eligible")
			.isEqualTo(false);
	}

	@Test
	void theExplanationOfANonPositiveIdIsA400() {
		assertThat(get("/api/v1/gitlab/namespaces/0/trials/eligibility/explain")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.isEqualTo("namespace_id must be a positive integer, not 0");
	}

	@Test
	void withoutGitlabsCredentialsItIsA401() {
		assertThat(this.mvc.get().uri(PATH + "?namespace_ids=1")).hasStatus(401);
	}

	private MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).headers((headers) -> headers.addAll(WebSlice.gitlabHeaders())).exchange();
	}

}
