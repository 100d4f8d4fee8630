package io.cdottrials.cdot.catalog.internal.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.cdottrials.cdot.catalog.internal.zuora.ZuoraException;
import io.cdottrials.cdot.catalog.internal.zuora.ZuoraResponses;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;

/**
 * Reads the catalog from one JSON file in the shape of Zuora's
 * {@code GET /v1/catalog/products} answer: for local runs and air-gapped use.
 */
public final class FileCatalogSource implements CatalogSource {

	private final Resource file;

	private final JsonMapper jsonMapper;

	private final ZuoraCatalogParser parser = new ZuoraCatalogParser();

	public FileCatalogSource(Resource file, JsonMapper jsonMapper) {
		this.file = file;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public String name() {
		return "file";
	}

	@Override
	public FetchedCatalog fetch() {
		if (!this.file.exists()) {
			throw new CatalogSourceException("The catalog file " + this.file.getDescription() + " does not exist");
		}
		JsonNode body;
		try (InputStream input = this.file.getInputStream()) {
			body = this.jsonMapper.readTree(input);
		}
		catch (IOException | JacksonException ex) {
			throw new CatalogSourceException("The catalog file " + this.file.getDescription() + " is not readable JSON",
					ex);
		}
		try {
			ZuoraResponses.requireSuccess(body, "The catalog file " + this.file.getDescription());
		}
		catch (ZuoraException ex) {
			throw new CatalogSourceException(ex.getMessage(), ex);
		}
		List<JsonNode> products = new ArrayList<>();
		body.path("products").forEach(products::add);
		return this.parser.parse(products);
	}

}
