package org.guichet.mail.outbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a mail into the outbox, in the caller's transaction: its row in {@code mail_outbox}
 * (headers, subject, status) and its bodies in {@code mail_outbox_body}, written once and never
 * updated, so that the sender's locks and status changes rewrite only the small row.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class OutboxWriter {

	private final OutboxMailRepository outbox;

	private final JdbcTemplate jdbc;

	OutboxWriter(OutboxMailRepository outbox, JdbcTemplate jdbc) {
		this.outbox = outbox;
		this.jdbc = jdbc;
	}

	/**
	 * Writes a new mail and its bodies.
	 *
	 * @param mail a mail not written yet
	 * @param htmlBody its HTML body, at most 200,000 characters
	 * @param textBody its plain-text body, at most 200,000 characters
	 * @return the mail written, with its id
	 */
	OutboxMail write(OutboxMail mail, String htmlBody, String textBody) {
		// an identity id: Hibernate inserts the row here, before its bodies refer to it
		OutboxMail written = outbox.save(mail);
		jdbc.update("insert into mail_outbox_body (mail_id, html_body, text_body) values (?, ?, ?)", written.getId(),
				htmlBody, textBody);
		return written;
	}

}
