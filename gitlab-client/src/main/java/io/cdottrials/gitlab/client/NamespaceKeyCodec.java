package io.cdottrials.gitlab.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.ToByteBufEncoder;
import io.netty.buffer.ByteBuf;

/**
 * Namespace ids as Redis keys ({@code namespaces:eligible_trials:<id>}) written by
 * Lettuce straight into its output buffer: a bulk read sends 100 keys without building
 * 100 byte arrays first. Values are byte arrays, as with Lettuce's
 * {@code ByteArrayCodec}.
 */
final class NamespaceKeyCodec implements RedisCodec<Long, byte[]>, ToByteBufEncoder<Long, byte[]> {

	static final NamespaceKeyCodec INSTANCE = new NamespaceKeyCodec();

	static final String KEY_PREFIX = "namespaces:eligible_trials:";

	private static final byte[] PREFIX = KEY_PREFIX.getBytes(StandardCharsets.US_ASCII);

	// "00" to "99" as two ASCII bytes each: two digits per step, as Long.toString does
	private static final short[] DIGIT_PAIRS = new short[100];

	static {
		for (int i = 0; i < 100; i++) {
			DIGIT_PAIRS[i] = (short) ((('0' + i / 10) << 8) | ('0' + i % 10));
		}
	}

	private NamespaceKeyCodec() {
	}

	/**
	 * A namespace's key.
	 * @param namespaceId the namespace
	 * @return the key's bytes
	 */
	static byte[] keyBytes(long namespaceId) {
		if (namespaceId < 0) {
			return (KEY_PREFIX + namespaceId).getBytes(StandardCharsets.US_ASCII);
		}
		int digits = digits(namespaceId);
		byte[] key = new byte[PREFIX.length + digits];
		System.arraycopy(PREFIX, 0, key, 0, PREFIX.length);
		int at = key.length;
		long rest = namespaceId;
		while (at - PREFIX.length >= 2) {
			short pair = DIGIT_PAIRS[(int) (rest % 100)];
			key[--at] = (byte) pair;
			key[--at] = (byte) (pair >> 8);
			rest /= 100;
		}
		if (at > PREFIX.length) {
			key[--at] = (byte) ('0' + rest);
		}
		return key;
	}

	@Override
	public void encodeKey(Long key, ByteBuf target) {
		long id = key;
		if (id < 0) {
			target.writeBytes(keyBytes(id));
			return;
		}
		target.writeBytes(PREFIX);
		int digits = digits(id);
		target.ensureWritable(digits);
		int start = target.writerIndex();
		int at = start + digits;
		long rest = id;
		while (at - start >= 2) {
			at -= 2;
			target.setShort(at, DIGIT_PAIRS[(int) (rest % 100)]);
			rest /= 100;
		}
		if (at > start) {
			target.setByte(start, (int) ('0' + rest));
		}
		target.writerIndex(start + digits);
	}

	@Override
	public void encodeValue(byte[] value, ByteBuf target) {
		target.writeBytes(value);
	}

	@Override
	public int estimateSize(Object keyOrValue) {
		if (keyOrValue instanceof Long id) {
			return (id < 0) ? keyBytes(id).length : PREFIX.length + digits(id);
		}
		return (keyOrValue instanceof byte[] bytes) ? bytes.length : 0;
	}

	@Override
	public boolean isEstimateExact() {
		return true;
	}

	@Override
	public Long decodeKey(ByteBuffer bytes) {
		byte[] key = new byte[bytes.remaining()];
		bytes.get(key);
		return Long.valueOf(new String(key, PREFIX.length, key.length - PREFIX.length, StandardCharsets.US_ASCII));
	}

	@Override
	public byte[] decodeValue(ByteBuffer bytes) {
		byte[] value = new byte[bytes.remaining()];
		bytes.get(value);
		return value;
	}

	@Override
	public ByteBuffer encodeKey(Long key) {
		return ByteBuffer.wrap(keyBytes(key));
	}

	@Override
	public ByteBuffer encodeValue(byte[] value) {
		return ByteBuffer.wrap(value);
	}

	private static int digits(long value) {
		int digits = 1;
		for (long bound = 10; digits < 19 && value >= bound; bound *= 10) {
			digits++;
		}
		return digits;
	}

}
