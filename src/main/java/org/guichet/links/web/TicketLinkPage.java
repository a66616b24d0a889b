package org.guichet.links.web;

import java.time.Instant;

import org.guichet.links.LinkPurpose;
import org.jspecify.annotations.Nullable;

/**
 * What the page of a ticket's signed link shows.
 *
 * @param purpose null for an invalid link
 * @param ticketId the ticket's id, for the link to its page on the portal; null when the number is
 * @param number the ticket's number, e.g. {@code #1042}; null for an invalid link
 * @param solution the solution (Markdown) that an accept or refuse link answers; null for a survey
 *        link, a ticket without solution, or a link whose person is no longer the requester
 * @param usedAt when a used link was used (UTC)
 * @param outcome what a used link did ({@link TicketLinkActions})
 * @param error the message key of a refused input, its field {@code comment} or {@code rating}
 */
record TicketLinkPage(Kind kind, @Nullable LinkPurpose purpose, @Nullable Long ticketId, @Nullable String number,
		@Nullable String title, @Nullable String solution,
		@Nullable Instant usedAt, @Nullable String outcome, @Nullable String error, Object @Nullable [] errorArguments) {

	/** What the link can do now. */
	enum Kind {

		/** Not a link of ours, or tampered with. */
		INVALID,
		/** Its time is over. */
		EXPIRED,
		/** Already used (outcome says how). */
		USED,
		/** The ticket no longer allows the action (reopened, closed, survey expired…). */
		NOT_ALLOWED,
		/** The button can act. */
		READY,
		/** The action was just taken. */
		DONE

	}

	static TicketLinkPage invalid() {
		return new TicketLinkPage(Kind.INVALID, null, null, null, null, null, null, null, null, null);
	}

	TicketLinkPage withError(String key, Object[] arguments) {
		return new TicketLinkPage(kind, purpose, ticketId, number, title, solution, usedAt, outcome, key,
				arguments);
	}

}
