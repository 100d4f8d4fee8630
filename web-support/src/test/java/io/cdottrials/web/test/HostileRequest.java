package io.cdottrials.web.test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One request as it goes over the wire.
 *
 * @param method the method
 * @param target the request target, percent-encoded or not, as sent
 * @param headers the headers
 * @param body the body, {@code null} for none
 */
public record HostileRequest(String method, String target, Map<String, String> headers, byte @Nullable [] body) {

	/**
	 * Sends it.
	 * @param port the service's port
	 * @return the answer
	 */
	public RawHttp.Reply send(int port) {
		return RawHttp.send(port, this.method, this.target, this.headers, this.body);
	}

	@Override
	public String toString() {
		String shownTarget = (this.target.length() > 200) ? this.target.substring(0, 200) + "..." : this.target;
		String shownBody = (this.body == null) ? ""
				: new String(this.body, 0, Math.min(this.body.length, 200), StandardCharsets.ISO_8859_1);
		java.util.Map<String, String> shownHeaders = new java.util.LinkedHashMap<>();
		this.headers.forEach((name, value) -> shownHeaders.put(name,
				(value.length() > 60) ? value.substring(0, 60) + "...(" + value.length() + ")" : value));
		return this.method + " " + shownTarget + " " + shownHeaders + " body["
				+ ((this.body != null) ? this.body.length : 0) + "]: " + shownBody;
	}

}
