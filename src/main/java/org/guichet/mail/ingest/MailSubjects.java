package org.guichet.mail.ingest;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.text.Titles;
import org.guichet.tickets.Ticket;

/** What a mail's subject says to the ingestion: the title of a new ticket, and the ticket it names. */
final class MailSubjects {

	/**
	 * The prefixes mail clients put before the subject of an answer or a forward (English, French,
	 * and the German and Scandinavian ones Outlook writes), with the French space before the colon,
	 * an optional counter ({@code Re[2]:}) and our own reference ({@code [#1042]}).
	 */
	private static final Pattern PREFIX = Pattern.compile(
			"^\\s*(?:(?:re|fw|fwd|tr|aw|wg|sv|antw|réf|rép)\\s*(?:\\[\\d+\\])?\\s*:|\\[#\\d{1,18}\\])\\s*",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern REFERENCE = Pattern.compile("\\[#(\\d{1,18})\\]");

	private MailSubjects() {
	}

	/**
	 * The title of a ticket opened by a mail: its subject without the prefixes of answers and
	 * forwards ({@code Re:}, {@code RE :}, {@code Fwd:}, {@code TR:}, …) and without a ticket
	 * reference in front, on one line ({@link Titles#oneLine}: a folded header's line breaks and
	 * tabs become a space), cut to {@link Ticket#TITLE_MAX} characters.
	 *
	 * @return the title, empty when the subject holds nothing else
	 */
	static String title(String subject) {
		String title = Titles.oneLine(subject);
		for (Matcher prefix = PREFIX.matcher(title); prefix.lookingAt(); prefix = PREFIX.matcher(title)) {
			title = title.substring(prefix.end());
		}
		title = title.strip();
		return title.length() > Ticket.TITLE_MAX ? title.substring(0, Ticket.TITLE_MAX - 1).strip() + "…" : title;
	}

	/** The number of the first ticket reference ({@code [#1042]}) in the subject, if any. */
	static OptionalLong reference(String subject) {
		Matcher matcher = REFERENCE.matcher(subject);
		return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
	}

	/** An address as compared: trimmed, lower case. */
	static String normalised(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

}
