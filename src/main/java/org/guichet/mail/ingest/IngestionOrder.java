package org.guichet.mail.ingest;

import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.Set;

import org.guichet.mail.inbound.InboundMails;

/**
 * What ties messages of one batch that must be ingested one after the other, in the mailbox's
 * order, when a batch is ingested on several threads (docs/MAIL.md#reading-and-what-happens-after-ingest):
 * two messages that share a key are never ingested at once.
 * <ul>
 * <li>the conversation: the Message-ID and every id of {@code In-Reply-To} and {@code References},
 * so that a follow-up never overtakes the mail it answers (nor that mail's own parents);</li>
 * <li>the sender's address, lower case, so that two mails of a new sender create one account,
 * and the per-sender rate limit counts them in order;</li>
 * <li>the ticket named in the subject ({@code [#1042]}), so that two follow-ups of one ticket are
 * not written to it at once.</li>
 * </ul>
 */
public final class IngestionOrder {

	private IngestionOrder() {
	}

	/**
	 * The keys of one message, read from its header only; never throws.
	 *
	 * @param raw the message's bytes as the server gave them
	 * @return its keys, which are compared as they are; empty for bytes without a readable header
	 */
	public static Set<String> keys(byte[] raw) {
		InboundMails.Heads heads = InboundMails.heads(raw);
		Set<String> keys = new LinkedHashSet<>();
		if (heads.messageId() != null) {
			keys.add("<" + heads.messageId() + ">");
		}
		if (heads.inReplyTo() != null) {
			keys.add("<" + heads.inReplyTo() + ">");
		}
		heads.references().forEach(id -> keys.add("<" + id + ">"));
		if (heads.from() != null) {
			keys.add("from " + MailSubjects.normalised(heads.from().address()));
		}
		OptionalLong ticket = MailSubjects.reference(heads.subject());
		if (ticket.isPresent()) {
			keys.add("ticket " + ticket.getAsLong());
		}
		return keys;
	}

}
