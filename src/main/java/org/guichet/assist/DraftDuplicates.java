package org.guichet.assist;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.guichet.announcements.AnnouncementKind;
import org.guichet.announcements.AnnouncementPhase;
import org.guichet.announcements.Announcements;
import org.guichet.announcements.PublishedAnnouncement;
import org.guichet.directory.CurrentUser;
import org.guichet.search.SearchService;
import org.guichet.search.SimilarRequest;
import org.guichet.text.TextSimilarity;
import org.guichet.tickets.MajorIncidents;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a request being typed on the portal likely duplicates, shown before it is filed: the
 * person's own open requests (the ones they requested or observe: the search's visibility for a
 * requester, never another's) and the ongoing major incidents announced now, whose title (the
 * announcement's, or the incident's, which is never shown) is near-identical to the title typed
 * ({@link SimilarTickets#likelyDuplicate}, the lexical rule: the draft has no embedding).
 */
@Service
public class DraftDuplicates {

	/** How many of each are shown at most. */
	static final int MAX = 3;

	/**
	 * What the title typed likely duplicates.
	 *
	 * @param own the person's open requests, best first
	 * @param incidents the current announcements of ongoing major incidents, in their order
	 */
	public record Found(List<Ticket> own, List<PublishedAnnouncement> incidents) {

		public Found {
			own = List.copyOf(own);
			incidents = List.copyOf(incidents);
		}

		/** Nothing to show. */
		public boolean isEmpty() {
			return own.isEmpty() && incidents.isEmpty();
		}

	}

	private final SearchService search;

	private final TicketManagement tickets;

	private final Announcements announcements;

	private final MajorIncidents majorIncidents;

	private final Clock clock;

	private final TextSimilarity titles;

	DraftDuplicates(SearchService search, TicketManagement tickets, Announcements announcements,
			MajorIncidents majorIncidents, Clock clock, TextSimilarity titles) {
		this.search = search;
		this.tickets = tickets;
		this.announcements = announcements;
		this.majorIncidents = majorIncidents;
		this.clock = clock;
		this.titles = titles;
	}

	/**
	 * The open requests and announced major incidents the title typed likely duplicates.
	 *
	 * @param title the title as typed so far; blank finds nothing
	 */
	@Transactional(readOnly = true)
	public Found forTitle(String title, CurrentUser reader, Locale locale) {
		if (title.isBlank()) {
			return new Found(List.of(), List.of());
		}
		List<Ticket> own = search.similar("ticket", new SimilarRequest(title, reader, locale, Set.of(),
				Map.of("status", Status.OPEN.stream().map(Status::name).toList()), SimilarTickets.CANDIDATES))
			.stream()
			.map(hit -> tickets.findVisible(new TicketId(Long.parseLong(hit.id())), reader).orElse(null))
			.filter(ticket -> ticket != null && Status.OPEN.contains(ticket.getStatus()) && !ticket.isMajorIncident()
					&& SimilarTickets.likelyDuplicate(titles, title, ticket.getTitle(), null))
			.limit(MAX)
			.toList();
		List<PublishedAnnouncement> incidents = announcements.current()
			.stream()
			.filter(a -> a.kind() == AnnouncementKind.MAJOR_INCIDENT && a.ticketId() != null
					&& a.phase(clock.instant()) == AnnouncementPhase.CURRENT)
			.filter(a -> majorIncidents.find(a.ticketId())
				.filter(incident -> incident.ongoing() && (SimilarTickets.likelyDuplicate(titles, title, incident.title(), null)
						|| SimilarTickets.likelyDuplicate(titles, title, a.title(locale), null)))
				.isPresent())
			.limit(MAX)
			.toList();
		return new Found(own, incidents);
	}

}
