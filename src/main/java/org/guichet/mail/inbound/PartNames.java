package org.guichet.mail.inbound;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.NameValuePair;
import org.jspecify.annotations.Nullable;

/**
 * A part's file name from its header parameters: RFC 2231 ({@code filename*=UTF-8''…} and
 * continuations {@code filename*0*=}, {@code filename*1=}), RFC 2047 encoded words inside the
 * quotes (not standard, but what many clients write), raw 8-bit bytes; without any path.
 */
final class PartNames {

	private static final int LONGEST = 255;

	private static final Map<String, String> EXTENSIONS = Map.ofEntries(Map.entry("image/png", "png"),
			Map.entry("image/jpeg", "jpg"), Map.entry("image/gif", "gif"), Map.entry("application/pdf", "pdf"),
			Map.entry("text/plain", "txt"), Map.entry("text/html", "html"), Map.entry("message/rfc822", "eml"),
			Map.entry("text/calendar", "ics"), Map.entry("message/delivery-status", "txt"),
			Map.entry("text/rfc822-headers", "txt"));

	private PartNames() {
	}

	/**
	 * @param parameters the parameters of one header ({@code Content-Disposition} or
	 *     {@code Content-Type}), names in any case
	 * @param name the parameter to read: {@code filename} or {@code name}
	 * @return the decoded name without path, or null when the parameter is absent or blank
	 */
	static @Nullable String of(List<NameValuePair> parameters, String name) {
		String plain = null;
		String extended = null;
		Map<Integer, NameValuePair> sections = new TreeMap<>();
		for (NameValuePair parameter : parameters) {
			String key = parameter.getName().toLowerCase(Locale.ROOT).strip();
			String value = parameter.getValue() == null ? "" : parameter.getValue();
			if (key.equals(name)) {
				plain = value;
			}
			else if (key.equals(name + "*")) {
				extended = value;
			}
			else if (key.startsWith(name + "*")) {
				String index = key.substring(name.length() + 1).replace("*", "");
				if (index.matches("[0-9]{1,3}")) {
					sections.put(Integer.parseInt(index), parameter);
				}
			}
		}
		String decoded;
		if (extended != null) {
			decoded = extended(extended);
		}
		else if (!sections.isEmpty()) {
			decoded = sections(sections);
		}
		else if (plain != null) {
			decoded = DecoderUtil.decodeEncodedWords(plain, DecodeMonitor.SILENT);
		}
		else {
			return null;
		}
		return withoutPath(decoded);
	}

	/** A name for a part that has none, from its type: {@code part-3.png}. */
	static String madeUp(String contentType, int index) {
		return "part-" + index + "." + EXTENSIONS.getOrDefault(contentType, "bin");
	}

	private static String extended(String value) {
		int first = value.indexOf('\'');
		int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
		if (second < 0) {
			return percentDecoded(value, StandardCharsets.UTF_8);
		}
		Charset charset = MailCharsets.known(value.substring(0, first));
		return percentDecoded(value.substring(second + 1), charset == null ? StandardCharsets.UTF_8 : charset);
	}

	private static String sections(Map<Integer, NameValuePair> sections) {
		Charset charset = StandardCharsets.UTF_8;
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		boolean firstSection = true;
		for (NameValuePair section : sections.values()) {
			String value = section.getValue() == null ? "" : section.getValue();
			if (section.getName().endsWith("*")) {
				if (firstSection) {
					int first = value.indexOf('\'');
					int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
					if (second >= 0) {
						Charset declared = MailCharsets.known(value.substring(0, first));
						charset = declared == null ? charset : declared;
						value = value.substring(second + 1);
					}
				}
				percentBytes(value, bytes);
			}
			else {
				bytes.writeBytes(value.getBytes(charset));
			}
			firstSection = false;
		}
		return new String(bytes.toByteArray(), charset);
	}

	private static String percentDecoded(String value, Charset charset) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		percentBytes(value, bytes);
		return new String(bytes.toByteArray(), charset);
	}

	private static void percentBytes(String value, ByteArrayOutputStream bytes) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%' && i + 2 < value.length() && Character.digit(value.charAt(i + 1), 16) >= 0 && Character.digit(value.charAt(i + 2), 16) >= 0) {
				bytes.write(Character.digit(value.charAt(i + 1), 16) * 16 + Character.digit(value.charAt(i + 2), 16));
				i += 2;
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
	}

	private static @Nullable String withoutPath(String name) {
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		base = base.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "").strip();
		if (base.isEmpty() || base.equals(".") || base.equals("..")) {
			return null;
		}
		return base.length() > LONGEST ? base.substring(0, LONGEST) : base;
	}

}
