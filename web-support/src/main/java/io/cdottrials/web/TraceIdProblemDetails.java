package io.cdottrials.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Adds the request's {@code trace_id} to every problem detail an endpoint or exception
 * handler answers with, so that a caller quoting an error body leads straight to the log
 * lines of that request (docs/operations.md, "Logs and traces"). Apart from the exception
 * handlers on purpose: whoever writes a problem need not remember it. Without a tracer (a
 * test slice), problems go out as they are.
 */
@RestControllerAdvice
public class TraceIdProblemDetails implements ResponseBodyAdvice<Object> {

	/** The problem detail property holding the W3C trace id (32 hex digits). */
	public static final String TRACE_ID = "trace_id";

	private final Tracer tracer;

	TraceIdProblemDetails(ObjectProvider<Tracer> tracer) {
		this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem) {
			Span span = this.tracer.currentSpan();
			if (span != null) {
				problem.setProperty(TRACE_ID, span.context().traceId());
			}
		}
		return body;
	}

}
