package io.cdottrials.cdot.catalog.internal.source;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the catalog is read from.
 *
 * @param source {@code file} (the default, for local runs and air-gapped use) or
 * {@code zuora}
 * @param file the catalog JSON of the file source, a path or a {@code classpath:}
 * resource, in the shape of Zuora's {@code GET /v1/catalog/products} answer
 */
@ConfigurationProperties("cdot.catalog")
public record CatalogSourceProperties(@DefaultValue("file") Kind source,
		@DefaultValue("classpath:catalog/demo-catalog.json") String file) {

	/** The kinds of catalog source. */
	public enum Kind {

		/** Zuora's REST API, configured by {@code cdot.zuora.*}. */
		ZUORA,

		/** A JSON file in Zuora's shape. */
		FILE

	}

}
