package org.guichet.sms;

import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The text of an SMS out: what it tells, cut so that the whole fits in a given number of
 * segments, then the link to the ticket, always whole.
 * <p>
 * A text written only with the GSM 03.38 alphabet (French accented letters such as é è à ù are in
 * it) takes 160 characters in one segment, 153 per segment when concatenated; the characters of
 * its extension table ({@code € [ ] { } ~ ^ \ |}) count twice. Any other character makes the whole
 * SMS UCS-2: 70 characters in one segment, 67 per segment when concatenated (a character outside
 * the Basic Multilingual Plane counts twice). Typographic punctuation (’ « » … and non-breaking
 * spaces) is first written in its plain form, which keeps most French texts in GSM.
 */
final class SmsText {

	private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

	private static final Map<Character, String> PLAIN = Map.of('’', "'", '‘', "'", '«', "\"", '»', "\"", '“', "\"",
			'”', "\"", '…', "...", '\u00a0', " ", '\u202f', " ", '–', "-");

	private static final String GSM_ELLIPSIS = "...";

	/** French quotes and the spaces inside them: « texte » is written "texte". */
	private static final Pattern FRENCH_QUOTES = Pattern.compile("«[\\s\u00a0\u202f]*|[\\s\u00a0\u202f]*»");

	private SmsText() {
	}

	/**
	 * The SMS: {@code text} (its typographic punctuation made plain, cut with "..." when too long),
	 * a space, then {@code link} when there is one.
	 *
	 * @param link an absolute address, or null for none
	 * @param segments how many segments the SMS may take, at least 1
	 * @throws IllegalArgumentException when the link alone does not fit in that many segments
	 */
	static String compose(String text, @Nullable String link, int segments) {
		if (segments < 1) {
			throw new IllegalArgumentException("an SMS takes at least one segment");
		}
		String plain = plain(text).strip().replaceAll("\\s+", " ");
		String tail = link == null || link.isBlank() ? "" : " " + link;
		String whole = plain + tail;
		boolean gsm = isGsm(whole);
		int budget = capacity(gsm, segments);
		if (units(whole, gsm) <= budget) {
			return whole;
		}
		int room = budget - units(tail, gsm) - units(GSM_ELLIPSIS, gsm);
		if (room < 0) {
			throw new IllegalArgumentException("the link alone does not fit in " + segments + " segment(s): " + link);
		}
		StringBuilder kept = new StringBuilder();
		int used = 0;
		for (int i = 0; i < plain.length();) {
			int codePoint = plain.codePointAt(i);
			String character = new String(Character.toChars(codePoint));
			int cost = units(character, gsm);
			if (used + cost > room) {
				break;
			}
			kept.append(character);
			used += cost;
			i += Character.charCount(codePoint);
		}
		return kept.toString().stripTrailing() + GSM_ELLIPSIS + tail;
	}

	/** How many characters of its alphabet one SMS of that many segments carries. */
	static int capacity(boolean gsm, int segments) {
		if (segments == 1) {
			return gsm ? 160 : 70;
		}
		return segments * (gsm ? 153 : 67);
	}

	/** Whether every character of the text is in the GSM 03.38 alphabet or its extension table. */
	static boolean isGsm(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

	/** The text's length in septets (GSM) or UTF-16 code units (UCS-2). */
	static int units(String text, boolean gsm) {
		if (!gsm) {
			return text.length();
		}
		int units = 0;
		for (int i = 0; i < text.length(); i++) {
			units += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
		}
		return units;
	}

	private static String plain(String text) {
		String quoted = FRENCH_QUOTES.matcher(text).replaceAll("\"");
		StringBuilder plain = new StringBuilder(quoted.length());
		for (int i = 0; i < quoted.length(); i++) {
			char c = quoted.charAt(i);
			String replacement = PLAIN.get(c);
			plain.append(replacement == null ? String.valueOf(c) : replacement);
		}
		return plain.toString();
	}

}
