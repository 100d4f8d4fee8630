package io.cdottrials.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * CDot's eligibility endpoint as the GitLab side calls it, answering every namespace it
 * is asked about (eligible for an Ultimate and a Duo Pro trial), and counting the calls:
 * a lookup measured as "all cached" must make none. The JDK's own HTTP server: a WireMock
 * stub answers only the id lists it was given in advance.
 */
final class CdotEligibilityStub implements AutoCloseable {

	private static final Pattern ID = Pattern.compile("\\d+");

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final AtomicLong calls = new AtomicLong();

	CdotEligibilityStub() throws IOException {
		// without it the answer's headers and body wait on a delayed ACK: 40 ms a call
		System.setProperty("sun.net.httpserver.nodelay", "true");
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/api/v1/gitlab/namespaces/trials/eligibility", this::answer);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Eligibility requests answered so far.
	 * @return the count
	 */
	long calls() {
		return this.calls.get();
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.calls.incrementAndGet();
		String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		List<Long> ids = new ArrayList<>();
		// the body is {"namespace_ids":[1,2,…]}: its only numbers are the ids
		Matcher matcher = ID.matcher(request);
		while (matcher.find()) {
			ids.add(Long.valueOf(matcher.group()));
		}
		byte[] body = EligibilityLookupBenchmark.eligibilityBody(ids).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
