package io.cdottrials.gitlab.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The position of each id in a list of ids, in an open-addressing table of primitive
 * longs: how a lookup finds duplicates among the ids asked for without sorting or boxing,
 * and how its answer finds an id afterwards without a hash map.
 */
final class IdPositions {

	private static final long GOLDEN = 0x9E3779B97F4A7C15L;

	private final long[] ids;

	// stored one up, so that 0 is a free slot
	private final int[] positions;

	private final int mask;

	private final int shift;

	private IdPositions(int size) {
		int bits = 64 - Long.numberOfLeadingZeros(Math.max(2, size) * 2L - 1);
		this.ids = new long[1 << bits];
		this.positions = new int[1 << bits];
		this.mask = (1 << bits) - 1;
		this.shift = 64 - bits;
	}

	/**
	 * Indexes ids.
	 * @param ids the ids
	 * @return their positions, or {@code null} when an id is there twice
	 */
	static @Nullable IdPositions ofDistinct(List<Long> ids) {
		IdPositions index = new IdPositions(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			long id = ids.get(i);
			int slot = index.slot(id);
			while (index.positions[slot] != 0) {
				if (index.ids[slot] == id) {
					return null;
				}
				slot = (slot + 1) & index.mask;
			}
			index.ids[slot] = id;
			index.positions[slot] = i + 1;
		}
		return index;
	}

	/**
	 * Where an id is.
	 * @param id the id
	 * @return its position, -1 when it is not among the ids
	 */
	int position(long id) {
		for (int slot = slot(id);; slot = (slot + 1) & this.mask) {
			int position = this.positions[slot];
			if (position == 0) {
				return -1;
			}
			if (this.ids[slot] == id) {
				return position - 1;
			}
		}
	}

	// Fibonacci hashing: the top bits of the product, which depend on every bit of the id
	private int slot(long id) {
		return (int) ((id * GOLDEN) >>> this.shift);
	}

}
