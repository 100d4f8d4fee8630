package io.cdottrials.gitlab.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Redis side of the cache, one key per namespace ({@link CachedValueFormat}): one
 * MGET of exactly the requested keys to read, one compare-and-set script call per
 * namespace (pipelined) to write back, one tombstone script call per namespace
 * (pipelined) to invalidate. No call touches two keys, so it runs on Redis Cluster as on
 * a standalone Redis.
 * <p>
 * On Lettuce (Boot's default) the commands go straight to the factory's shared native
 * connection (the cluster client's on a cluster-aware factory) with byte-array keys and
 * values; with any other {@link RedisConnectionFactory} through Spring Data's
 * {@link RedisConnection}. Every call goes through a circuit breaker so that a dead Redis
 * costs one short timeout, not one per request.
 */
public final class EligibilityCache {

	static final String KEY_PREFIX = NamespaceKeyCodec.KEY_PREFIX;

	private static final Script WRITE_BACK = new Script("write-back.lua");

	private static final Script INVALIDATE = new Script("invalidate.lua");

	private static final byte[] TOMBSTONE_PREFIX = CachedValueFormat.tombstonePrefix();

	private final RedisConnectionFactory connectionFactory;

	private final CircuitBreaker breaker;

	private final byte[] tombstoneTtlMillis;

	private final long timeoutMillis;

	private final boolean sharedNativeConnection;

	// Lettuce's connection shared by every LettuceConnection of the factory, once known:
	// thread-safe and reconnecting by itself, so asking the factory for it per call (a
	// LettuceConnection object and a lock each time) buys nothing. On a cluster-aware
	// factory it is the advanced cluster API: MGET split by slot, the parts sent to their
	// masters (or replicas, by spring.data.redis.lettuce.read-from) in parallel, and each
	// script call routed by its one key, to a master since scripts write
	private volatile @Nullable RedisClusterAsyncCommands<byte[], byte[]> shared;

	public EligibilityCache(RedisConnectionFactory connectionFactory, CircuitBreaker breaker,
			TrialEligibilityProperties properties) {
		this.connectionFactory = connectionFactory;
		this.breaker = breaker;
		this.tombstoneTtlMillis = ascii(properties.tombstoneTtl().toMillis());
		// Spring Data's own Lettuce calls wait this long (spring.data.redis.timeout)
		this.timeoutMillis = (connectionFactory instanceof LettuceConnectionFactory lettuce) ? lettuce.getTimeout()
				: 60_000;
		this.sharedNativeConnection = connectionFactory instanceof LettuceConnectionFactory lettuce
				&& lettuce.getShareNativeConnection();
	}

	static String key(long namespaceId) {
		return KEY_PREFIX + namespaceId;
	}

	static byte[] keyBytes(long namespaceId) {
		return NamespaceKeyCodec.keyBytes(namespaceId);
	}

	/**
	 * Reads the given namespaces' values in one MGET.
	 * @param namespaceIds distinct ids
	 * @return the answers and generations, in the order of the ids
	 */
	Read read(List<Long> namespaceIds) {
		return this.breaker.executeSupplier(() -> mget(namespaceIds));
	}

	/**
	 * Writes answers back, one compare-and-set per namespace, pipelined: an answer is
	 * written only where the value still carries the generation read before CDot was
	 * asked.
	 * @param fills what to write
	 * @return how many answers were written
	 */
	long write(Collection<Fill> fills) {
		byte[][] keys = new byte[fills.size()][];
		byte[][][] args = new byte[fills.size()][][];
		int i = 0;
		for (Fill fill : fills) {
			keys[i] = keyBytes(fill.namespaceId());
			args[i] = new byte[][] { CachedValueFormat.generationBytes(fill.generation()),
					CachedValueFormat.encode(fill.generation(), fill.entry()), ascii(fill.ttlMillis()) };
			i++;
		}
		long[] results = this.breaker.executeSupplier(() -> evalEach(WRITE_BACK, keys, args));
		long written = 0;
		for (long result : results) {
			written += result;
		}
		return written;
	}

	/**
	 * Replaces each namespace's value by a tombstone carrying the next generation.
	 * @param namespaceIds the namespaces
	 */
	void invalidate(Collection<Long> namespaceIds) {
		byte[][] keys = new byte[namespaceIds.size()][];
		byte[][][] args = new byte[namespaceIds.size()][][];
		int i = 0;
		for (long id : namespaceIds) {
			keys[i] = keyBytes(id);
			args[i] = new byte[][] { TOMBSTONE_PREFIX, this.tombstoneTtlMillis };
			i++;
		}
		this.breaker.executeSupplier(() -> evalEach(INVALIDATE, keys, args));
	}

	/**
	 * Runs a single-key script once per key, pipelined, through the Redis breaker: the
	 * access other Redis-side parts of the library (the fill leases) share with the
	 * cache.
	 * @param script the script
	 * @param keys one key per call
	 * @param args the arguments of each call
	 * @return each call's integer result (0 where it gave none)
	 */
	long[] runEach(Script script, byte[][] keys, byte[][][] args) {
		return this.breaker.executeSupplier(() -> evalEach(script, keys, args));
	}

	private Read mget(List<Long> namespaceIds) {
		RedisClusterAsyncCommands<byte[], byte[]> shared = shared();
		if (shared != null) {
			return mget(shared, namespaceIds);
		}
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			if (connection instanceof LettuceConnection lettuce) {
				return mget(lettuce.getNativeConnection(), namespaceIds);
			}
			List<byte[]> values = connection.stringCommands().mGet(keys(namespaceIds));
			return checked(CachedValuesOutput.decode((values != null) ? values : List.of()),
					(values != null) ? values.size() : 0, namespaceIds.size());
		}
	}

	private Read mget(RedisClusterAsyncCommands<byte[], byte[]> commands, List<Long> namespaceIds) {
		if (commands instanceof RedisAsyncCommands<byte[], byte[]> standalone) {
			return dispatchMget(standalone, namespaceIds);
		}
		// a cluster: Lettuce splits the MGET by slot and sends the parts in parallel
		List<KeyValue<byte[], byte[]>> values = await(commands.mget(keys(namespaceIds)));
		return checked(CachedValuesOutput.decode(values.stream().map((value) -> value.getValueOrElse(null)).toList()),
				values.size(), namespaceIds.size());
	}

	// the hot path: the keys written from the ids and the values decoded as they arrive
	// (NamespaceKeyCodec, CachedValuesOutput); the command carries its own codec, so the
	// connection's byte-array codec never sees it
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Read dispatchMget(RedisAsyncCommands<byte[], byte[]> connection, List<Long> namespaceIds) {
		RedisAsyncCommands<Long, byte[]> commands = (RedisAsyncCommands) connection;
		CommandArgs<Long, byte[]> args = new CommandArgs<>(NamespaceKeyCodec.INSTANCE).addKeys(namespaceIds);
		CachedValuesOutput output = new CachedValuesOutput(namespaceIds.size());
		Read read = await(commands.dispatch(CommandType.MGET, output, args));
		return checked(read, output.answered(), namespaceIds.size());
	}

	private static byte[][] keys(List<Long> namespaceIds) {
		byte[][] keys = new byte[namespaceIds.size()][];
		for (int i = 0; i < keys.length; i++) {
			keys[i] = keyBytes(namespaceIds.get(i));
		}
		return keys;
	}

	private @Nullable RedisClusterAsyncCommands<byte[], byte[]> shared() {
		if (!this.sharedNativeConnection) {
			return null;
		}
		RedisClusterAsyncCommands<byte[], byte[]> shared = this.shared;
		if (shared != null && isOpen(shared)) {
			return shared;
		}
		// the factory connects (or throws while Redis is down) and hands out its shared
		// one: a RedisAsyncCommands standalone, a RedisAdvancedClusterAsyncCommands on a
		// cluster
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			if (connection instanceof LettuceConnection lettuce) {
				RedisClusterAsyncCommands<byte[], byte[]> commands = lettuce.getNativeConnection();
				this.shared = commands;
				return commands;
			}
			return null;
		}
	}

	private static boolean isOpen(RedisClusterAsyncCommands<byte[], byte[]> commands) {
		if (commands instanceof RedisAdvancedClusterAsyncCommands<byte[], byte[]> cluster) {
			return cluster.getStatefulConnection().isOpen();
		}
		return commands instanceof RedisAsyncCommands<byte[], byte[]> standalone
				&& standalone.getStatefulConnection().isOpen();
	}

	private long[] evalEach(Script script, byte[][] keys, byte[][][] args) {
		RedisClusterAsyncCommands<byte[], byte[]> shared = shared();
		if (shared != null) {
			return evalEach(shared, script, keys, args);
		}
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			if (connection instanceof LettuceConnection lettuce) {
				return evalEach(lettuce.getNativeConnection(), script, keys, args);
			}
			// any other client: Spring Data's pipeline, with the script's text (no
			// NOSCRIPT)
			connection.openPipeline();
			for (int i = 0; i < keys.length; i++) {
				byte[][] keyAndArgs = new byte[1 + args[i].length][];
				keyAndArgs[0] = keys[i];
				System.arraycopy(args[i], 0, keyAndArgs, 1, args[i].length);
				connection.scriptingCommands().eval(script.text, ReturnType.INTEGER, 1, keyAndArgs);
			}
			List<Object> results = connection.closePipeline();
			long[] counts = new long[keys.length];
			for (int i = 0; i < counts.length && i < results.size(); i++) {
				counts[i] = (results.get(i) instanceof Number number) ? number.longValue() : 0;
			}
			return counts;
		}
	}

	// Lettuce's async commands pipeline by themselves: every call is sent before the
	// first
	// answer is awaited
	private long[] evalEach(RedisClusterAsyncCommands<byte[], byte[]> commands, Script script, byte[][] keys,
			byte[][][] args) {
		List<RedisFuture<Long>> calls = new ArrayList<>(keys.length);
		for (int i = 0; i < keys.length; i++) {
			calls.add(commands.evalsha(script.sha1, ScriptOutputType.INTEGER, new byte[][] { keys[i] }, args[i]));
		}
		long[] results = new long[keys.length];
		for (int i = 0; i < keys.length; i++) {
			Long result;
			try {
				result = await(calls.get(i));
			}
			catch (RedisNoScriptException ex) {
				// Redis restarted or flushed its scripts, or the key's master is a
				// promoted replica (scripts are not replicated): EVAL, routed by the
				// same key to the same node, loads it there
				result = await(commands.eval(script.text, ScriptOutputType.INTEGER, new byte[][] { keys[i] }, args[i]));
			}
			results[i] = (result != null) ? result : 0;
		}
		return results;
	}

	private <T> T await(RedisFuture<T> future) {
		try {
			return future.get(this.timeoutMillis, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw new RedisCommandTimeoutException("Redis did not answer within " + this.timeoutMillis + " ms");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Redis", ex);
		}
	}

	private static Read checked(Read read, int answered, int asked) {
		if (answered != asked) {
			throw new IllegalStateException("MGET answered " + answered + " values for " + asked + " keys");
		}
		return read;
	}

	private static byte[] ascii(long value) {
		return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * A script of this package's resources and its SHA-1.
	 */
	static final class Script {

		private final byte[] text;

		private final String sha1;

		Script(String name) {
			RedisScript<Long> script = RedisScript.of(new ClassPathResource("io/cdottrials/gitlab/client/" + name),
					Long.class);
			this.text = script.getScriptAsString().getBytes(StandardCharsets.UTF_8);
			this.sha1 = script.getSha1();
		}

	}

	/**
	 * What Redis holds for the namespaces of one read, by position.
	 *
	 * @param entries the cached answer per position, {@code null} where there is none
	 * (absent, invalidated, older format)
	 * @param generations the generation per position (0 where there is no value)
	 */
	record Read(@Nullable CachedEntry[] entries, long[] generations) {
	}

	/**
	 * One answer to write back.
	 *
	 * @param namespaceId the namespace
	 * @param generation the generation read before CDot was asked
	 * @param entry the answer
	 * @param ttlMillis how long Redis keeps it
	 */
	record Fill(long namespaceId, long generation, CachedEntry entry, long ttlMillis) {
	}

}
