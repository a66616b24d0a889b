package org.guichet.mail;

/**
 * What a mail tells its recipient; each kind has its subject, text and action in the mail
 * bundle ({@code mail.<key>.*}).
 */
public enum MailKind {

	/** To the requester: their ticket is registered, with its number and link. */
	RECEIVED("received", true),
	/** To the requester: the IT team answered; written by a person, so not marked automatic. */
	PUBLIC_REPLY("reply", false),
	/** To the requester: their ticket changed status (reopened, cancelled). */
	STATUS_CHANGED("status", true),
	/** To the requester: the ticket waits for their answer. */
	WAITING_ON_YOU("waiting", true),
	/** To the requester: a solution to accept or refuse. */
	RESOLVED("resolved", true),
	/** To the requester: the ticket is closed, with the satisfaction survey when the desk runs one. */
	CLOSED("closed", true),
	/** To a member of the IT team: an in-app notification (SLA level, escalation, mention…) by mail too. */
	AGENT_NOTICE("agent", true),
	/**
	 * To a sender the mailbox does not take mail from: a polite automatic answer (in French and
	 * English), written to an address rather than a user; {@code Auto-Submitted: auto-replied}.
	 */
	SENDER_REFUSED("refused", true),
	/** To a member of the IT team who chose it: the day's summary of their tickets; about no one ticket. */
	DIGEST("digest", true),
	/** To a person who asked for it: the link that sets a new password; about no ticket, never subject to preferences. */
	PASSWORD_RESET("password-reset", true),
	/**
	 * To an approver (or the delegate of one away): a request waits for their approval, with its
	 * answers and the links that approve and refuse it without logging in; it leads to the "To
	 * approve" page, never to the ticket, which approvers need not see.
	 */
	APPROVAL_REQUEST("approval", true);

	/**
	 * The header that names a sent mail's kind by its {@link #key()} ({@code X-Guichet-Kind: resolved}),
	 * for whoever sorts or shows Guichet's mails: the demo's mailboxes page does.
	 */
	public static final String HEADER = "X-Guichet-Kind";

	private final String key;

	private final boolean automatic;

	MailKind(String key, boolean automatic) {
		this.key = key;
		this.automatic = automatic;
	}

	/** The part of the mail bundle's keys that names this kind. */
	public String key() {
		return key;
	}

	/** Whether the mail says {@code Auto-Submitted: auto-generated} (RFC 3834). */
	public boolean automatic() {
		return automatic;
	}

	/**
	 * The value of the mail's {@code Auto-Submitted} header (RFC 3834): {@code auto-replied} for an
	 * answer to a mail, else {@code auto-generated}; null for a mail written by a person.
	 */
	public @org.jspecify.annotations.Nullable String autoSubmitted() {
		if (!automatic) {
			return null;
		}
		return this == SENDER_REFUSED ? "auto-replied" : "auto-generated";
	}

}
