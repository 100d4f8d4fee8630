package io.cdottrials.gitlab.client;

import java.nio.ByteBuffer;
import java.util.List;

import io.cdottrials.gitlab.client.EligibilityCache.Read;
import io.lettuce.core.output.CommandOutput;
import org.jspecify.annotations.Nullable;

/**
 * The answer of an MGET of namespace keys, decoded as Lettuce reads it: each value
 * becomes its cached answer and generation in place, with no byte array, key-value pair
 * or list per namespace in between.
 */
final class CachedValuesOutput extends CommandOutput<Long, byte[], Read> {

	private final @Nullable CachedEntry[] entries;

	private final long[] generations;

	private int answered;

	/**
	 * @param keys how many keys the MGET asks for
	 */
	CachedValuesOutput(int keys) {
		super(NamespaceKeyCodec.INSTANCE, null);
		this.entries = new CachedEntry[keys];
		this.generations = new long[keys];
		this.output = new Read(this.entries, this.generations);
	}

	/**
	 * The same decoding for values read some other way.
	 * @param values the values of an MGET, {@code null} where a key had none
	 * @return the answers and generations
	 */
	static Read decode(List<byte @Nullable []> values) {
		CachedValuesOutput output = new CachedValuesOutput(values.size());
		for (byte[] value : values) {
			output.set((value != null) ? ByteBuffer.wrap(value) : null);
		}
		return output.get();
	}

	@Override
	public void set(@Nullable ByteBuffer value) {
		int at = this.answered++;
		if (value != null && at < this.entries.length) {
			this.entries[at] = CachedValueFormat.entry(value);
			this.generations[at] = CachedValueFormat.generation(value);
		}
	}

	/**
	 * How many values Redis answered.
	 * @return one per key when all is well
	 */
	int answered() {
		return this.answered;
	}

}
