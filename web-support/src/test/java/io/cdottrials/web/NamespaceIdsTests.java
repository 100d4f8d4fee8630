package io.cdottrials.web;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NamespaceIdsTests {

	private static final NamespaceIds ids = new NamespaceIds(new NamespaceIds.Wording() {

		@Override
		public String emptyValue() {
			return "empty";
		}

		@Override
		public String nullValue() {
			return "null";
		}

		@Override
		public String notAnInteger(String value) {
			return "not an integer: " + value;
		}

		@Override
		public String notPositive(String value) {
			return "not positive: " + value;
		}

	});

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readsEveryQueryFormOnceInOrder() {
		assertThat(ids.fromQuery(List.of("3,1", " 2 ", "3"))).containsExactly(3L, 1L, 2L);
	}

	@Test
	void showsQueryTokensQuotedAndJsonValuesAsJson() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ids.fromQuery(List.of("1,abc")))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly("not an integer: 'abc'"));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> ids.fromJson(json.readTree("{\"namespace_ids\": [\"a\"]}")))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly("not an integer: \"a\""));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ids.fromValues(List.of(-4L)))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly("not positive: '-4'"));
	}

	@Test
	void rejectsEmptyNullAndMissingValuesAsTheServiceWordsThem() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ids.fromQuery(List.of("1,,2")))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly("empty"));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> ids.fromJson(json.readTree("{\"namespace_ids\": [null]}")))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly("null"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ids.fromValues(null))
			.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(400))
			.satisfies(
					(ex) -> assertThat(ex.errors()).singleElement().asString().contains("namespace_ids is required"));
	}

	@Test
	void countsDistinctIdsAndStopsReadingFarPastTheLimit() {
		List<Long> tooMany = LongStream.rangeClosed(1, 1001).boxed().toList();
		List<Long> far = LongStream.rangeClosed(1, 50_000).boxed().toList();

		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ids.fromValues(tooMany))
			.satisfies((ex) -> assertThat(ex.errors())
				.containsExactly("namespace_ids may list at most 1000 namespaces, not 1001"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ids.fromValues(far))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement().asString().endsWith("not more than 10000"));
		assertThat(ids.fromValues(LongStream.rangeClosed(1, 5000).map((i) -> i % 1000 + 1).boxed().toList()))
			.hasSize(1000);
	}

}
