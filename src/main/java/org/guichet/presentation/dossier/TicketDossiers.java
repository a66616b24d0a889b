package org.guichet.presentation.dossier;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.guichet.approvals.Approvals;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.knowledge.ArticleAudience;
import org.guichet.knowledge.ArticleStatus;
import org.guichet.knowledge.Articles;
import org.guichet.sla.SlaManagement;
import org.guichet.system.NotFoundException;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.HistoryEntry;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketLinkKind;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketView;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draws up a ticket's dossier for a reader.
 * <p>
 * Who gets what: a member of the IT team who may read the ticket gets the whole dossier (routing,
 * escalations, SLA, tasks), with the internal notes when asked. A requester gets the dossier of a
 * ticket they requested themselves (not of one they only observe), without what is the IT team's
 * own work, and never the internal notes: asking for them answers 404, as every part of a ticket
 * that is the team's does ({@link TicketManagement#internal}). A ticket the reader may not see
 * answers 404.
 */
@Service
public class TicketDossiers {

	private final TicketManagement tickets;

	private final SlaManagement sla;

	private final DeskSettings settings;

	private final UserRepository users;

	private final Articles articles;

	private final Clock clock;

	private final Approvals approvals;

	TicketDossiers(TicketManagement tickets, SlaManagement sla, DeskSettings settings, UserRepository users,
			Articles articles, Clock clock, Approvals approvals) {
		this.approvals = approvals;
		this.tickets = tickets;
		this.articles = articles;
		this.sla = sla;
		this.settings = settings;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * @param internal whether to put the internal notes in the timeline
	 * @return the dossier as of now
	 * @throws NotFoundException when the reader may not see the ticket, is a requester and not its
	 *     own requester, or is outside the IT team and asks for the internal notes
	 */
	@Transactional(readOnly = true)
	public TicketDossier of(TicketId id, boolean internal, CurrentUser reader) {
		boolean team = reader.isAgent();
		Ticket ticket = internal ? tickets.internal(id, reader) : tickets.get(id, reader);
		if (!team && !Objects.equals(ticket.getRequester().getId(), reader.id())) {
			throw new NotFoundException("ticket.not-found", "No ticket " + id, id.toString());
		}
		TicketView view = tickets.view(id, reader);
		List<HistoryEntry> history = tickets.history(id, reader);
		List<String> logins = history.stream()
			.filter(entry -> entry.getField().equals("assignee") && entry.getNewValue() != null)
			.map(HistoryEntry::getNewValue)
			.distinct()
			.toList();
		Map<String, User> named = logins.isEmpty() ? Map.of()
				: users.findByUsernameIn(logins).stream().collect(Collectors.toMap(User::getUsername, Function.identity()));
		return DossierBuilder.build(new DossierBuilder.Source(ticket, history, view.comments(), view.attachments(),
				team ? view.tasks() : List.of(), team ? tickets.escalations(id, reader) : List.of(),
				team ? sla.of(id).orElse(null) : null, settings.priorityMatrix(), named, team, internal, clock.instant(),
				children(id, reader), articles(id, reader, internal), approvals.ofTicket(id).orElse(null)));
	}

	/**
	 * The articles linked to the ticket that the reader may read, one of each pair, in the reader's
	 * language; without the internal notes (a dossier to share outside the IT team), the published
	 * public ones only.
	 */
	private List<TicketDossier.ArticleLine> articles(TicketId id, CurrentUser reader, boolean internal) {
		return articles.ofTicket(id, reader, LocaleContextHolder.getLocale())
			.stream()
			.filter(a -> internal || a.getStatus() == ArticleStatus.PUBLISHED && a.getAudience() == ArticleAudience.PUBLIC)
			.map(a -> new TicketDossier.ArticleLine(Objects.requireNonNull(a.getId(), "a saved article"), a.getTitle(),
					a.getKind(), a.getStatus(), a.getLanguage()))
			.toList();
	}

	/** The numbers of the ticket's children the reader may see, by number. */
	private List<String> children(TicketId id, CurrentUser reader) {
		return tickets.links(id, reader)
			.stream()
			.filter(link -> link.kind() == TicketLinkKind.CHILD_OF && link.inverse())
			.map(link -> link.ticket())
			.sorted(Comparator.comparingLong(t -> t.id().value()))
			.map(Ticket::getNumber)
			.toList();
	}

}
