package org.guichet.mail.inbound;

/**
 * What kind of mail came in, for the loop protection: only a {@link #NORMAL} mail opens a ticket
 * or gets an answer.
 */
public enum MailKind {

	/** Written by a person to the service desk. */
	NORMAL,

	/** An automatic answer: out of office, vacation, "we received your mail"… */
	AUTO_REPLY,

	/** Mass mail marked as such ({@code Precedence: bulk} or {@code junk}). */
	BULK,

	/** Mail of a mailing list ({@code List-Id}, {@code Precedence: list}). */
	LIST,

	/** A delivery failure report, standard (RFC 3464) or not. */
	BOUNCE

}
