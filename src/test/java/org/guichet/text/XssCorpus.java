package org.guichet.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The known XSS payloads of {@code text/xss-corpus.md}, for the unit and browser tests. */
public final class XssCorpus {

	private XssCorpus() {
	}

	/** Each payload as written, without the file's header. */
	public static List<String> payloads() {
		try (InputStream in = XssCorpus.class.getResourceAsStream("/text/xss-corpus.md")) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			List<String> blocks = Arrays.asList(text.split("\n=====\n"));
			return blocks.subList(1, blocks.size()).stream().map(String::strip).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
