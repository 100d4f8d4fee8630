package io.cdottrials.gitlab.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys an MGET sends, written straight from the ids: the same bytes as the key name,
 * for ids of every length.
 */
class NamespaceKeyCodecTests {

	@ParameterizedTest
	@ValueSource(longs = { 1, 9, 10, 42, 99, 100, 101, 1_000_000, 1_234_567, 9_999_999_999L, 12_345_678_901L,
			1_000_000_000_000_000_000L, Long.MAX_VALUE })
	void writesTheKeyNameOfEveryId(long id) {
		String name = "namespaces:eligible_trials:" + id;
		ByteBuf buffer = Unpooled.buffer(4);
		buffer.writeByte('$');

		NamespaceKeyCodec.INSTANCE.encodeKey(id, buffer);

		assertThat(buffer.toString(StandardCharsets.US_ASCII)).isEqualTo("$" + name);
		assertThat(NamespaceKeyCodec.INSTANCE.estimateSize(id)).isEqualTo(name.length());
		assertThat(new String(NamespaceKeyCodec.keyBytes(id), StandardCharsets.US_ASCII)).isEqualTo(name);
		assertThat(EligibilityCache.key(id)).isEqualTo(name);
		assertThat(NamespaceKeyCodec.INSTANCE.decodeKey(ByteBuffer.wrap(name.getBytes(StandardCharsets.US_ASCII))))
			.isEqualTo(id);
	}

}
