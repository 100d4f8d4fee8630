package io.cdottrials.cdot.subscriptions;

import java.time.LocalDate;
import java.util.List;

import io.cdottrials.cdot.platform.WebSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;

/**
 * The request forms of the provisioning hook: what reaches {@link Subscriptions}, and
 * what is turned away before it.
 */
@WebMvcTest(SubscriptionController.class)
@Import(WebSlice.class)
class SubscriptionControllerTests {

	private static final String PATH = "/api/v1/gitlab/namespaces/{id}/subscription";

	private static final String ITEM = """
			{"product_rate_plan_id": "premium-1y", "quantity": 10, "starts_on": "2026-01-01", "ends_on": "2027-01-01"}""";

	private static final SubscriptionItem PREMIUM = new SubscriptionItem("premium-1y", 10, LocalDate.of(2026, 1, 1),
			LocalDate.of(2027, 1, 1));

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private Subscriptions subscriptions;

	@Test
	void replacingTheItemsAnswersWhatIsStored() {
		given(this.subscriptions.items(5)).willReturn(List.of(PREMIUM));

		MvcTestResult result = put(5, "{\"items\": [" + ITEM + "]}");

		assertThat(result).hasStatus(200)
			.bodyJson()
			.extractingPath("$.items[0].product_rate_plan_id")
			.isEqualTo("premium-1y");
		then(this.subscriptions).should().replace(5, List.of(PREMIUM));
	}

	@Test
	void anEmptyListMakesTheNamespaceFree() {
		assertThat(put(5, "{\"items\": []}")).hasStatus(200).bodyJson().extractingPath("$.items").asArray().isEmpty();
		then(this.subscriptions).should().replace(5, List.of());
	}

	@Test
	void aPlanOutsideTheCatalogIsA422() {
		willThrow(new UnknownRatePlanException(List.of("premium-1y"))).given(this.subscriptions)
			.replace(5, List.of(PREMIUM));

		assertThat(put(5, "{\"items\": [" + ITEM + "]}")).hasStatus(422)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.contains("premium-1y");
	}

	@Test
	void aPeriodEndingBeforeItStartsIsA400() {
		assertBadRequest(put(5, "{\"items\": [" + ITEM.replace("2027-01-01", "2025-01-01") + "]}"),
				"starts_on (2026-01-01) must be before ends_on (2025-01-01) for product_rate_plan_id 'premium-1y'");
	}

	@Test
	void missingItemsAreA400() {
		assertBadRequest(put(5, "{}"), "items must not be null");
	}

	@Test
	void aZeroQuantityIsA400NamingTheItem() {
		assertBadRequest(put(5, "{\"items\": [" + ITEM.replace("10", "0") + "]}"),
				"items[0].quantity must be greater than or equal to 1");
	}

	@Test
	void aNonPositiveNamespaceIdIsA400OnBothMethods() {
		assertThat(put(0, "{\"items\": []}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.isEqualTo("namespace_id must be a positive integer, not 0");
		assertThat(this.mvc.get().uri(PATH, -2).headers((headers) -> headers.addAll(WebSlice.gitlabHeaders())))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.isEqualTo("namespace_id must be a positive integer, not -2");
		then(this.subscriptions).should(never()).replace(anyLong(), anyList());
	}

	private MvcTestResult put(long namespaceId, String body) {
		return this.mvc.put()
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
