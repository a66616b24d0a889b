package org.guichet.knowledge;

import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published articles relevant to a ticket being written or worked on, found by the articles'
 * search source with the reader's visibility: the portal's suggestions as a requester types
 * (only published public articles), and the agent's panel on the ticket page (published
 * articles, internal ones included).
 */
@Service
@Transactional(readOnly = true)
public class RelevantArticles {

	/** How many articles are suggested or shown in the panel at most. */
	public static final int MAX = 5;

	private final ArticleSearchSource source;

	private final TicketManagement tickets;

	RelevantArticles(ArticleSearchSource source, TicketManagement tickets) {
		this.source = source;
		this.tickets = tickets;
	}

	/**
	 * The articles relevant to what is typed so far, for its reader, best first; empty when both
	 * texts are blank.
	 *
	 * @param title the title as typed, may be null
	 * @param description the description as typed, may be null
	 * @param categoryId the category chosen, or null
	 */
	public List<Article> forDraft(@Nullable String title, @Nullable String description, @Nullable Long categoryId,
			CurrentUser reader) {
		String text = ((title == null ? "" : title) + " " + (description == null ? "" : description)).strip();
		return source.related(text, categoryId, reader, MAX);
	}

	/**
	 * The articles relevant to the ticket (its title, description and category) for the reader,
	 * best first.
	 *
	 * @throws org.guichet.system.NotFoundException when the reader may not see the ticket
	 */
	public List<Article> forTicket(TicketId id, CurrentUser reader) {
		Ticket ticket = tickets.get(id, reader);
		return forDraft(ticket.getTitle(), ticket.getDescription(),
				ticket.getCategory() == null ? null : ticket.getCategory().getId(), reader);
	}

}
