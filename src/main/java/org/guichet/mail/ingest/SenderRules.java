package org.guichet.mail.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The allow and block lists of a mailbox ({@link MailboxPolicy#allowed()},
 * {@link MailboxPolicy#blocked()}): an entry is an address ({@code a@b.org}, matched whole) or a
 * domain ({@code b.org} or {@code @b.org}, matching that domain and its sub-domains), ignoring case.
 */
final class SenderRules {

	private SenderRules() {
	}

	/**
	 * The entry of the block list that drops this sender's mail, unless the allow list names them.
	 *
	 * @param sender the sender's address, lower case
	 * @return the blocking entry, or nothing when the mail is taken
	 */
	static Optional<String> blockedBy(String sender, MailboxPolicy mailbox) {
		if (mailbox.allowed().stream().anyMatch(entry -> matches(sender, entry))) {
			return Optional.empty();
		}
		return mailbox.blocked().stream().filter(entry -> matches(sender, entry)).findFirst();
	}

	/** Whether the address is one of these addresses, ignoring case. */
	static boolean isAny(String sender, List<String> addresses) {
		return addresses.stream().anyMatch(address -> address.strip().equalsIgnoreCase(sender));
	}

	static boolean matches(String sender, String entry) {
		String rule = entry.strip().toLowerCase(Locale.ROOT);
		if (rule.isEmpty()) {
			return false;
		}
		String address = sender.toLowerCase(Locale.ROOT);
		if (rule.indexOf('@') > 0) {
			return address.equals(rule);
		}
		String domain = rule.startsWith("@") ? rule.substring(1) : rule;
		int at = address.lastIndexOf('@');
		String senderDomain = at < 0 ? "" : address.substring(at + 1);
		return senderDomain.equals(domain) || senderDomain.endsWith("." + domain);
	}

}
