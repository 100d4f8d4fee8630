package io.cdottrials.gitlab.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.cdottrials.testsupport.debian.DebianPackage;
import io.cdottrials.testsupport.server.SharedTestServer;
import io.cdottrials.testsupport.server.SharedTestServer.Started;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * The one Redis Cluster of a test JVM: three masters and three replicas on loopback, from
 * Debian's {@code redis-server} (installed with apt-get when absent), each node a process
 * of its own in a temporary directory. Started on first use and stopped after the last
 * context that uses it ({@link SharedTestServer}), or by a JVM shutdown hook.
 * <p>
 * {@link #killMaster()}, {@link #awaitPromotion(Node)} and {@link #restart(Node)} take a
 * master through a failover and back, for the failover tests.
 */
public final class TestRedisCluster {

	/** How long a node may be unreachable before the others count it as failed. */
	public static final Duration NODE_TIMEOUT = Duration.ofMillis(1000);

	private static final DebianPackage REDIS = new DebianPackage("Redis Cluster tests", List.of("redis-server"),
			Path.of("/usr/bin/redis-server"), Path.of("/usr/bin/redis-cli"));

	private static final Duration STARTUP = Duration.ofSeconds(60);

	private static final Logger logger = LoggerFactory.getLogger(TestRedisCluster.class);

	private static final SharedTestServer<Nodes> server = SharedTestServer.of(TestRedisCluster::start);

	private TestRedisCluster() {
	}

	/**
	 * Starts the cluster on first use.
	 * @return its nodes as {@code host:port}, for {@code spring.data.redis.cluster.nodes}
	 */
	public static List<String> nodes() {
		return server.with((nodes) -> nodes.all().stream().map(Node::address).toList());
	}

	/**
	 * Records that a context uses the cluster, so that it is closed before the cluster
	 * stops.
	 * @param context the context
	 */
	public static void usedBy(ConfigurableApplicationContext context) {
		server.usedBy(context);
	}

	/**
	 * Kills a master with SIGKILL (no goodbye to the other nodes, as when a machine dies)
	 * and returns at once.
	 * @return the killed node
	 */
	public static Node killMaster() {
		Node master = server.with((nodes) -> nodes.all()
			.stream()
			.filter((node) -> node.running() && role(node).equals("master"))
			.findFirst()
			.orElseThrow());
		master.kill();
		return master;
	}

	/**
	 * Waits until a replica took over the killed master's slots and every running node
	 * says the cluster is ok.
	 * @param killed the killed master
	 */
	public static void awaitPromotion(Node killed) {
		await("a replica of " + killed.address() + " promoted").atMost(STARTUP)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> running().allMatch((node) -> clusterOk(node) && !failingOver(node, killed)));
	}

	/**
	 * Starts a killed node again and waits until it rejoined as a replica, in sync with
	 * its master, and every node says the cluster is ok.
	 * @param killed the killed node
	 */
	public static void restart(Node killed) {
		long startedAt = System.nanoTime();
		killed.start();
		await(killed.address() + " back as a replica").atMost(STARTUP)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> info(killed, "replication").contains("master_link_status:up")
					&& running().allMatch(TestRedisCluster::clusterOk));
		logger.info("{} back as a replica in {} ms", killed.address(), elapsedMillis(startedAt));
	}

	private static long elapsedMillis(long startedAt) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
	}

	/**
	 * How often the running masters, or the running replicas, have run a command.
	 * @param command the command, e.g. {@code mget}
	 * @param onMasters masters ({@code true}) or replicas ({@code false})
	 * @return the calls summed over those nodes ({@code INFO commandstats})
	 */
	public static long calls(String command, boolean onMasters) {
		String prefix = "cmdstat_" + command.toLowerCase(Locale.ROOT) + ":calls=";
		return running().filter((node) -> role(node).equals("master") == onMasters)
			.flatMap((node) -> info(node, "commandstats").lines())
			.filter((line) -> line.startsWith(prefix))
			.mapToLong((line) -> Long.parseLong(line.substring(prefix.length(), line.indexOf(',', prefix.length()))))
			.sum();
	}

	private static Stream<Node> running() {
		return server.with((nodes) -> nodes.all().stream().filter(Node::running).toList()).stream();
	}

	// a node that still lists the killed one as a master holding slots has not seen
	// the promotion yet
	private static boolean failingOver(Node node, Node killed) {
		for (String line : cli(node, "cluster", "nodes").split("\n")) {
			String[] fields = line.split(" ");
			if (fields.length > 8 && fields[1].startsWith(killed.address() + "@") && fields[2].contains("master")) {
				return true;
			}
		}
		return false;
	}

	private static boolean clusterOk(Node node) {
		String info = cli(node, "cluster", "info");
		return info.contains("cluster_state:ok") && info.contains("cluster_slots_ok:16384");
	}

	private static String role(Node node) {
		return info(node, "replication").contains("role:master") ? "master" : "replica";
	}

	private static String info(Node node, String section) {
		return cli(node, "info", section);
	}

	private static Started<Nodes> start() {
		REDIS.ensureInstalled();
		long startedAt = System.nanoTime();
		Path root;
		try {
			root = Files.createTempDirectory("redis-cluster-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Node> all = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			all.add(new Node(root.resolve("node-" + i), TestRedis.freePort(), TestRedis.freePort()));
		}
		Nodes nodes = new Nodes(all, root);
		Started<Nodes> started = new Started<>(nodes, nodes::stop);
		// the fallback when the run ends without the session listener: no redis-server
		// may outlive the JVM
		Runtime.getRuntime().addShutdownHook(new Thread(started.stop()));
		try {
			all.forEach(Node::start);
			List<String> create = new ArrayList<>(List.of("/usr/bin/redis-cli", "--cluster", "create"));
			all.forEach((node) -> create.add(node.address()));
			create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
			run(create);
			await("cluster ok on every node").atMost(STARTUP)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> all.stream()
					.allMatch(
							(node) -> clusterOk(node) && cli(node, "cluster", "info").contains("cluster_known_nodes:6")
									&& (role(node).equals("master")
											|| info(node, "replication").contains("master_link_status:up"))));
			logger.info("Redis Cluster of 6 nodes up in {} ms: {}", elapsedMillis(startedAt),
					all.stream().map(Node::address).toList());
			return started;
		}
		catch (RuntimeException | Error ex) {
			started.stop().run();
			throw ex;
		}
	}

	private static String cli(Node node, String... command) {
		List<String> line = new ArrayList<>(
				List.of("/usr/bin/redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(node.port())));
		line.addAll(List.of(command));
		return run(line);
	}

	private static String run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(command + " did not finish");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(command + " exited with " + process.exitValue() + ": " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The six nodes and their directory.
	 */
	private record Nodes(List<Node> all, Path root) {

		void stop() {
			this.all.forEach(Node::kill);
			try (Stream<Path> files = Files.walk(this.root)) {
				files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
			catch (IOException ex) {
				// a temporary directory left behind is no reason to fail the run
			}
		}

	}

	/**
	 * One {@code redis-server} process of the cluster.
	 */
	public static final class Node {

		private final Path directory;

		private final int port;

		private final int busPort;

		private volatile Process process;

		Node(Path directory, int port, int busPort) {
			this.directory = directory;
			this.port = port;
			this.busPort = busPort;
		}

		public String address() {
			return "127.0.0.1:" + this.port;
		}

		int port() {
			return this.port;
		}

		boolean running() {
			Process current = this.process;
			return current != null && current.isAlive();
		}

		void start() {
			try {
				Files.createDirectories(this.directory);
				// the bus port is set, not port + 10000, which a free port above 55535
				// would not have; nodes.conf survives a restart, so a killed node
				// rejoins as who it was
				Path config = this.directory.resolve("redis.conf");
				Files.writeString(config,
						String.join("\n", "port " + this.port, "bind 127.0.0.1", "cluster-enabled yes",
								"cluster-config-file nodes.conf", "cluster-port " + this.busPort,
								"cluster-node-timeout " + NODE_TIMEOUT.toMillis(),
								// a replica takes over however long it was cut off
								"cluster-replica-validity-factor 0", "appendonly no", "save \"\"",
								"dir " + this.directory, "daemonize no", "loglevel warning", ""));
				this.process = new ProcessBuilder("/usr/bin/redis-server", config.toString()).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("redis.log").toFile()))
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start redis-server on " + address(), ex);
			}
			await(address() + " answering").atMost(STARTUP)
				.pollInterval(Duration.ofMillis(20))
				.ignoreExceptions()
				.until(() -> cli(this, "ping").contains("PONG"));
		}

		void kill() {
			Process current = this.process;
			if (current != null && current.isAlive()) {
				current.destroyForcibly();
				try {
					current.waitFor(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

}
