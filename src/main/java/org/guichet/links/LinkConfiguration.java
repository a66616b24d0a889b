package org.guichet.links;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.guichet.system.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The key that signs links ({@code guichet.links.key}, base64, at least 32 bytes) and the address
 * links start with ({@code guichet.base-url}). Without a configured key, one is generated at the
 * first start and kept in the data folder (the file {@value #KEY_FILE}, readable by its owner
 * only): enough for one node; nodes that share a database must be given the same key. Without a
 * base URL, links start with {@code http://localhost:<server.port>}, which only the demo and a
 * desk that sends no mail can live with: once mail goes out ({@code spring.mail.host}) outside the
 * demo ({@code guichet.demo.enabled}), Guichet refuses to start without it.
 */
@Configuration(proxyBeanMethods = false)
class LinkConfiguration {

	static final String KEY_FILE = "links.key";

	private static final Logger log = LoggerFactory.getLogger(LinkConfiguration.class);

	@Bean
	LinkSigner linkSigner(Environment environment) {
		String configured = environment.getProperty("guichet.links.key", "").strip();
		if (configured.isEmpty()) {
			return new LinkSigner(keptKey(Path.of(environment.getProperty("guichet.data-dir", "./data"))));
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(configured);
		}
		catch (IllegalArgumentException ex) {
			throw new LinkSettingMissingException("guichet.links.key", "the key is not valid base64");
		}
		if (key.length < LinkSigner.MIN_KEY_BYTES) {
			throw new LinkSettingMissingException("guichet.links.key",
					"the key has " + key.length + " bytes, at least " + LinkSigner.MIN_KEY_BYTES + " are needed");
		}
		return new LinkSigner(key);
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

	/** The key generated at the first start with this data folder and read at the next ones. */
	private static byte[] keptKey(Path dataDir) {
		Path file = dataDir.resolve(KEY_FILE);
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
			}
			byte[] key = new byte[LinkSigner.MIN_KEY_BYTES];
			new SecureRandom().nextBytes(key);
			DurableFiles.write(file, Base64.getEncoder().encodeToString(key) + System.lineSeparator());
			log.info("Generated the key that signs links in {}: nodes sharing a database need the same guichet.links.key",
					file.toAbsolutePath());
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write " + file, ex);
		}
	}

	/** The address links start with, without a trailing slash, e.g. {@code https://guichet.example.org}. */
	record LinkBaseUrl(String value) {
	}

}
