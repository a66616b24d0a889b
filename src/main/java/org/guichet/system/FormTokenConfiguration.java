package org.guichet.system;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.handler.MappedInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.support.RequestDataValueProcessor;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One-time form tokens on every web form (ADR 009): {@link FormTokenFields} writes a token into
 * each rendered {@code POST} form, {@link FormTokenInterceptor} processes each token once on
 * every {@code POST} outside the REST API, which has its own {@code Idempotency-Key}.
 */
@Configuration(proxyBeanMethods = false)
class FormTokenConfiguration {

	@Bean
	MappedInterceptor formTokenInterceptor(FormSubmissions submissions) {
		return new MappedInterceptor(new String[] { "/**" }, new String[] { "/api/**" },
				new HttpMethod[] { HttpMethod.POST }, null, new FormTokenInterceptor(submissions),
				PathPatternParser.defaultInstance);
	}

	/**
	 * Wraps the processor Spring Security registers under the name views look up (the one that
	 * adds the CSRF token), so that forms get both hidden fields.
	 */
	@Bean
	static BeanPostProcessor formTokenFields() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (RequestContextUtils.REQUEST_DATA_VALUE_PROCESSOR_BEAN_NAME.equals(name)
						&& bean instanceof RequestDataValueProcessor processor) {
					return new FormTokenFields(processor);
				}
				return bean;
			}
		};
	}

}
