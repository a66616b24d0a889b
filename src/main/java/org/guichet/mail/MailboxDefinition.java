package org.guichet.mail;

import java.util.List;

import org.guichet.mail.ingest.UnknownSenders;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * A mailbox Guichet reads, as an administrator defines it (see docs/MAIL.md#mailboxes).
 *
 * @param name what people call it, e.g. "Support"
 * @param address the mailbox's own address, e.g. {@code support@example.org} (stored in lower case)
 * @param protocol how it is read
 * @param host the mail server's name or address
 * @param port its port (IMAP: 993 over TLS, 143 otherwise; POP3: 995 over TLS, 110 otherwise)
 * @param security how the connection is protected
 * @param username the account's login
 * @param password the account's password in clear; null or empty on a change keeps the stored one
 * @param folder the IMAP folder read ({@code INBOX} by default; always {@code INBOX} for POP3)
 * @param afterIngest what is done with a message once the ingestion returned
 * @param moveTo the IMAP folder messages are moved to with {@link AfterIngest#MOVE}, null otherwise
 * @param pollSeconds seconds between two readings, at least 10
 * @param idle whether an IMAP mailbox is also watched with IDLE (when the server offers it)
 * @param enabled whether it is read at all
 * @param groupId the group new tickets are assigned to
 * @param type the type of new tickets
 * @param categoryId the category of new tickets, or null
 * @param unknownSenders what a mail from an address that is no user's does
 * @param allowed addresses and domains always taken
 * @param blocked addresses and domains dropped
 * @param attachmentLimit the most bytes of attachments one message keeps
 */
public record MailboxDefinition(String name, String address, Protocol protocol, String host, int port,
		Security security, String username, @Nullable String password, String folder, AfterIngest afterIngest,
		@Nullable String moveTo, int pollSeconds, boolean idle, boolean enabled, long groupId, TicketType type,
		@Nullable Long categoryId, UnknownSenders unknownSenders, List<String> allowed, List<String> blocked,
		long attachmentLimit) {

	public MailboxDefinition {
		allowed = List.copyOf(allowed);
		blocked = List.copyOf(blocked);
	}

	/** How a mailbox is read. */
	public enum Protocol {

		/** IMAP4rev1: folders, flags, UIDs, IDLE. */
		IMAP,
		/** POP3: one folder, no flags; messages are deleted or their UIDLs remembered. */
		POP3

	}

	/** How the connection to the mail server is protected. */
	public enum Security {

		/** TLS from the first byte (IMAPS 993, POP3S 995). */
		TLS,
		/** A plain connection upgraded with STARTTLS (STLS for POP3), refused when the server does not offer it. */
		STARTTLS,
		/** No encryption: for a server on the same machine or network only. */
		NONE

	}

	/** What is done with a message once its ingestion returned. */
	public enum AfterIngest {

		/** IMAP: flagged \Seen, left in its folder; only unseen messages are read. */
		MARK_SEEN,
		/** IMAP: moved to {@link MailboxDefinition#moveTo()}. */
		MOVE,
		/** IMAP and POP3: deleted from the server. */
		DELETE,
		/** POP3: left on the server; its UIDL is remembered so that it is not read again. */
		KEEP

	}

}
