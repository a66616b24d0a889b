package org.guichet.mail.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.guichet.mail.MailKind;
import org.jspecify.annotations.Nullable;

/**
 * A mail the sender job claimed: what it needs to write and send it, its row read with the claim
 * and its bodies after it.
 *
 * @param attempts the attempts so far, this one included
 */
record ClaimedMail(long id, String messageId, String recipient, String language, MailKind kind, String subject,
		@Nullable String inReplyTo, @Nullable String referenceIds, boolean autoSubmitted, int attempts) {

	/** The columns {@link #read} reads, for a {@code select} of {@code mail_outbox}. */
	static final String COLUMNS = "id, message_id, recipient, language, kind, subject, in_reply_to, reference_ids, "
			+ "auto_submitted, attempts";

	/** Reads a row of {@link #COLUMNS}, counting the attempt being made. */
	static ClaimedMail read(ResultSet row, int rowNumber) throws SQLException {
		return new ClaimedMail(row.getLong("id"), row.getString("message_id"), row.getString("recipient"),
				row.getString("language"), MailKind.valueOf(row.getString("kind")), row.getString("subject"),
				row.getString("in_reply_to"), row.getString("reference_ids"),
				row.getBoolean("auto_submitted"), row.getInt("attempts") + 1);
	}

	/** A claimed mail's bodies, from {@code mail_outbox_body}. */
	record Body(String html, String text) {
	}

}
