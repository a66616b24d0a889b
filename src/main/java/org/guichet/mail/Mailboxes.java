package org.guichet.mail;

import java.util.List;

/**
 * The mailboxes Guichet reads mail in from (see docs/MAIL.md#mailboxes): what the presentation
 * shows of them and how code (the demo) configures one as an administrator would.
 */
public interface Mailboxes {

	/** The enabled mailboxes, by name; empty when mail in is not configured. */
	List<ReadMailbox> enabled();

	/**
	 * Whether a mailbox, enabled or not, has this address.
	 *
	 * @param address any case
	 */
	boolean exists(String address);

	/**
	 * Creates a mailbox, checked as an administrator's would be; it is read from the next round.
	 *
	 * @return its id
	 * @throws org.guichet.system.InvalidInputException listing every wrong field (a name or an
	 *         address another mailbox has among them)
	 */
	long create(MailboxDefinition definition);

	/**
	 * A mailbox being read.
	 *
	 * @param name its name
	 * @param address its own address, lower case
	 * @param protocol how it is read
	 * @param server where, without credentials: {@code host:port}
	 * @param secure whether the connection is encrypted (TLS or STARTTLS)
	 */
	record ReadMailbox(String name, String address, MailboxDefinition.Protocol protocol, String server,
			boolean secure) {
	}

}
