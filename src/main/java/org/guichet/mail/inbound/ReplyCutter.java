package org.guichet.mail.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;
import org.jspecify.annotations.Nullable;

/**
 * The new text of a follow-up: what the sender wrote, without the history they quote nor their
 * signature. Top-posting (new text, then the history) keeps what comes before the history;
 * bottom-posting (quotes with {@code >} and answers between them) keeps the answers.
 */
final class ReplyCutter {

	private static final Pattern ORIGINAL_MESSAGE = Pattern
		.compile("(?iu)^\\s*-{2,}\\s*(?:Original Message|Message d[’']origine|Message original)\\s*-{2,}\\s*$");

	/** "Le lun. 3 nov. 2025 à 10:12, Alice <alice@…> a écrit :", "On Mon, … wrote:" */
	private static final Pattern ATTRIBUTION = Pattern.compile("(?iu)^\\s*(?:Le|On)\\s.{1,300}?\\s(?:a écrit|wrote)\\s*:\\s*$");

	private static final Pattern HEADER_FROM = Pattern.compile("(?iu)^\\s*\\*?(?:De|From)\\s*:\\*?\\s*\\S.*$");

	private static final Pattern HEADER_SENT = Pattern.compile("(?iu)^\\s*\\*?(?:Envoyé|Envoyé le|Sent|Date)\\s*:\\*?\\s*\\S.*$");

	private static final Pattern RULE = Pattern.compile("^\\s*_{10,}\\s*$");

	private static final Pattern SIGNATURE = Pattern.compile("^-- ?$");

	private static final Pattern MOBILE = Pattern.compile("(?iu)^\\s*(?:Envoyé de mon|Envoyé depuis mon|Sent from my"
			+ "|Sent from Outlook|Sent from Mail for|Get Outlook for|Obtenir Outlook pour|Télécharger Outlook pour)\\b.*$");

	/** An element whose own text may start Outlook's header block or be a "sent from" line. */
	private static final Pattern OWN_TEXT_STARTS_HISTORY = Pattern.compile("(?iu)^[\\s\\u00a0*]*(?:De|From)[\\s\\u00a0*]*:"
			+ "|^\\s*(?:Envoyé de|Envoyé depuis|Sent from|Get Outlook|Obtenir Outlook|Télécharger Outlook)");

	private static final Pattern QUOTED = Pattern.compile("^\\s*>.*$");

	private ReplyCutter() {
	}

