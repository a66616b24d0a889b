package org.guichet.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * axe-core's script ({@link AccessibilityCheck}) served by the test server at {@link #PATH}, cached
 * by the browser for a day. A page loads it as a script of its own origin, which the site's policy
 * ({@code script-src 'self'}) lets through unchanged, and Chromium keeps it compiled from one page
 * to the next (its code cache), where a script given by WebDriver is sent, parsed and compiled
 * again on every page. Not in the product: a test configuration of {@link GuichetIntegrationTest}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AxeScriptRoute {

	/** Under {@code /js/}, open to anyone as the product's own scripts are: the login pages are checked too. */
	public static final String PATH = "/js/test/axe.min.js";

	@Bean
	SimpleUrlHandlerMapping axeScriptMapping() {
		byte[] script = AccessibilityCheck.axeScript().getBytes(StandardCharsets.UTF_8);
		HttpRequestHandler handler = (request, response) -> {
			response.setContentType("text/javascript;charset=UTF-8");
			response.setHeader("Cache-Control", "max-age=86400");
			response.getOutputStream().write(script);
		};
		return new SimpleUrlHandlerMapping(Map.of(PATH, handler), Ordered.HIGHEST_PRECEDENCE);
	}

}
