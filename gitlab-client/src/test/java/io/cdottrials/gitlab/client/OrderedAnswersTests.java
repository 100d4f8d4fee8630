package io.cdottrials.gitlab.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client's answer map, a view over its arrays: it behaves as the LinkedHashMap it
 * replaces, finds every id and no other, and cannot be changed.
 */
class OrderedAnswersTests {

	@Test
	void behavesAsAnOrderedMapOfTheIdsAsked() {
		List<Long> ids = LongStream.of(7, 3_000_000_001L, 12, 99, 4, 1_000_000, 5, 6, 8, 11).boxed().toList();
		Map<Long, NamespaceEligibility> expected = new LinkedHashMap<>();
		NamespaceEligibility[] answers = new NamespaceEligibility[ids.size()];
		for (int i = 0; i < ids.size(); i++) {
			answers[i] = new NamespaceEligibility(List.of("type" + i),
					(i % 2 == 0) ? AnswerState.FRESH : AnswerState.STALE);
			expected.put(ids.get(i), answers[i]);
		}

		EligibilityAnswer answer = new EligibilityAnswer(new OrderedAnswers(ids, IdPositions.ofDistinct(ids), answers));

		assertThat(answer.namespaces()).containsExactlyEntriesOf(expected);
		assertThat(answer.namespaces()).isEqualTo(expected).hasSameHashCodeAs(expected);
		assertThat(answer).isEqualTo(new EligibilityAnswer(expected));
		ids.forEach((id) -> assertThat(answer.get(id)).isEqualTo(expected.get(id)));
		List<Long> visited = new ArrayList<>();
		answer.namespaces().forEach((id, eligibility) -> visited.add(id));
		assertThat(visited).isEqualTo(ids);
		assertThat(answer.namespaces()).doesNotContainKey(13L);
		assertThat(answer.namespaces().get((Object) "7")).isNull();
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> answer.get(13));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> answer.namespaces().put(13L, NamespaceEligibility.degraded()));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> answer.namespaces().keySet().remove(7L));
	}

	@Test
	void findsEveryOneOfManyIdsAndNoOther() {
		List<Long> ids = LongStream.range(0, 1500).map((i) -> 1_000_000 + i * 1024).boxed().toList();

		IdPositions positions = IdPositions.ofDistinct(ids);

		assertThat(positions).isNotNull();
		for (int i = 0; i < ids.size(); i++) {
			assertThat(positions.position(ids.get(i))).isEqualTo(i);
			assertThat(positions.position(ids.get(i) + 1)).isEqualTo(-1);
		}
	}

	@Test
	void tellsDuplicateIds() {
		assertThat(IdPositions.ofDistinct(List.of(5L, 6L, 5L))).isNull();
		assertThat(IdPositions.ofDistinct(List.of(5L, 6L))).isNotNull();
	}

}