	/**
	 * @param text a mail's plain text, any line ends
	 * @return the new text, trimmed; empty when all of it is history or signature
	 */
	static String newText(String text) {
		List<String> lines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ').split("\n", -1));
		int end = cut(lines);
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < end; i++) {
			String line = lines.get(i);
			if (QUOTED.matcher(line).matches() || introducesQuote(lines, i)) {
				continue;
			}
			kept.add(line.stripTrailing());
		}
		return String.join("\n", kept).replaceAll("\\n{3,}", "\n\n").strip();
	}

	/**
	 * @param html a mail's HTML as received (before sanitising: the markers are classes and
	 *     ids that the sanitiser removes)
	 * @return the HTML without the quoted history, the signature blocks the clients mark and
	 *     what follows a "Sent from my phone" line; null when there is none of them (the HTML
	 *     is all new)
	 */
	static @Nullable String newHtml(String html) {
		Document document = Jsoup.parse(html);
		Element body = document.body();
		boolean cut = false;
		for (Element start : body.select("#divRplyFwdMsg, #appendonsend, div.OutlookMessageHeader, #mail-editor-reference-message-container")) {
			if (start.parent() != null) {
				Element rule = start.previousElementSibling();
				cutFrom(rule != null && rule.normalName().equals("hr") ? rule : start);
				cut = true;
			}
		}
		for (Element start : body.getElementsMatchingOwnText(OWN_TEXT_STARTS_HISTORY)) {
			Element block = start.closest("p, div");
			if (block != null && block.parent() != null && (isOutlookHeaderBlock(block)
					|| MOBILE.matcher(block.text().replace('\u00a0', ' ')).matches())) {
				cutFrom(block);
				cut = true;
			}
		}
		for (Element quote : body.select("blockquote[type=cite], blockquote.gmail_quote, div.yahoo_quoted")) {
			Element attribution = quote.previousElementSibling();
			if (attribution != null && ATTRIBUTION.matcher(attribution.text()).matches()) {
				attribution.remove();
			}
			quote.remove();
			cut = true;
		}
		Elements marked = body.select(".gmail_attr, .moz-cite-prefix, .gmail_signature, .moz-signature, div#Signature, #signature");
		if (!cut && marked.isEmpty()) {
			return null;
		}
		marked.remove();
		document.outputSettings().prettyPrint(false);
		return body.html();
	}

	/**
	 * Outlook desktop's "From: … Sent: …" block: a div or paragraph starting so (its lines are
	 * {@code br} elements, so the header names may all be on one text line).
	 */
	private static boolean isOutlookHeaderBlock(Element block) {
		String text = block.wholeText().replace('\u00a0', ' ').strip();
		if (text.length() > 2000 || !HEADER_FROM.matcher(text.lines().findFirst().orElse("")).matches()) {
			return false;
		}
		return text.lines().limit(6).skip(1).anyMatch(line -> HEADER_SENT.matcher(line).matches())
				|| text.matches("(?isu)^\\s*\\*?(?:De|From)\\s*:.{1,300}?(?:Envoyé|Sent)\\s*:.*");
	}

	/** Removes the node and everything after it in the document. */
	private static void cutFrom(Node node) {
		Node current = node;
		while (current != null && !(current instanceof Element element && element.normalName().equals("body"))) {
			Node parent = current.parent();
			while (current.nextSibling() != null) {
				current.nextSibling().remove();
			}
			if (current == node) {
				current.remove();
			}
			current = parent;
		}
	}

	/** The first line where the history or the signature starts, or the line count. */
	private static int cut(List<String> lines) {
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (ORIGINAL_MESSAGE.matcher(line).matches() || SIGNATURE.matcher(line).matches()
					|| MOBILE.matcher(line).matches()) {
				return i;
			}
			if (RULE.matcher(line).matches() && outlookHeaderAt(lines, i + 1)) {
				return i;
			}
			if (outlookHeaderAt(lines, i)) {
				return i;
			}
			if (attributionAt(lines, i) > 0 && !introducesQuote(lines, i)) {
				return i;
			}
		}
		return lines.size();
	}

	private static boolean outlookHeaderAt(List<String> lines, int i) {
		if (i >= lines.size() || !HEADER_FROM.matcher(lines.get(i)).matches()) {
			return false;
		}
		for (int j = i + 1; j < Math.min(lines.size(), i + 5); j++) {
			if (HEADER_SENT.matcher(lines.get(j)).matches()) {
				return true;
			}
		}
		return false;
	}

	/** How many lines the attribution at {@code i} spans (clients wrap it on two), or 0. */
	private static int attributionAt(List<String> lines, int i) {
		if (ATTRIBUTION.matcher(lines.get(i)).matches()) {
			return 1;
		}
		if (i + 1 < lines.size() && lines.get(i).matches("(?iu)^\\s*(?:Le|On)\\s.*")
				&& ATTRIBUTION.matcher(lines.get(i) + " " + lines.get(i + 1).strip()).matches()) {
			return 2;
		}
		return 0;
	}

	/** Whether an attribution at {@code i} (or its second line) is followed by {@code >} lines. */
	private static boolean introducesQuote(List<String> lines, int i) {
		int span = attributionAt(lines, i);
		if (span == 0 && i > 0 && attributionAt(lines, i - 1) == 2) {
			span = 1;
		}
		if (span == 0) {
			return false;
		}
		int next = i + span;
		while (next < lines.size() && lines.get(next).isBlank()) {
			next++;
		}
		return next < lines.size() && QUOTED.matcher(lines.get(next)).matches();
	}

}
