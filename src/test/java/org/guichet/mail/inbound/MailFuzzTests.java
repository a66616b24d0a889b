package org.guichet.mail.inbound;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.guichet.testing.TestSweep;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded mutations of the corpus (docs/adr/002): byte flips, truncation, corrupted boundaries,
 * folded and huge headers, deep nesting, spliced messages. Reading never throws, keeps the raw
 * bytes, gives a Message-ID, and its HTML holds nothing active. The everyday run reads a few
 * thousand mutants; {@code -Pfull} ({@code guichet.test.sweep=full}) reads 100,000.
 */
class MailFuzzTests {

	private static final long SEED = 20251103L;

	private static final int CASES = TestSweep.full() ? 100_000 : 2_500;

	private static final List<String> ACTIVE_TAGS = List.of("script", "style", "iframe", "frame", "object", "embed",
			"form", "input", "button", "textarea", "select", "svg", "math", "base", "meta", "link", "video", "audio");

	@Test
	void mutatedMailIsReadWithoutThrowingAndKeepsItsRawBytesAndInertHtml() {
		List<byte[]> corpus = MailCorpus.entries().stream().map(MailCorpus.Entry::bytes).toList();
		Random random = new Random(SEED);
		for (int i = 0; i < CASES; i++) {
			byte[] original = corpus.get(random.nextInt(corpus.size()));
			byte[] mutant = mutate(original, random, corpus);
			InboundMail mail;
			try {
				mail = InboundMails.read(mutant, 1 + random.nextInt(4096));
			}
			catch (Throwable thrown) {
				throw new AssertionError("case " + i + " (seed " + SEED + ") threw", thrown);
			}
			if (mail.raw() != mutant || mail.messageId().isBlank()) {
				fail("case " + i + " (seed " + SEED + ") lost its raw bytes or its Message-ID");
			}
			if (mail.html() != null) {
				List<String> unsafe = unsafeIn(mail.html());
				if (!unsafe.isEmpty()) {
					fail("case " + i + " (seed " + SEED + ") gave active HTML " + unsafe + ": " + mail.html());
				}
			}
			if (mail.newHtml() != null && !unsafeIn(mail.newHtml()).isEmpty()) {
				fail("case " + i + " (seed " + SEED + ") gave active new HTML: " + mail.newHtml());
			}
		}
	}

	@Test
	void aMailNestedAThousandLevelsDeepIsReadWithoutThrowing() {
		StringBuilder deep = new StringBuilder("From: a@b.example\r\nSubject: deep\r\nContent-Type: multipart/mixed; boundary=\"d0\"\r\n\r\n");
		for (int level = 0; level < 1000; level++) {
			deep.append("--d").append(level).append("\r\nContent-Type: multipart/mixed; boundary=\"d").append(level + 1).append("\"\r\n\r\n");
		}
		InboundMail mail = InboundMails.read(deep.toString().getBytes(StandardCharsets.US_ASCII));
		assertThat(mail.problems()).anyMatch(problem -> problem.contains("nested deeper"));
	}

	/**
	 * What in a sanitised fragment could run, load or cover the page: active elements, event
	 * handlers, styles, classes, scripted or data addresses, images other than {@code cid:}.
	 */
	static List<String> unsafeIn(String html) {
		List<String> found = new ArrayList<>();
		for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
			if (ACTIVE_TAGS.contains(element.normalName())) {
				found.add("<" + element.normalName() + ">");
			}
			for (Attribute attribute : element.attributes()) {
				String key = attribute.getKey().toLowerCase();
				String value = attribute.getValue().strip().toLowerCase();
				if (key.startsWith("on") || key.equals("style") || key.equals("class") || key.equals("id")
						|| key.equals("width") || key.equals("height") || key.equals("srcset")) {
					found.add(key + "=");
				}
				if ((key.equals("href") || key.equals("src")) && !(value.startsWith("https://")
						|| value.startsWith("http://") || value.startsWith("mailto:") || value.startsWith("cid:"))) {
					found.add(key + "=" + value);
				}
				if (key.equals("src") && !value.startsWith("cid:")) {
					found.add("remote image " + value);
				}
			}
		}
		return found;
	}

	private static byte[] mutate(byte[] original, Random random, List<byte[]> corpus) {
		byte[] bytes = original.clone();
		int rounds = 1 + random.nextInt(3);
		for (int round = 0; round < rounds; round++) {
			bytes = switch (random.nextInt(8)) {
				case 0 -> flipBytes(bytes, random);
				case 1 -> bytes.length == 0 ? bytes : java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
				case 2 -> replaceAll(bytes, "--", random.nextBoolean() ? "-" : "--x");
				case 3 -> replaceAll(bytes, "\r\n", random.nextBoolean() ? "\r\n " : "\n");
				case 4 -> prepend(bytes, "X-Huge: " + "a".repeat(10_000 + random.nextInt(100_000)) + "\r\n");
				case 5 -> prepend(bytes, "Subject: =?utf-8?B?" + "PHNjcmlwdD4=".repeat(random.nextInt(500)) + "?=\r\n");
				case 6 -> splice(bytes, corpus.get(random.nextInt(corpus.size())), random);
				default -> replaceAll(bytes, "boundary=\"", "boundary=\"" + (random.nextBoolean() ? "" : "z"));
			};
		}
		return bytes;
	}

	private static byte[] flipBytes(byte[] bytes, Random random) {
		if (bytes.length == 0) {
			return new byte[] { (byte) random.nextInt(256) };
		}
		for (int flips = 1 + random.nextInt(20); flips > 0; flips--) {
			bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
		}
		return bytes;
	}

	private static byte[] replaceAll(byte[] bytes, String from, String to) {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] prepend(byte[] bytes, String header) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(bytes);
		return out.toByteArray();
	}

	private static byte[] splice(byte[] first, byte[] second, Random random) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(first, 0, first.length == 0 ? 0 : random.nextInt(first.length));
		int from = second.length == 0 ? 0 : random.nextInt(second.length);
		out.write(second, from, second.length - from);
		return out.toByteArray();
	}

}
