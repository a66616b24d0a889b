package org.guichet.mail.ingest;

/** What a mailbox does with a mail from an address that is no user's. */
public enum UnknownSenders {

	/** A requester account is created for the address (no password: they use the mail's links or reset it). */
	CREATE_REQUESTER,

	/** The ticket is registered without a known requester, in the triage queue, for an agent to attach it to someone. */
	TRIAGE,

	/** No ticket: a polite automatic answer says that only known users may write to this address. */
	REFUSE

}
