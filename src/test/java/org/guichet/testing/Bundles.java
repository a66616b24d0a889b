package org.guichet.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The message bundles of one language, every base name together, read from the sources: for unit
 * tests checking that a text the code picks by key exists in French and in English.
 */
public final class Bundles {

	private static final Path BUNDLES = Path.of("src/main/resources/i18n");

	private Bundles() {
	}

	/**
	 * @param suffix {@code ""} for English, {@code "_fr"} for French
	 * @return every key of the language's bundles with its text
	 */
	public static Properties of(String suffix) {
		Properties all = new Properties();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			for (Path file : files.filter(f -> f.getFileName().toString().matches("[a-z]+" + suffix + "\\.properties"))
				.toList()) {
				try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					all.load(reader);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return all;
	}

}
