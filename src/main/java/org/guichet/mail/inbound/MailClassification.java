package org.guichet.mail.inbound;

import org.jspecify.annotations.Nullable;

/**
 * The kind of a mail and why.
 *
 * @param kind the verdict
 * @param reason what decided it, in English for the log, e.g. {@code Auto-Submitted: auto-replied}
 * @param failedRecipient for a bounce, the address that could not be reached when the report
 *     names it (lower case); null otherwise
 * @param originalMessageId for a bounce, the Message-ID (without angle brackets) of the mail that
 *     bounced when the report quotes it; null otherwise
 */
public record MailClassification(MailKind kind, String reason, @Nullable String failedRecipient,
		@Nullable String originalMessageId) {

	static MailClassification of(MailKind kind, String reason) {
		return new MailClassification(kind, reason, null, null);
	}

}
