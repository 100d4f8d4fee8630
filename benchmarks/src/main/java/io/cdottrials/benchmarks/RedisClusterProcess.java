package io.cdottrials.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * A Redis Cluster of 3 masters with one replica each on loopback, from Debian's
 * {@code redis-server}: six {@code redis-server --cluster-enabled yes} processes, joined
 * by {@code redis-cli --cluster create … --cluster-replicas 1 --cluster-yes}, ready when
 * every node reports {@code cluster_state:ok} and knows all six.
 * <p>
 * What it shares with gitlab-client's test {@code TestRedisCluster} (branch
 * {@code cluster}) and could be folded into test-support with it: the Debian package
 * ({@link RedisServerProcess#REDIS}), a port whose bus port (+10000) is free, the node
 * options, the {@code --cluster create} call and the wait for {@code cluster_state:ok}.
 * What the benchmark does not need: killing a master.
 */
final class RedisClusterProcess implements AutoCloseable {

	static final int MASTERS = 3;

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private final List<RedisServerProcess> nodes = new ArrayList<>();

	private RedisClusterProcess() {
	}

	/**
	 * Starts the six nodes, creates the cluster and waits until it serves every slot.
	 * @param directory where each node keeps its {@code nodes.conf} and log
	 * @return the running cluster
	 * @throws IOException when a node or {@code redis-cli} cannot run
	 * @throws InterruptedException when interrupted
	 */
	static RedisClusterProcess start(Path directory) throws IOException, InterruptedException {
		RedisClusterProcess cluster = new RedisClusterProcess();
		try {
			for (int i = 0; i < MASTERS * 2; i++) {
				int port = RedisServerProcess.freePortWithBus();
				cluster.nodes.add(RedisServerProcess.start(directory.resolve("node-" + port), port, "--cluster-enabled",
						"yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000"));
			}
			cluster.create(directory.resolve("cluster-create.log"));
			cluster.awaitReady();
			return cluster;
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			cluster.close();
			throw ex;
		}
	}

	/**
	 * The ports of the nodes on 127.0.0.1, masters and replicas.
	 * @return six ports
	 */
	List<Integer> ports() {
		return this.nodes.stream().map(RedisServerProcess::port).toList();
	}

	private void create(Path log) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("/usr/bin/redis-cli", "--cluster", "create"));
		this.nodes.forEach((node) -> command.add("127.0.0.1:" + node.port()));
		command.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("redis-cli --cluster create did not end within " + READY_TIMEOUT);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException("redis-cli --cluster create exited with " + process.exitValue() + ":\n"
					+ Files.readString(log, StandardCharsets.UTF_8));
		}
	}

	private void awaitReady() throws InterruptedException {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		for (RedisServerProcess node : this.nodes) {
			RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", node.port()));
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				String info = connection.sync().clusterInfo();
				while (!(info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + MASTERS * 2))) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("the cluster was not ready within " + READY_TIMEOUT + "; node "
								+ node.port() + " reports:\n" + info);
					}
					TimeUnit.MILLISECONDS.sleep(100);
					info = connection.sync().clusterInfo();
				}
			}
			finally {
				client.shutdown();
			}
		}
	}

	@Override
	public void close() {
		this.nodes.forEach(RedisServerProcess::close);
	}

}
