package org.guichet.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * A secret key taken from the configuration, or else generated at the first start and kept in the
 * data folder ({@code guichet.data-dir}, default {@code ./data}) in a file readable by its owner
 * only: enough for one node; nodes that share a database must be given the same key. Used by the
 * signed links ({@code guichet.links.key}) and the mailboxes' passwords ({@code guichet.mail.secret-key}).
 */
public final class KeptKeys {

	private static final Logger log = LoggerFactory.getLogger(KeptKeys.class);

	private KeptKeys() {
	}

	/**
	 * The key configured as {@code property} (base64), or the one kept in {@code fileName} of the
	 * data folder, generated with {@code minBytes} random bytes when the file does not exist yet.
	 *
	 * @param purpose what the key is for, in English, for the log line written when it is generated
	 * @throws KeySettingException when the configured key is not base64 or has fewer than {@code minBytes}
	 * @throws UncheckedIOException when the kept file cannot be read or written
	 */
	public static byte[] configuredOrKept(Environment environment, String property, String fileName, int minBytes,
			String purpose) {
		String configured = environment.getProperty(property, "").strip();
		if (configured.isEmpty()) {
			return kept(Path.of(environment.getProperty("guichet.data-dir", "./data")).resolve(fileName), minBytes,
					property, purpose);
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(configured);
		}
		catch (IllegalArgumentException ex) {
			throw new KeySettingException(property, "the key is not valid base64");
		}
		if (key.length < minBytes) {
			throw new KeySettingException(property,
					"the key has " + key.length + " bytes, at least " + minBytes + " are needed");
		}
		return key;
	}

	private static byte[] kept(Path file, int bytes, String property, String purpose) {
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
			}
			byte[] key = new byte[bytes];
			new SecureRandom().nextBytes(key);
			DurableFiles.write(file, Base64.getEncoder().encodeToString(key) + System.lineSeparator());
			log.info("Generated the key that {} in {}: nodes sharing a database need the same {}", purpose,
					file.toAbsolutePath(), property);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write " + file, ex);
		}
	}

	/** A configured key that cannot be used: Guichet does not start. */
	public static class KeySettingException extends RuntimeException {

		private final String property;

		private final String problem;

		public KeySettingException(String property, String problem) {
			super(property + ": " + problem);
			this.property = property;
			this.problem = problem;
		}

		/** What is wrong with the configured value, e.g. "the key is not valid base64". */
		public String problem() {
			return problem;
		}

		/** The configuration key to set, e.g. {@code guichet.links.key}. */
		public String property() {
			return property;
		}

	}

}
