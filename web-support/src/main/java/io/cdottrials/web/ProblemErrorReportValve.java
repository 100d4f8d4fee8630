package io.cdottrials.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word, for what it rejects before a request reaches the application (a
 * malformed request line or path, headers larger than
 * {@code server.max-http-request-header-size}): a problem like every other answer,
 * instead of Tomcat's HTML page with its version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		int code = response.getStatus();
		if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus status = HttpStatus.resolve(code);
		String error = (status == null || status.is5xxServerError()) ? "An unexpected error occurred"
				: status.getReasonPhrase();
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				// no JSON library here: the only text is a fixed reason phrase
				writer.write("{\"type\":\"about:blank\",\"title\":\"" + error + "\",\"status\":" + code
						+ ",\"detail\":\"" + error + "\",\"success\":false,\"errors\":[\"" + error + "\"]}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client went away: nothing to answer
		}
	}

}
