package org.guichet.tickets.web;

import org.guichet.tickets.Ticket;
import org.springframework.stereotype.Component;

/**
 * The longest texts a ticket accepts, in characters, for the pages' {@code maxlength}
 * ({@code @textLimits}): the browser stops where the server would refuse, and
 * {@code accessibility.js} tells screen readers how many characters are left near the limit.
 */
@Component("textLimits")
public class TextLimits {

	/** A description, a reply, a note, a solution, a refusal's reason: {@link Ticket#TEXT_MAX}. */
	public int text() {
		return Ticket.TEXT_MAX;
	}

	/** An escalation's or a cancellation's reason: {@link Ticket#REASON_MAX}. */
	public int reason() {
		return Ticket.REASON_MAX;
	}

	/** A satisfaction rating's comment: {@link Ticket#RATING_COMMENT_MAX}. */
	public int ratingComment() {
		return Ticket.RATING_COMMENT_MAX;
	}

}
