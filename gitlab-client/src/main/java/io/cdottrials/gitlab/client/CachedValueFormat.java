package io.cdottrials.gitlab.client;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import io.cdottrials.model.TrialType;
import org.jspecify.annotations.Nullable;

/**
 * The binary value under {@code namespaces:eligible_trials:<id>}: one key per namespace
 * holds the answer and the namespace's generation, so that a bulk read is one MGET of
 * exactly the requested keys and every write touches one key (Redis Cluster allows a
 * script only on keys of one slot). Big-endian, fixed offsets, decoded without reflection
 * or JSON:
 *
 * <pre>
 * offset  size  field
 *      0     1  format version, 1 (an old JSON value starts with '{': read as a miss)
 *      1     1  flags: bit 0 = tombstone (invalidated; no answer, only the generation)
 *      2     4  type table: CRC32 of the TrialType wire names in ordinal order
 *      6     8  generation
 *     14     8  fetched at, epoch ms                  (absent in a tombstone)
 *     22     8  fresh until, epoch ms                 (absent in a tombstone)
 *     30     8  trial types: bit i = TrialType ordinal i
 *     38     n  trial types this build does not know, UTF-8, comma separated (usually none)
 * </pre>
 *
 * The scripts {@code write-back.lua} and {@code invalidate.lua} read the version byte and
 * the generation at the same offsets. A value written by a build with another type table
 * reads as a miss (its bits would mean other types) but its generation still counts.
 */
final class CachedValueFormat {

	static final byte VERSION = 1;

	static final byte TOMBSTONE = 1;

	static final int GENERATION_OFFSET = 6;

	static final int HEADER_LENGTH = 14;

	private static final int FETCHED_AT_OFFSET = 14;

	private static final int FRESH_UNTIL_OFFSET = 22;

	private static final int TYPES_OFFSET = 30;

	static final int ENTRY_LENGTH = 38;

	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

	private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

	private static final TrialType[] TYPES = TrialType.values();

	private static final Map<String, Integer> ORDINALS = new HashMap<>();

	static final int TYPE_TABLE = typeTable();

	// the answer lists, one per set of known types, shared by every decoded value
	private static final @Nullable List<String>[] NAMES_BY_MASK = namesByMask();

	static {
		for (TrialType type : TYPES) {
			ORDINALS.put(type.wireName(), type.ordinal());
		}
	}

	private CachedValueFormat() {
	}

	/**
	 * Encodes an answer.
	 * @param generation the generation the answer was fetched under
	 * @param entry the answer
	 * @return the value to store
	 */
	static byte[] encode(long generation, CachedEntry entry) {
		long mask = 0;
		StringBuilder unknown = null;
		for (String name : entry.trialTypes()) {
			Integer ordinal = ORDINALS.get(name);
			if (ordinal != null) {
				mask |= 1L << ordinal;
			}
			else {
				unknown = ((unknown != null) ? unknown.append(',') : new StringBuilder()).append(name);
			}
		}
		byte[] tail = (unknown != null) ? unknown.toString().getBytes(StandardCharsets.UTF_8) : new byte[0];
		byte[] value = new byte[ENTRY_LENGTH + tail.length];
		header(value, (byte) 0, generation);
		LONG.set(value, FETCHED_AT_OFFSET, entry.fetchedAt());
		LONG.set(value, FRESH_UNTIL_OFFSET, entry.freshUntil());
		LONG.set(value, TYPES_OFFSET, mask);
		System.arraycopy(tail, 0, value, ENTRY_LENGTH, tail.length);
		return value;
	}

	/**
	 * The first bytes of a tombstone, before its generation (which the invalidation
	 * script computes from the value it replaces).
	 * @return version, flags and type table
	 */
	static byte[] tombstonePrefix() {
		byte[] header = new byte[HEADER_LENGTH];
		header(header, TOMBSTONE, 0);
		return Arrays.copyOf(header, GENERATION_OFFSET);
	}

	/**
	 * A generation as the scripts compare it.
	 * @param generation the generation
	 * @return 8 bytes, big-endian
	 */
	static byte[] generationBytes(long generation) {
		byte[] bytes = new byte[8];
		LONG.set(bytes, 0, generation);
		return bytes;
	}

	/**
	 * The generation a value carries.
	 * @param value what Redis holds, or {@code null}
	 * @return the generation; 0 for no value or a value of another format
	 */
	static long generation(byte @Nullable [] value) {
		return (value != null) ? generation(ByteBuffer.wrap(value)) : 0;
	}

	/**
	 * The generation a value carries.
	 * @param value what Redis holds, from its position to its limit (left unchanged)
	 * @return the generation; 0 for a value of another format
	 */
	static long generation(ByteBuffer value) {
		int at = value.position();
		if (value.remaining() < HEADER_LENGTH || value.get(at) != VERSION) {
			return 0;
		}
		return longAt(value, at + GENERATION_OFFSET);
	}

