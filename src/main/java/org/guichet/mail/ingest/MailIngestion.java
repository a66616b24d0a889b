package org.guichet.mail.ingest;

import java.util.List;

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

	/**
	 * Ingests several messages of one mailbox in one transaction, in the order given, each as
	 * {@link #ingest} would: one durable commit serves them all. All or nothing: when any of them
	 * cannot be taken by the rules (the case {@link #ingest} turns into a plain ticket), its
	 * Message-ID is held by another delivery, or the database fails, the transaction is rolled back
	 * and this throws, having committed none of them; the caller then ingests each with
	 * {@link #ingest}, which handles the one at fault as it does alone. A Message-ID given twice is
	 * ingested once, the second giving {@link Ingested.Outcome#ALREADY_INGESTED}. Call it outside any
	 * transaction; the caller keeps in order the messages that must be, as for {@link #ingest}.
	 *
	 * @param mailbox the policy of the mailbox that delivered them
	 * @param raws the messages' bytes as the server gave them (RFC 5322), in the mailbox's order
	 * @return what each message became, in the order given, all committed
	 * @throws RuntimeException whatever the cause, when none of them was committed
	 */
	List<Ingested> ingestTogether(MailboxPolicy mailbox, List<byte[]> raws);

}
