package org.guichet.mail.inbound;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Bytes to text the way mail readers do it: the declared charset when Java knows it (with the
 * usual aliases, ISO-8859-1 read as its superset windows-1252, as browsers do), else (and for
 * US-ASCII, and UTF-8 that is not) UTF-8 where valid and windows-1252 elsewhere. Never fails.
 */
final class MailCharsets {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("utf8", "UTF-8"),
			Map.entry("iso-8859-1", "windows-1252"), Map.entry("iso8859-1", "windows-1252"),
			Map.entry("latin1", "windows-1252"), Map.entry("latin-1", "windows-1252"),
			Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"),
			Map.entry("iso8859-15", "ISO-8859-15"), Map.entry("latin9", "ISO-8859-15"),
			Map.entry("cp1252", "windows-1252"), Map.entry("ks_c_5601-1987", "x-windows-949"),
			Map.entry("gb2312", "GBK"), Map.entry("x-sjis", "Shift_JIS"));

	/** Declared ASCII is often not (8-bit text sent without a charset): read as {@link #guess}. */
	private static final java.util.Set<String> ASCII = java.util.Set.of("us-ascii", "ascii");

	private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]{0,200}charset\\s*=\\s*[\"']?([a-z0-9_:.-]{1,40})");

	private MailCharsets() {
	}

	/**
	 * @param declared the charset a header declares, or null
	 * @param problems where an unknown or wrong charset is reported
	 */
	static String decode(byte[] bytes, @Nullable String declared, List<String> problems) {
		Charset charset = known(declared);
		if (charset == null) {
			if (declared != null && !declared.isBlank()) {
				problems.add("unknown charset " + clip(declared) + ": read as UTF-8 where valid, windows-1252 elsewhere");
			}
			return guess(bytes);
		}
		if (charset.equals(StandardCharsets.UTF_8) && !isUtf8(bytes)) {
			problems.add("declared UTF-8 but is not: read as windows-1252 where invalid");
			return guess(bytes);
		}
		if (charset.equals(WINDOWS_1252) && ASCII.contains(declared.strip().toLowerCase(Locale.ROOT))) {
			return guess(bytes);
		}
		return new String(bytes, charset);
	}

	/**
	 * UTF-8 where the bytes are valid UTF-8 and windows-1252 for each byte that is not: right
	 * for UTF-8, for Latin-1 text, and for the mixes that careless tools produce.
	 */
	static String guess(byte[] bytes) {
		if (isUtf8(bytes)) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length + 16);
		while (in.hasRemaining()) {
			CoderResult result = utf8.decode(in, out, true);
			if (result.isError()) {
				byte[] bad = new byte[result.length()];
				in.get(bad);
				out.put(new String(bad, WINDOWS_1252));
			}
			else {
				break;
			}
		}
		out.flip();
		return out.toString();
	}

	/** The charset of an HTML document's {@code meta} element, or null. */
	static @Nullable String declaredInHtml(byte[] bytes) {
		String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
		Matcher matcher = META_CHARSET.matcher(head);
		return matcher.find() ? matcher.group(1) : null;
	}

	static @Nullable Charset known(@Nullable String declared) {
		if (declared == null || declared.isBlank()) {
			return null;
		}
		String name = declared.strip().replace("\"", "").toLowerCase(Locale.ROOT);
		name = ALIASES.getOrDefault(name, name);
		try {
			return Charset.isSupported(name) ? Charset.forName(name) : null;
		}
		catch (IllegalArgumentException notAName) {
			return null;
		}
	}

	static boolean isUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException notUtf8) {
			return false;
		}
	}

	static String clip(String text) {
		String printable = text.replaceAll("\\p{Cntrl}", "?");
		return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
	}

}
