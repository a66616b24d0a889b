package org.guichet.mail.inbound;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One mail as read from its raw bytes by {@link InboundMails#read}. Texts are decoded (charsets,
 * RFC 2047 encoded words); addresses are as written (not checked against anything).
 *
 * @param raw the bytes as received, unchanged: the ingestion keeps them as the {@code .eml}
 * @param readable false when the MIME structure could not be read (then only the raw bytes, a
 *     best-effort {@link #text} and the synthetic {@link #messageId} are worth anything)
 * @param problems what went wrong while reading, in English for the log (bad encodings, missing
 *     boundaries, attachments left out…); empty for a clean mail
 * @param messageId the Message-ID without angle brackets; when the mail has none, a stable one
 *     derived from the raw bytes ({@code sha256-…@guichet.invalid})
 * @param syntheticMessageId whether {@link #messageId} was derived rather than read
 * @param inReplyTo the first Message-ID of {@code In-Reply-To}, without brackets, or null
 * @param references the Message-IDs of {@code References}, oldest first, without brackets
 * @param from the first sender, or null when the header is missing or unreadable
 * @param subject the decoded subject, empty when missing
 * @param date the {@code Date} header, or null when missing or unreadable
 * @param text the body as plain text: the text part when there is one, else the text of the
 *     HTML part; never null
 * @param html the sanitised HTML part ({@code org.guichet.text.MailHtml}), or null when the mail
 *     has none; its images of the mail itself keep their {@code cid:} address
 * @param newText the new text of a follow-up: {@link #text} without the quoted history and the
 *     signature; empty when the mail holds nothing but quotes
 * @param newHtml {@link #html} without the quoted history, or null when there is no HTML
 * @param parts the attachments and inline images kept, in the order of the mail
 * @param leftOut the attachments left out because the size limit was reached
 * @param classification the kind of mail (normal, automatic reply, list, bounce) and why
 */
public record InboundMail(byte[] raw, boolean readable, List<String> problems, String messageId,
		boolean syntheticMessageId, @Nullable String inReplyTo, List<String> references, @Nullable MailAddress from,
		List<MailAddress> to, List<MailAddress> cc, List<MailAddress> replyTo, String subject, @Nullable Instant date,
		String text, @Nullable String html, String newText, @Nullable String newHtml, List<MailPart> parts,
		List<LeftOutPart> leftOut, MailClassification classification) {

	/**
	 * An address of a header.
	 *
	 * @param address the address as written, lower-cased domain not assumed; never blank
	 * @param name the decoded display name, or null when none
	 */
	public record MailAddress(String address, @Nullable String name) {
	}

	/**
	 * An attachment or an inline image.
	 *
	 * @param filename the decoded file name (RFC 2047 and 2231), never blank: a name is made up
	 *     from the content type when the mail gives none; no path (anything before a slash or a
	 *     backslash is dropped)
	 * @param contentType the lower-case MIME type, e.g. {@code image/png}
	 * @param contentId the Content-ID without brackets (what {@code cid:} addresses), or null
	 * @param inline whether the mail shows it in its body rather than as an attachment
	 * @param content the decoded bytes
	 */
	public record MailPart(String filename, String contentType, @Nullable String contentId, boolean inline,
			byte[] content) {

		/** @return the size of the decoded content, in bytes */
		public long size() {
			return content.length;
		}

	}

	/**
	 * An attachment not kept because the mail's size limit was reached.
	 *
	 * @param filename as {@link MailPart#filename}
	 * @param contentType as {@link MailPart#contentType}
	 * @param size its decoded size in bytes
	 */
	public record LeftOutPart(String filename, String contentType, long size) {
	}

}
