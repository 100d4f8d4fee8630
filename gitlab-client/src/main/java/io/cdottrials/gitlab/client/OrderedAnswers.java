package io.cdottrials.gitlab.client;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * The answers by id in the order asked: an unmodifiable map over the lookup's own id list
 * and answer array, so that answering 100 namespaces builds no hash map, entry or boxed
 * id. {@link EligibilityAnswer} keeps it as it is instead of copying it.
 */
final class OrderedAnswers extends AbstractMap<Long, NamespaceEligibility> {

	private final List<Long> ids;

	private final NamespaceEligibility[] answers;

	private final IdPositions positions;

	/**
	 * @param ids distinct ids, not changed afterwards
	 * @param positions the position of each id in {@code ids}
	 * @param answers the answer of each id, by position, not changed afterwards
	 */
	OrderedAnswers(List<Long> ids, IdPositions positions, NamespaceEligibility[] answers) {
		this.ids = ids;
		this.positions = positions;
		this.answers = answers;
	}

	@Override
	public int size() {
		return this.answers.length;
	}

	@Override
	public boolean containsKey(Object key) {
		return position(key) >= 0;
	}

	@Override
	public @Nullable NamespaceEligibility get(Object key) {
		int position = position(key);
		return (position >= 0) ? this.answers[position] : null;
	}

	@Override
	public void forEach(BiConsumer<? super Long, ? super NamespaceEligibility> action) {
		for (int i = 0; i < this.answers.length; i++) {
			action.accept(this.ids.get(i), this.answers[i]);
		}
	}

	@Override
	public Set<Entry<Long, NamespaceEligibility>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Entry<Long, NamespaceEligibility>> iterator() {
				return new Iterator<>() {

					private int next;

					@Override
					public boolean hasNext() {
						return this.next < OrderedAnswers.this.answers.length;
					}

					@Override
					public Entry<Long, NamespaceEligibility> next() {
						if (!hasNext()) {
							throw new NoSuchElementException();
						}
						int i = this.next++;
						return new SimpleImmutableEntry<>(OrderedAnswers.this.ids.get(i),
								OrderedAnswers.this.answers[i]);
					}

				};
			}

			@Override
			public int size() {
				return OrderedAnswers.this.answers.length;
			}

		};
	}

	private int position(@Nullable Object key) {
		return (key instanceof Long id) ? this.positions.position(id) : -1;
	}

}
