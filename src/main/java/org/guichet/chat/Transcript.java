package org.guichet.chat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.guichet.text.MarkdownEscaping;

/**
 * A conversation written as a ticket's description, in Markdown: one paragraph per message,
 * "**10:02 Alice Martin**: text", times in the desk's zone, each text escaped so that it reads as
 * written. A transcript longer than the ticket allows keeps its first messages and says it was cut.
 */
final class Transcript {

	/** One message as the transcript shows it. */
	record Line(Instant sentAt, String author, String text) {
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private Transcript() {
	}

	/**
	 * @param lines the messages in the order they were sent
	 * @param zone the desk's time zone
	 * @param max the most characters the result may hold (the ticket's text limit)
	 * @param cut the last paragraph when some messages were left out, plain text, shorter than {@code max}
	 */
	static String of(List<Line> lines, ZoneId zone, int max, String cut) {
		StringBuilder text = new StringBuilder();
		String ending = "\n\n*" + MarkdownEscaping.escape(cut) + "*";
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
