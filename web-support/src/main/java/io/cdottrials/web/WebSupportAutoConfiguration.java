package io.cdottrials.web;

import io.micrometer.tracing.Tracer;
import org.apache.catalina.core.StandardHost;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Makes every answer a service gives outside its controllers a problem too: the
 * container's error page and Tomcat's own error report, the security firewall's
 * rejections, media-type headers that are not media types, and bodies larger than any
 * endpoint takes. Controllers' exceptions are the service's {@link ApiExceptionAdvice}.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebSupportProperties.class)
public final class WebSupportAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ProblemResponses problemResponses(JsonMapper jsonMapper, ObjectProvider<Tracer> tracer) {
		return new ProblemResponses(jsonMapper, tracer.getIfAvailable(() -> Tracer.NOOP));
	}

	/**
	 * No observations of Spring Security's own: they would wrap every filter of every
	 * chain in an observation, a span and timers per request (a few percent of an
	 * eligibility answer's CPU in a profile), while the request's own observation
	 * ({@code http.server.requests} and its span) already covers the whole chain.
	 * @return the settings
	 */
	@Bean
	@ConditionalOnMissingBean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@ConditionalOnMissingBean
	StaticCredentials staticCredentials(ProblemResponses responses) {
		return new StaticCredentials(responses);
	}

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemErrorController problemErrorController(ProblemResponses responses) {
		return new ProblemErrorController(responses);
	}

	@Bean
	@ConditionalOnMissingBean
	RequestRejectedHandler problemRequestRejectedHandler(ProblemResponses responses) {
		return new ProblemRequestRejectedHandler(responses);
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		});
	}

	@Bean
	FilterRegistrationBean<HeaderGuardFilter> headerGuardFilter(ProblemResponses responses) {
		FilterRegistrationBean<HeaderGuardFilter> registration = new FilterRegistrationBean<>(
				new HeaderGuardFilter(responses));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(WebSupportProperties properties,
			ProblemResponses responses) {
		FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
				new BodySizeLimitFilter(properties.maxBodySize().toBytes(), responses));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestLogFilter> requestLogFilter() {
		FilterRegistrationBean<RequestLogFilter> registration = new FilterRegistrationBean<>(new RequestLogFilter());
		// after Boot's ServerHttpObservationFilter (HIGHEST_PRECEDENCE + 1), which opens
		// the trace; before Spring Security, so that refused requests are logged too
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tracer.class)
	static class TraceIdConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TraceIdProblemDetails traceIdProblemDetails(ObjectProvider<Tracer> tracer) {
			return new TraceIdProblemDetails(tracer);
		}

	}

}
