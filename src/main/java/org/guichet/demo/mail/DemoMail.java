package org.guichet.demo.mail;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.guichet.mail.MailKind;
import org.jspecify.annotations.Nullable;

/**
 * One mail of a demo mailbox as the page shows it: what a mail client shows, and the headers that
 * thread it and mark it automatic.
 *
 * @param uid its IMAP UID in its mailbox
 * @param date when it was sent (its {@code Date}), else when the server received it
 * @param subject its decoded subject; empty when it has none
 * @param kind the kind of mail Guichet sent ({@link MailKind}, from its {@link MailKind#HEADER}
 *        header), or null for a mail Guichet did not write
 * @param from its decoded {@code From}
 * @param to its decoded {@code To}
 * @param messageId its {@code Message-ID}, or null
 * @param references its {@code References} then its own Message-ID: what an answer to it says
 *        in {@code References}
 * @param headers the threading and loop headers it has, by name, in the order of {@link #SHOWN_HEADERS}
 * @param text its first {@code text/plain} part cut into text and links, or empty
 * @param html its first {@code text/html} part as it was sent (to show in a sandbox only), or null
 * @param attachments the decoded names of its attached files
 */
record DemoMail(long uid, Instant date, String subject, @Nullable MailKind kind, String from, String to,
		@Nullable String messageId, String references, List<Header> headers, List<Segment> text,
		@Nullable String html, List<String> attachments) {

	/** The headers the page shows for each mail, when present. */
	static final List<String> SHOWN_HEADERS = List.of("Message-ID", "In-Reply-To", "References", "Auto-Submitted",
			"Reply-To");

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

	/** A header's name and decoded value. */
	record Header(String name, String value) {

	}

	/** A piece of the text: a link ({@code link} true, its text is its address) or plain text. */
	record Segment(String text, boolean link) {

	}

	/**
	 * Reads a stored mail; a part that cannot be read is left out, never fails the page.
	 *
	 * @throws IllegalStateException only when the message's headers cannot be read at all
	 */
	static DemoMail of(StoredMessage stored) {
		MimeMessage message = stored.getMimeMessage();
		try {
			Date sent = message.getSentDate();
			Parts parts = new Parts();
			parts.walk(message, 0);
			List<Header> headers = new ArrayList<>();
			for (String name : SHOWN_HEADERS) {
				String value = message.getHeader(name, " ");
				if (value != null) {
					headers.add(new Header(name, decode(value)));
				}
			}
			String messageId = message.getHeader("Message-ID", null);
			String references = message.getHeader("References", " ");
			String answerReferences = ((references == null ? "" : unfold(references) + " ")
					+ (messageId == null ? "" : messageId.trim())).trim();
			return new DemoMail(stored.getUid(), (sent != null ? sent : stored.getReceivedDate()).toInstant(),
					message.getSubject() == null ? "" : message.getSubject(), kind(message.getHeader(MailKind.HEADER, null)),
					decode(String.valueOf(message.getHeader("From", ", "))), decode(String.valueOf(message.getHeader("To", ", "))),
					messageId == null ? null : messageId.trim(), answerReferences, headers, segments(parts.text), parts.html,
					parts.attachments);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("The headers of mail " + stored.getUid() + " cannot be read", ex);
		}
	}

	/** The text cut into links and what lies between them; a link loses the punctuation that ends its sentence. */
	static List<Segment> segments(@Nullable String text) {
		List<Segment> segments = new ArrayList<>();
		if (text == null) {
			return segments;
		}
		Matcher link = LINK.matcher(text);
		int at = 0;
		while (link.find()) {
			String address = link.group().replaceAll("[.,;:!?)\\]»]+$", "");
			if (link.start() > at) {
				segments.add(new Segment(text.substring(at, link.start()), false));
			}
			segments.add(new Segment(address, true));
			at = link.start() + address.length();
		}
		if (at < text.length()) {
			segments.add(new Segment(text.substring(at), false));
		}
		return segments;
	}

	private static @Nullable MailKind kind(@Nullable String header) {
		if (header == null) {
			return null;
		}
		return Arrays.stream(MailKind.values()).filter(kind -> kind.key().equals(header.trim())).findFirst().orElse(null);
	}

	private static String decode(String value) {
		try {
			return MimeUtility.decodeText(unfold(value));
		}
		catch (UnsupportedEncodingException ex) {
			return unfold(value);
		}
	}

	private static String unfold(String value) {
		return value.replaceAll("\\r?\\n[ \\t]+", " ").trim();
	}

	/** The first text and HTML bodies and the attachments' names, found depth first. */
	private static final class Parts {

		/** Deeper than this, parts are not read: no mail of Guichet or of the form nests so far. */
		private static final int MAX_DEPTH = 20;

		private @Nullable String text;

		private @Nullable String html;

		private final List<String> attachments = new ArrayList<>();

		void walk(Part part, int depth) {
			try {
				String fileName = part.getFileName();
				boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
				if (attached) {
					attachments.add(fileName == null ? "" : MimeUtility.decodeText(fileName));
				}
				else if (part.isMimeType("multipart/*") && depth < MAX_DEPTH) {
					Multipart multipart = (Multipart) part.getContent();
					for (int i = 0; i < multipart.getCount(); i++) {
						BodyPart child = multipart.getBodyPart(i);
						walk(child, depth + 1);
					}
				}
				else if (part.isMimeType("text/plain") && text == null) {
					text = String.valueOf(part.getContent());
				}
				else if (part.isMimeType("text/html") && html == null) {
					html = String.valueOf(part.getContent());
				}
			}
			catch (MessagingException | IOException | ClassCastException ex) {
				// a part that cannot be read is not shown; the others are
			}
		}

	}

}
