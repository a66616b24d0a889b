package org.guichet.system;

import java.time.Duration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static assets (Guichet's CSS and scripts, the WebJars) are served under versioned URLs that
 * carry a hash of their content ({@code /css/guichet-3f1c….css}), cached by browsers for a year
 * as immutable: a changed file gets a new URL. Pages stay uncached (Spring Security's
 * {@code no-store}, written only where no handler set a {@code Cache-Control} of its own).
 * <p>
 * Spring Boot's catch-all {@code /**} static mapping is off
 * ({@code spring.web.resources.add-mappings=false}): with it, rewriting a page's links looked for
 * every link (to a ticket, a queue…) on the class path, two thirds of the time of a queue page.
 * With only these prefixes mapped, a link outside them is answered at once, and a link to
 * an asset is resolved once and then read from the resource chain's cache.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private static final CacheControl ONE_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : new String[] { "css", "js", "img" }) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(ONE_YEAR)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(ONE_YEAR)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
			.addResolver(new LiteWebJarsResourceResolver());
	}

	/**
	 * Refuses a query parameter an operation of the API does not declare ({@link UndeclaredParameters}).
	 * Not the SMS gateways' webhooks: their URL, query string included, is written by whoever sets
	 * up the gateway, and signed as it is.
	 */
	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new UndeclaredParameters())
			.addPathPatterns("/api/v1/**")
			.excludePathPatterns("/api/v1/sms/inbound/**");
	}

	/**
	 * Refuses an upload over the multipart limits clearly, before Spring Security reads the
	 * request's parameters (its filters come at -100): see {@link UploadSizeFilter}.
	 */
	@Bean
	FilterRegistrationBean<UploadSizeFilter> uploadSizeFilter(MessageSource messages, Problems problems) {
		FilterRegistrationBean<UploadSizeFilter> registration = new FilterRegistrationBean<>(
				new UploadSizeFilter(messages, problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * Shows the first page, with a message, for a page number that is not one: see
	 * {@link PageNumberFilter}. After Spring Security's filters, which need not see it.
	 */
	@Bean
	FilterRegistrationBean<PageNumberFilter> pageNumberFilter() {
		FilterRegistrationBean<PageNumberFilter> registration = new FilterRegistrationBean<>(new PageNumberFilter());
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

	/** Rewrites the links of every page to the assets' versioned URLs (Thymeleaf's {@code @{…}}). */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		return new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
	}

}
