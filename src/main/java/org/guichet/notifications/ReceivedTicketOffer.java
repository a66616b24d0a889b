package org.guichet.notifications;

import java.util.Optional;

import org.guichet.tickets.TicketId;

/**
 * What the mail acknowledging a new ticket may offer its requester besides its number: an
 * article that may solve their problem, with a link that resolves the ticket with it (module
 * assist, docs/ASSIST.md "Self-service resolution"). Implemented by the module that decides;
 * without an implementation, the mail offers nothing.
 */
public interface ReceivedTicketOffer {

	/**
	 * The article offered to the requester of a ticket just registered, asked in the
	 * registration's transaction; empty when none is.
	 */
	Optional<OfferedArticle> offered(TicketId ticket);

	/**
	 * An article offered.
	 *
	 * @param articleId the article's id: the mail links to its page on the portal
	 * @param title its title as the mail shows it
	 */
	record OfferedArticle(long articleId, String title) {
	}

}
