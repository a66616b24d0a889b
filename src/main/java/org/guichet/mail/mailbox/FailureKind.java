package org.guichet.mail.mailbox;

/** What went wrong talking to a mail server, in the words an administrator can act on. */
enum FailureKind {

	/** The host name does not resolve. */
	UNKNOWN_HOST,
	/** Nothing listens at that host and port, or a firewall refused. */
	REFUSED,
	/** The server did not answer in time. */
	TIMEOUT,
	/** The TLS handshake failed: certificate not trusted or not for that name, no STARTTLS, plain port. */
	TLS,
	/** The server refused the username or the password. */
	CREDENTIALS,
	/** The folder (or the folder to move to) does not exist. */
	NO_SUCH_FOLDER,
	/** The stored password cannot be decrypted with this key. */
	PASSWORD_UNREADABLE,
	/** Anything else the server or the connection said. */
	OTHER

}
