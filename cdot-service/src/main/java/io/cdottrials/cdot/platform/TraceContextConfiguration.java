package io.cdottrials.cdot.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

/**
 * Carries the trace of the thread that hands work to Boot's task executor into the task.
 * The outbox listeners ({@code @ApplicationModuleListener}, asynchronous) then run in the
 * trace of the request whose transaction published the event, and the webhook they send
 * carries that trace's {@code traceparent} to GitLab. Boot applies the one
 * {@code TaskDecorator} bean to its executor and to its executor builder.
 */
@Configuration(proxyBeanMethods = false)
class TraceContextConfiguration {

	@Bean
	ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
		return new ContextPropagatingTaskDecorator();
	}

}
