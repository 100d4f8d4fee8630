package io.cdottrials.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers what Spring Security's firewall rejects (an encoded slash, a NUL or control
 * character in a header, parameter or path) with a 400 problem. The firewall's message
 * repeats what the client sent, so it is logged, not answered.
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

	static final String ERROR = "The request contains characters or sequences that are not allowed";

	private static final Logger logger = LoggerFactory.getLogger(ProblemRequestRejectedHandler.class);

	private final ProblemResponses responses;

	ProblemRequestRejectedHandler(ProblemResponses responses) {
		this.responses = responses;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		logger.debug("Rejected request: {}", requestRejectedException.getMessage());
		this.responses.write(response, HttpStatus.BAD_REQUEST, List.of(ERROR));
	}

}
