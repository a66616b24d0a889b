package org.guichet.mail.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The messages of {@code mail/corpus/} and their expectations from its {@code manifest.txt}. */
final class MailCorpus {

	/**
	 * @param file the message's file name
	 * @param expected each key with its values in the order written (a key may repeat)
	 */
	record Entry(String file, Map<String, List<String>> expected) {

		byte[] bytes() {
			return MailCorpus.bytes(file);
		}

		@Override
		public String toString() {
			return file;
		}

	}

	private MailCorpus() {
	}

	static List<Entry> entries() {
		List<Entry> entries = new ArrayList<>();
		for (String line : new String(bytes("manifest.txt"), StandardCharsets.UTF_8).split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int colon = line.indexOf(".eml: ");
			Map<String, List<String>> expected = new LinkedHashMap<>();
			for (String pair : line.substring(colon + 6).split(" \\| ")) {
				int equals = pair.indexOf('=');
				expected.computeIfAbsent(pair.substring(0, equals), key -> new ArrayList<>()).add(pair.substring(equals + 1));
			}
			entries.add(new Entry(line.substring(0, colon + 4), expected));
		}
		return entries;
	}

	static byte[] bytes(String file) {
		try (InputStream in = MailCorpus.class.getResourceAsStream("/mail/corpus/" + file)) {
			if (in == null) {
				throw new IllegalArgumentException("Not in the corpus: " + file);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
