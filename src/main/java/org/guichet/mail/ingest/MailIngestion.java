package org.guichet.mail.ingest;

/**
 * Turns one message that a mailbox delivered into what it means, in one transaction: the caller
 * marks the message processed (or moves or deletes it) only after this returns, and a message
 * delivered again after a crash between the two steps is recognised by its Message-ID and gives
 * {@link Ingested.Outcome#ALREADY_INGESTED}.
 */
public interface MailIngestion {

	/**
	 * Ingests one message; never loses it: a message that cannot be read still becomes a ticket
	 * with its raw {@code .eml} attached. Call it outside any transaction: it runs its own, and
	 * what it returns is committed. It may be called from several threads at once; the caller keeps
	 * in order the messages that must be ({@link IngestionOrder}). Every outcome, {@link Ingested.Outcome#ALREADY_INGESTED} and
	 * {@link Ingested.Outcome#DROPPED} included, means the message may be marked processed.
	 *
	 * @param mailbox the policy of the mailbox that delivered it
	 * @param raw the message's bytes as the server gave them (RFC 5322)
	 * @return what the message became, committed
	 * @throws org.springframework.dao.DataAccessException or
	 *         {@link org.springframework.transaction.TransactionException} when the database failed:
	 *         the message is not ingested, leave it in the mailbox to try again later
	 */
	Ingested ingest(MailboxPolicy mailbox, byte[] raw);

}
