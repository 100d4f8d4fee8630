package io.cdottrials.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}): what Tomcat or a filter rejects before
 * Spring MVC runs ends here, and is answered as a problem like everything else. Unlike
 * Boot's {@code BasicErrorController} it never shows an exception's class, message or
 * stack trace, whatever {@code server.error.include-*} says.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

	private final ProblemResponses responses;

	ProblemErrorController(ProblemResponses responses) {
		this.responses = responses;
	}

	@RequestMapping
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = status(request);
		String error = status.is5xxServerError() ? "An unexpected error occurred" : status.getReasonPhrase();
		this.responses.write(response, status, List.of(error));
	}

	private static HttpStatus status(HttpServletRequest request) {
		for (Object cause = request
			.getAttribute(RequestDispatcher.ERROR_EXCEPTION); cause instanceof Throwable thrown; cause = (thrown
				.getCause() != thrown) ? thrown.getCause() : null) {
			HttpStatus status = clientError(thrown);
			if (status != null) {
				return status;
			}
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		if (status == null) {
			// /error asked for directly: there is no error to report
			return HttpStatus.NOT_FOUND;
		}
		return (status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	/**
	 * The client's mistake a filter failed on before Spring MVC ran (Spring's form
	 * filter, Tomcat's parameter parsing, the firewall), or {@code null}.
	 */
	private static @Nullable HttpStatus clientError(Throwable thrown) {
		if (thrown instanceof RequestRejectedException || thrown instanceof HttpMessageNotReadableException) {
			return HttpStatus.BAD_REQUEST;
		}
		if (thrown instanceof InvalidParameterException invalid) {
			HttpStatus status = HttpStatus.resolve(invalid.getErrorCode());
			return (status != null && status.is4xxClientError()) ? status : HttpStatus.BAD_REQUEST;
		}
		if (thrown instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
			return HttpStatus.resolve(response.getStatusCode().value());
		}
		return null;
	}

}
