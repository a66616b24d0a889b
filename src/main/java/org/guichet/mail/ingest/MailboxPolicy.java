package org.guichet.mail.ingest;

import java.util.List;

import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * What a mailbox asks of the ingestion of the mails it delivers.
 *
 * @param mailboxId the mailbox's id, recorded with each message it delivered
 * @param address the mailbox's own address (e.g. {@code support@example.org}), lower case: Guichet
 *        never answers a mail from it, and never opens a ticket for it
 * @param groupId the group that new tickets are assigned to
 * @param type the type of new tickets
 * @param categoryId the category of new tickets, or null for none
 * @param unknownSenders what a mail from an address that is no user's does
 * @param allowed addresses ({@code a@b.org}) and domains ({@code b.org}, {@code @b.org}) whose mails
 *        are taken even when {@code blocked} names them; empty: everyone not blocked
 * @param blocked addresses and domains whose mails are dropped (recorded, no ticket, no answer)
 * @param attachmentLimit the most bytes of attachments one message may keep; the rest are listed as
 *        left out
 */
public record MailboxPolicy(long mailboxId, String address, long groupId, TicketType type,
		@Nullable Long categoryId, UnknownSenders unknownSenders, List<String> allowed, List<String> blocked,
		long attachmentLimit) {

	public MailboxPolicy {
		allowed = List.copyOf(allowed);
		blocked = List.copyOf(blocked);
	}

}
