package org.guichet.chat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.guichet.text.MarkdownEscaping;

/**
 * A conversation written as a ticket's description, in Markdown: one paragraph per message,
 * "**10:02 Alice Martin**: text", times in the desk's zone, each text escaped so that it reads as
 * written. It holds no word of either language, since the requester and every agent read the same
 * text: a transfer is "→ Marie Curie", and a transcript longer than the ticket allows keeps its
 * first messages and ends with "[…]".
 */
final class Transcript {

	/** One message as the transcript shows it. */
	record Line(Instant sentAt, String author, String text) {
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	/** The last paragraph of a transcript that was cut. */
	static final String CUT = "[…]";

	private Transcript() {
	}

	/** The text of a line that says the conversation was transferred to a colleague or a group, by name. */
	static String transfer(String to) {
		return "→ " + to;
	}

	/**
	 * @param lines the messages in the order they were sent
	 * @param zone the desk's time zone
	 * @param max the most characters the result may hold (the ticket's text limit), over 10
	 */
	static String of(List<Line> lines, ZoneId zone, int max) {
		StringBuilder text = new StringBuilder();
		String ending = "\n\n" + MarkdownEscaping.escape(CUT);
		for (Line line : lines) {
			String paragraph = (text.isEmpty() ? "" : "\n\n") + "**" + TIME.format(line.sentAt().atZone(zone)) + " "
					+ MarkdownEscaping.escape(line.author()) + "**: " + MarkdownEscaping.escape(line.text());
			if (text.length() + paragraph.length() + ending.length() > max) {
				return text.append(ending).toString().strip();
			}
			text.append(paragraph);
		}
		return text.toString();
	}

}
