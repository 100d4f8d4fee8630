package io.cdottrials.cdot.catalog.internal.source;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.cdottrials.cdot.catalog.internal.zuora.ZuoraConnection;
import io.cdottrials.cdot.catalog.internal.zuora.ZuoraException;
import io.cdottrials.cdot.catalog.internal.zuora.ZuoraProperties;
import io.cdottrials.cdot.catalog.internal.zuora.ZuoraResponses.ZuoraRetryableException;
import io.cdottrials.cdot.catalog.internal.zuora.ZuoraResponses.ZuoraUnauthorizedException;
import io.cdottrials.cdot.catalog.internal.zuora.ZuoraResponses;
import io.cdottrials.cdot.catalog.internal.zuora.ZuoraRetry;
import io.cdottrials.cdot.catalog.internal.zuora.ZuoraTokenProvider;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Reads the catalog from Zuora's REST API: {@code GET /v1/catalog/products}, following
 * {@code nextPage} until Zuora gives none, every page fetched before anything is
 * returned. Each page request is retried on 429, 5xx and I/O failures
 * ({@link ZuoraRetry}), and renews the access token once when Zuora answers 401.
 */
public final class ZuoraCatalogSource implements CatalogSource {

	private static final Logger logger = LoggerFactory.getLogger(ZuoraCatalogSource.class);

	private static final int MAX_PAGES = 10_000;

	private final RestClient restClient;

	private final ZuoraConnection connection;

	private final ZuoraTokenProvider tokens;

	private final Retry retry;

	private final int pageSize;

	private final JsonMapper jsonMapper;

	private final ZuoraCatalogParser parser = new ZuoraCatalogParser();

	ZuoraCatalogSource(ZuoraConnection connection, Retry retry, int pageSize, JsonMapper jsonMapper) {
		this.restClient = connection.restClient();
		this.connection = connection;
		this.tokens = connection.tokens();
		this.retry = retry;
		this.pageSize = pageSize;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Creates the source from its configuration.
	 * @param properties {@code cdot.zuora.*}
	 * @param builder a fresh {@link RestClient} builder (observed: HTTP client metrics)
	 * @param jsonMapper reads Zuora's JSON
	 * @param clock decides when a token is due for renewal
	 * @return the source
	 * @throws IllegalStateException when the base URL or a client credential is missing
	 */
	public static ZuoraCatalogSource create(ZuoraProperties properties, RestClient.Builder builder,
			JsonMapper jsonMapper, Clock clock) {
		ZuoraConnection connection = ZuoraConnection.create(properties, builder, jsonMapper, clock,
				"when cdot.catalog.source=zuora");
		return new ZuoraCatalogSource(connection, ZuoraRetry.of(properties.retry()), properties.pageSize(), jsonMapper);
	}

	@Override
	public String name() {
		return "zuora";
	}

	@Override
	public FetchedCatalog fetch() {
		List<JsonNode> products = new ArrayList<>();
		String next = "/v1/catalog/products?pageSize=" + this.pageSize;
		int pages = 0;
		while (next != null) {
			if (++pages > MAX_PAGES) {
				throw new CatalogSourceException("Zuora kept answering nextPage after " + MAX_PAGES + " pages");
			}
			URI uri = this.connection.resolve(next);
			JsonNode page = fetchWithRetries(uri);
			page.path("products").forEach(products::add);
			String nextPage = ZuoraCatalogParser.text(page, "nextPage");
			next = (nextPage == null || nextPage.isBlank()) ? null : nextPage;
		}
		logger.debug("Read {} products in {} pages from Zuora", products.size(), pages);
		return this.parser.parse(products);
	}

	private JsonNode fetchWithRetries(URI uri) {
		String request = "GET " + uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		try {
			return this.retry.executeSupplier(() -> fetchPage(uri, request));
		}
		catch (ZuoraRetryableException ex) {
			throw new CatalogSourceException(ex.getMessage() + " on each of " + ZuoraRetry.attempts(this.retry)
					+ " attempts; the catalog was left as it was", ex);
		}
		catch (ZuoraException ex) {
			throw new CatalogSourceException(ex.getMessage(), ex);
		}
		catch (ResourceAccessException ex) {
			throw new CatalogSourceException(request + " failed on each of " + ZuoraRetry.attempts(this.retry)
					+ " attempts (" + ex.getMessage() + "); the catalog was left as it was", ex);
		}
	}

	private JsonNode fetchPage(URI uri, String request) {
		String token = this.tokens.token();
		try {
			return get(uri, request, token);
		}
		catch (ZuoraUnauthorizedException ex) {
			logger.info("Zuora refused the access token on {}; renewing it once", request);
			this.tokens.invalidate(token);
			return get(uri, request, this.tokens.token());
		}
	}

	private JsonNode get(URI uri, String request, String token) {
		return this.restClient.get()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(token))
			.accept(MediaType.APPLICATION_JSON)
			.exchange((httpRequest, response) -> ZuoraResponses.read(response, request, this.jsonMapper));
	}

}
