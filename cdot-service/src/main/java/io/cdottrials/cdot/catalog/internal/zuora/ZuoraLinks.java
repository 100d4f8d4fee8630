package io.cdottrials.cdot.catalog.internal.zuora;

import java.net.URI;

/**
 * Resolves Zuora paths and {@code nextPage} links against the configured base URL. Zuora
 * answers {@code nextPage} either absolute or as a path such as
 * {@code /v1/catalog/products?page=2&pageSize=40}; a path is taken relative to the base
 * URL, including any path prefix the base URL has (a proxy's, say) unless the link
 * already starts with it.
 */
final class ZuoraLinks {

	private final URI base;

	ZuoraLinks(String baseUrl) {
		this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
		if (!this.base.isAbsolute()) {
			throw new IllegalArgumentException("cdot.zuora.base-url must be an absolute URL, not '" + baseUrl + "'");
		}
	}

	URI resolve(String link) {
		URI uri = URI.create(link.trim());
		if (uri.isAbsolute()) {
			return uri;
		}
		String path = link.trim();
		if (path.startsWith(this.base.getPath())) {
			return this.base.resolve(path);
		}
		return this.base.resolve(path.startsWith("/") ? path.substring(1) : path);
	}

}
