package io.cdottrials.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server speaking Zuora's REST API: OAuth client credentials and
 * {@code GET /v1/catalog/products} in pages. One server per test JVM, so that every
 * Spring test class pointing at it shares one application context; tests reset it.
 */
public final class ZuoraStub {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static ZuoraStub shared;

	private final WireMockServer server;

	private ZuoraStub() {
		this.server = new WireMockServer(options().dynamicPort());
		this.server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(this.server::stop));
	}

	public static synchronized ZuoraStub shared() {
		if (shared == null) {
			shared = new ZuoraStub();
		}
		return shared;
	}

	public String baseUrl() {
		return this.server.baseUrl();
	}

	public WireMockServer server() {
		return this.server;
	}

	/** Forgets every stub and request, then answers tokens again. */
	public void reset() {
		this.server.resetAll();
		stubToken("token-1", 3600);
	}

	public void stubToken(String token, long expiresIn) {
		this.server.stubFor(post(urlEqualTo("/oauth/token")).willReturn(tokenResponse(token, expiresIn)));
	}

	public static ResponseDefinitionBuilder tokenResponse(String token, long expiresIn) {
		return okJson("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn
				+ ",\"scope\":\"entity.1a2b7a37 platform.write service.usage.delete tenant.12345 user.7b0c6f\","
				+ "\"jti\":\"4b8c1f4e2b8f4a9e\"}");
	}

	/**
	 * Serves products in pages of {@code pageSize}, as Zuora does: {@code nextPage} is a
	 * path on page 1 and an absolute URL on later pages (Zuora has answered both).
	 * @param pageSize the page size the client asks for
	 * @param products the products
	 */
	public void stubCatalog(int pageSize, List<Map<String, Object>> products) {
		int pages = Math.max(1, (products.size() + pageSize - 1) / pageSize);
		for (int page = 1; page <= pages; page++) {
			List<Map<String, Object>> content = products.subList((page - 1) * pageSize,
					Math.min(products.size(), page * pageSize));
			stubPage(page, pageSize, okJson(page(content, (page < pages) ? nextPage(page + 1, pageSize) : null)));
		}
	}

	public void stubPage(int page, int pageSize, ResponseDefinitionBuilder response) {
		this.server.stubFor(pageRequest(page, pageSize).willReturn(response));
	}

	public static MappingBuilder pageRequest(int page, int pageSize) {
		return get(urlEqualTo(pagePath(page, pageSize)));
	}

	public static String pagePath(int page, int pageSize) {
		return (page == 1) ? "/v1/catalog/products?pageSize=" + pageSize
				: "/v1/catalog/products?page=" + page + "&pageSize=" + pageSize;
	}

	private String nextPage(int page, int pageSize) {
		return (page == 2) ? pagePath(page, pageSize) : baseUrl() + pagePath(page, pageSize);
	}

	public static String page(List<Map<String, Object>> products, String nextPage) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("products", products);
		if (nextPage != null) {
			body.put("nextPage", nextPage);
		}
		body.put("success", true);
		return json.writeValueAsString(body);
	}

	public static ResponseDefinitionBuilder failure(String code, String message) {
		return okJson("{\"success\":false,\"processId\":\"5F1C4C7D0E8F1A2B\",\"reasons\":[{\"code\":\"" + code
				+ "\",\"message\":\"" + message + "\"}]}");
	}

	public static ResponseDefinitionBuilder status(int status) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json");
	}

	public int productRequests() {
		return this.server.findAll(getRequestedFor(urlPathEqualTo("/v1/catalog/products"))).size();
	}

	public int firstPageRequests(int pageSize) {
		return this.server.findAll(getRequestedFor(urlEqualTo(pagePath(1, pageSize)))).size();
	}

	public int tokenRequests() {
		return this.server.findAll(postRequestedFor(urlEqualTo("/oauth/token"))).size();
	}

	/** Builds catalog records in Zuora's JSON shape. */
	public static final class Catalog {

		private Catalog() {
		}

		public static Map<String, Object> product(String id, String name, List<Map<String, Object>> ratePlans) {
			Map<String, Object> product = new LinkedHashMap<>();
			product.put("id", id);
			product.put("sku", "SKU-" + id);
			product.put("name", name);
			product.put("description", name + ".");
			product.put("category", "Base Products");
			product.put("effectiveStartDate", "2020-01-01");
			product.put("effectiveEndDate", "2099-12-31");
			product.put("productRatePlans", ratePlans);
			return product;
		}

		public static Map<String, Object> ratePlan(String id, String name, Map<String, Object> customFields,
				List<Map<String, Object>> charges) {
			Map<String, Object> ratePlan = new LinkedHashMap<>();
			ratePlan.put("id", id);
			ratePlan.put("status", "Active");
			ratePlan.put("name", name);
			ratePlan.put("description", name + ".");
			ratePlan.put("effectiveStartDate", "2020-01-01");
			ratePlan.put("effectiveEndDate", "2099-12-31");
			ratePlan.putAll(customFields);
			ratePlan.put("productRatePlanCharges", charges);
			return ratePlan;
		}

		public static Map<String, Object> charge(String id, String name, String billingPeriod, double priceUsd,
				Map<String, Object> customFields) {
			Map<String, Object> charge = new LinkedHashMap<>();
			charge.put("id", id);
			charge.put("name", name);
			charge.put("type", "Recurring");
			charge.put("model", "PerUnit");
			charge.put("uom", "Seats");
			charge.put("pricingSummary", List.of("USD" + priceUsd));
			Map<String, Object> pricing = new LinkedHashMap<>();
			pricing.put("currency", "USD");
			pricing.put("price", priceUsd);
			pricing.put("tiers", null);
			charge.put("pricing", new ArrayList<>(List.of(pricing)));
			charge.put("defaultQuantity", 1);
			charge.put("billingPeriod", billingPeriod);
			charge.putAll(customFields);
			return charge;
		}

		public static Map<String, Object> planFields(String actions, Object accessible) {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("CDotAccessible__c", accessible);
			fields.put("CDotActions__c", actions);
			fields.put("CDotPlanStatus__c", "active");
			fields.put("CDotIsTrueUp__c", "False");
			fields.put("CDotIsUsPubSec__c", false);
			fields.put("CDotCommunityType__c", "not_applicable");
			fields.put("TermType__c", "TERMED");
			return fields;
		}

		public static Map<String, Object> chargeFields(String tier, String deployment) {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("CDotPlanType__c", "base_product");
			fields.put("ChargeTier__c", tier);
			fields.put("ChargeDeployment__c", deployment);
			return fields;
		}

	}

}
