package org.guichet.presentation.about;

/** What an outside server a deployment is configured with does for it. */
public enum ServerKind {

	/** Sends e-mail (SMTP). */
	MAIL_OUTGOING,
	/** Holds the e-mail that becomes tickets (IMAP, POP3). */
	MAIL_INCOMING,
	/** Knows the organisation's people (LDAP, Active Directory, OpenID Connect). */
	DIRECTORY,
	/** Sends the SMS out and posts the texts in to Guichet's webhook (an HTTP gateway, Twilio). */
	SMS_GATEWAY,
	/** Indexes the texts for search. */
	SEARCH_ENGINE,
	/** Any other service Guichet calls. */
	EXTERNAL_SERVICE

}
