package org.guichet.knowledge;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

	private final DiagnosisProcedures diagnosis;

	RelevantArticles(ArticleSearchSource source, TicketManagement tickets, DiagnosisProcedures diagnosis) {
		this.source = source;
		this.tickets = tickets;
		this.diagnosis = diagnosis;
	}

	/**
	 * The articles relevant to what is typed so far, for its reader, best first; empty when both
	 * texts are blank.
	 *
	 * @param title the title as typed, may be null
	 * @param description the description as typed, may be null
	 * @param categoryId the category chosen, or null
	 * @param locale the reader's language: of an article and its translation, only the one in it is given
	 */
	public List<Article> forDraft(@Nullable String title, @Nullable String description, @Nullable Long categoryId,
			CurrentUser reader, Locale locale) {
		String text = ((title == null ? "" : title) + " " + (description == null ? "" : description)).strip();
		return source.related(text, categoryId, reader, locale, Set.of(), MAX);
	}

	/**
	 * The articles relevant to the ticket (its title, description and category) for the reader,
	 * but its category's diagnosis procedure (its checklist is in the panel already), best first, one of each translation pair (in the reader's language when it is published).
	 *
	 * @throws org.guichet.system.NotFoundException when the reader may not see the ticket
	 */
	public List<Article> forTicket(TicketId id, CurrentUser reader, Locale locale) {
		Ticket ticket = tickets.get(id, reader);
		Long categoryId = ticket.getCategory() == null ? null : ticket.getCategory().getId();
		// Its own diagnosis procedure is already the panel's checklist: not one more article to read.
		Set<Long> leftOut = new HashSet<>();
		Article procedure = diagnosis.procedureOf(categoryId);
		if (procedure != null) {
			leftOut.add(procedure.getId());
			if (procedure.getTranslationId() != null) {
				leftOut.add(procedure.getTranslationId());
			}
		}
		String text = (ticket.getTitle() + " " + (ticket.getDescription() == null ? "" : ticket.getDescription())).strip();
		return source.related(text, categoryId, reader, locale, leftOut, MAX);
	}

}
