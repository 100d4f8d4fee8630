package io.cdottrials.cdot.catalog.internal.zuora;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ZuoraLinksTests {

	@Test
	void resolvesPathsAgainstTheBaseUrl() {
		ZuoraLinks links = new ZuoraLinks("https://rest.zuora.com");
		assertThat(links.resolve("/v1/catalog/products?page=2&pageSize=40"))
			.hasToString("https://rest.zuora.com/v1/catalog/products?page=2&pageSize=40");
	}

	@Test
	void keepsAbsoluteLinks() {
		ZuoraLinks links = new ZuoraLinks("https://rest.zuora.com/");
		assertThat(links.resolve("https://rest.zuora.com/v1/catalog/products?page=3&pageSize=40"))
			.hasToString("https://rest.zuora.com/v1/catalog/products?page=3&pageSize=40");
	}

	@Test
	void keepsThePathPrefixOfTheBaseUrl() {
		ZuoraLinks links = new ZuoraLinks("http://proxy.internal/zuora");
		assertThat(links.resolve("/v1/catalog/products?page=2"))
			.hasToString("http://proxy.internal/zuora/v1/catalog/products?page=2");
		assertThat(links.resolve("/zuora/v1/catalog/products?page=2"))
			.hasToString("http://proxy.internal/zuora/v1/catalog/products?page=2");
	}

}