	/**
	 * The answer a value holds.
	 * @param value what Redis holds, or {@code null}
	 * @return the answer; {@code null} for no value, a tombstone, another format or type
	 * table
	 */
	static @Nullable CachedEntry entry(byte @Nullable [] value) {
		return (value != null) ? entry(ByteBuffer.wrap(value)) : null;
	}

	/**
	 * The answer a value holds, read in place (Lettuce hands each value of an MGET over
	 * as a buffer: nothing is copied).
	 * @param value what Redis holds, from its position to its limit (left unchanged)
	 * @return the answer; {@code null} for a tombstone, another format or type table
	 */
	static @Nullable CachedEntry entry(ByteBuffer value) {
		int at = value.position();
		int length = value.remaining();
		if (length < ENTRY_LENGTH || value.get(at) != VERSION || value.get(at + 1) != 0
				|| intAt(value, at + 2) != TYPE_TABLE) {
			return null;
		}
		List<String> names = names(longAt(value, at + TYPES_OFFSET));
		if (length > ENTRY_LENGTH) {
			byte[] tail = new byte[length - ENTRY_LENGTH];
			value.get(at + ENTRY_LENGTH, tail);
			List<String> all = new ArrayList<>(names);
			all.addAll(List.of(new String(tail, StandardCharsets.UTF_8).split(",")));
			names = List.copyOf(all);
		}
		return new CachedEntry(names, longAt(value, at + FETCHED_AT_OFFSET), longAt(value, at + FRESH_UNTIL_OFFSET));
	}

	// the format is big-endian whatever order the buffer was handed over in
	private static long longAt(ByteBuffer value, int index) {
		long read = value.getLong(index);
		return (value.order() == ByteOrder.BIG_ENDIAN) ? read : Long.reverseBytes(read);
	}

	private static int intAt(ByteBuffer value, int index) {
		int read = value.getInt(index);
		return (value.order() == ByteOrder.BIG_ENDIAN) ? read : Integer.reverseBytes(read);
	}

	/**
	 * CDot's list of trial types in the order a cached value gives them back (known types
	 * by ordinal, then the others), so that a fresh answer and the same answer read from
	 * Redis are equal.
	 * @param names CDot's wire names
	 * @return the same names, ordered, without duplicates
	 */
	static List<String> normalize(List<String> names) {
		long mask = 0;
		List<String> unknown = null;
		for (String name : names) {
			Integer ordinal = ORDINALS.get(name);
			if (ordinal != null) {
				mask |= 1L << ordinal;
			}
			else if (!name.isEmpty() && name.indexOf(',') < 0) {
				if (unknown == null) {
					unknown = new ArrayList<>();
				}
				if (!unknown.contains(name)) {
					unknown.add(name);
				}
			}
		}
		if (unknown == null) {
			return names(mask);
		}
		List<String> all = new ArrayList<>(names(mask));
		all.addAll(unknown);
		return List.copyOf(all);
	}

	private static List<String> names(long mask) {
		if (NAMES_BY_MASK.length > 0 && mask >= 0 && mask < NAMES_BY_MASK.length) {
			List<String> names = NAMES_BY_MASK[(int) mask];
			if (names != null) {
				return names;
			}
		}
		return namesOf(mask);
	}

	private static List<String> namesOf(long mask) {
		List<String> names = new ArrayList<>(Long.bitCount(mask));
		for (TrialType type : TYPES) {
			if (type.ordinal() < 64 && (mask & (1L << type.ordinal())) != 0) {
				names.add(type.wireName());
			}
		}
		return List.copyOf(names);
	}

	private static void header(byte[] value, byte flags, long generation) {
		value[0] = VERSION;
		value[1] = flags;
		INT.set(value, 2, TYPE_TABLE);
		LONG.set(value, GENERATION_OFFSET, generation);
	}

	private static int typeTable() {
		if (TrialType.values().length > 64) {
			throw new IllegalStateException("The cached value has room for 64 trial types");
		}
		CRC32 crc = new CRC32();
		for (TrialType type : TrialType.values()) {
			crc.update((type.wireName() + ',').getBytes(StandardCharsets.UTF_8));
		}
		return (int) crc.getValue();
	}

	@SuppressWarnings("unchecked")
	private static @Nullable List<String>[] namesByMask() {
		int types = TrialType.values().length;
		// a table for up to 2^12 sets; beyond that each decode builds its list
		List<String>[] table = new List[(types <= 12) ? 1 << types : 0];
		for (int mask = 0; mask < table.length; mask++) {
			table[mask] = namesOf(mask);
		}
		return table;
	}

}
