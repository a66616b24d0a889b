package org.guichet.mail.mailbox;

import java.time.Instant;

import org.guichet.mail.MailboxDefinition;
import org.guichet.mail.ingest.MailboxPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code mailbox}: the definition (its {@code password} always null: the encrypted one is
 * {@code passwordSecret}) and what the reader last did with it.
 *
 * @param version raised by each change of the definition
 * @param lastErrorKind what went wrong at the last reading, null after a success
 * @param lastError the server's or the system's own words about it
 * @param failures readings failed in a row (the backoff doubles with each)
 */
record StoredMailbox(long id, MailboxDefinition definition, String passwordSecret, long version,
		@Nullable Instant lastPollAt, @Nullable Instant lastSuccessAt, @Nullable FailureKind lastErrorKind,
		@Nullable String lastError, int failures, long ingestedCount) {

	/** What the ingestion is asked to apply to this mailbox's mails. */
	MailboxPolicy policy() {
		MailboxDefinition d = definition;
		return new MailboxPolicy(id, d.address(), d.groupId(), d.type(), d.categoryId(), d.unknownSenders(),
				d.allowed(), d.blocked(), d.attachmentLimit());
	}

}
