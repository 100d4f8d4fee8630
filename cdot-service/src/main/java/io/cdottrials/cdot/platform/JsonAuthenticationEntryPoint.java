package io.cdottrials.cdot.platform;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a missing or wrong credential with a JSON 401 in the API's error shape. The
 * body never repeats what the caller sent.
 */
final class JsonAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final JsonMapper jsonMapper;

	private final String challenge;

	JsonAuthenticationEntryPoint(JsonMapper jsonMapper, String challenge) {
		this.jsonMapper = jsonMapper;
		this.challenge = challenge;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader("WWW-Authenticate", this.challenge);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.jsonMapper.writeValue(response.getOutputStream(),
				ApiProblems.of(HttpStatus.UNAUTHORIZED, List.of("Missing or invalid credentials")));
	}

}
