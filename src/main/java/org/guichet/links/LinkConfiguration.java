package org.guichet.links;

import java.net.URI;
import java.net.URISyntaxException;

import org.guichet.system.KeptKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The key that signs links ({@code guichet.links.key}, base64, at least 32 bytes) and the address
 * links start with ({@code guichet.base-url}). Without a configured key, one is generated at the
 * first start and kept in the data folder by {@link KeptKeys} (the file {@value #KEY_FILE}, readable by
 * its owner only): enough for one node; nodes that share a database must be given the same key. Without a
 * base URL, links start with {@code http://localhost:<server.port>}, which only the demo and a
 * desk that sends no mail can live with: once mail goes out ({@code spring.mail.host}) outside the
 * demo ({@code guichet.demo.enabled}), Guichet refuses to start without it.
 */
@Configuration(proxyBeanMethods = false)
class LinkConfiguration {

	static final String KEY_FILE = "links.key";

	@Bean
	LinkSigner linkSigner(Environment environment) {
		try {
			return new LinkSigner(KeptKeys.configuredOrKept(environment, "guichet.links.key", KEY_FILE,
					LinkSigner.MIN_KEY_BYTES, "signs links"));
		}
		catch (KeptKeys.KeySettingException ex) {
			throw new LinkSettingMissingException(ex.property(), ex.problem());
		}
	}

	@Bean
	LinkBaseUrl linkBaseUrl(Environment environment) {
		String configured = environment.getProperty("guichet.base-url", "").strip();
		if (configured.isEmpty()) {
			if (!demo(environment) && !environment.getProperty("spring.mail.host", "").isBlank()) {
				throw new LinkSettingMissingException("guichet.base-url",
						"no base URL is configured, and the links in the mails sent need one");
			}
			configured = "http://localhost:" + environment.getProperty("server.port", "8080");
		}
		try {
			URI uri = new URI(configured);
			if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
					|| uri.getQuery() != null || uri.getFragment() != null) {
				throw new URISyntaxException(configured, "an http or https address without query or fragment");
			}
		}
		catch (URISyntaxException ex) {
			throw new LinkSettingMissingException("guichet.base-url",
					"«" + configured + "» is not an http or https address without query or fragment");
		}
		return new LinkBaseUrl(configured.replaceAll("/+$", ""));
	}

	private static boolean demo(Environment environment) {
		return environment.getProperty("guichet.demo.enabled", Boolean.class, false);
	}

	/** The address links start with, without a trailing slash, e.g. {@code https://guichet.example.org}. */
	record LinkBaseUrl(String value) {
	}

}
