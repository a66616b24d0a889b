package org.guichet.assist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.guichet.directory.CurrentUser;
import org.guichet.search.SearchService;
import org.guichet.search.SimilarRequest;
import org.guichet.text.TextSimilarity;
import org.guichet.tickets.LinkedTicket;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The past tickets most like a ticket, for the agent's ticket page, and the open one it likely
 * duplicates. Two rankings of the tickets the reader may see are merged by {@link RankFusion}:
 * the search index's "more like this" on the ticket's title and description (French and English
 * analysis, {@link SearchService#similar}) and, when the embedding model is on, the cosine of the
 * stored embeddings ({@link TicketEmbeddings}). Visibility is the search's ({@code
 * tickets.TicketAccess}): the index's query applies it, and each semantic neighbour is read
 * through {@link TicketManagement#findVisible}.
 */
@Service
public class SimilarTickets {

	/** How many similar tickets are shown at most. */
	public static final int MAX = 5;

	/** From this cosine of the two tickets' embeddings on (inclusive), an open ticket is a likely duplicate. */
	public static final double DUPLICATE_COSINE = 0.9;

	/** How many tickets each ranking gives to the fusion. */
	static final int CANDIDATES = 20;

	/**
	 * A ticket's similar tickets.
	 *
	 * @param tickets at most {@link #MAX}, resolved and closed ones first (their solution is what
	 * helps), each part in the fused order
	 * @param likelyDuplicateOf the open ticket registered before it that it likely duplicates, or
	 * null (also when they are already linked, and for a ticket no longer open)
	 */
	public record Similar(List<Ticket> tickets, @Nullable Ticket likelyDuplicateOf) {

		public Similar {
			tickets = List.copyOf(tickets);
		}

	}

	private final TicketManagement tickets;

	private final SearchService search;

	private final TicketEmbeddings embeddings;

	private final TextSimilarity titles;

	SimilarTickets(TicketManagement tickets, SearchService search, TicketEmbeddings embeddings, TextSimilarity titles) {
		this.tickets = tickets;
		this.search = search;
		this.embeddings = embeddings;
		this.titles = titles;
	}

	/**
	 * The tickets most like this one that the reader may see, and the open one it likely duplicates.
	 *
	 * @throws org.guichet.system.NotFoundException when the reader may not see the ticket
	 */
	@Transactional(readOnly = true)
	public Similar forTicket(TicketId id, CurrentUser reader, Locale locale) {
		Ticket ticket = tickets.get(id, reader);
		long number = id.value();
		Set<String> itself = Set.of(Long.toString(number));
		List<Long> lexical = ids(new SimilarRequest(text(ticket), reader, locale, itself, Map.of(), CANDIDATES));
		List<TicketEmbeddings.Neighbour> neighbours = embeddings.nearest(number, CANDIDATES);
		List<Long> semantic = neighbours.stream().map(TicketEmbeddings.Neighbour::ticketId).toList();
		Set<Long> linked = new HashSet<>();
		tickets.links(id, reader).stream().map(LinkedTicket::ticket).forEach(other -> linked.add(other.id().value()));
		List<Ticket> found = new ArrayList<>();
		for (RankFusion.Fused fused : RankFusion.fuse(List.of(lexical, semantic))) {
			if (found.size() == MAX) {
				break;
			}
			tickets.findVisible(new TicketId(fused.id()), reader)
				.filter(other -> other.getStatus() != Status.CANCELLED)
				.ifPresent(found::add);
		}
		Ticket duplicateOf = null;
		if (Status.OPEN.contains(ticket.getStatus())) {
			// open tickets asked apart: among many closed near-twins, an open one may rank past the candidates
			List<Long> openLexical = ids(new SimilarRequest(text(ticket), reader, locale, itself,
					Map.of("status", Status.OPEN.stream().map(Status::name).toList()), MAX));
			for (RankFusion.Fused fused : RankFusion.fuse(List.of(openLexical, semantic))) {
				Ticket other = fused.id() < number && !linked.contains(fused.id())
						? tickets.findVisible(new TicketId(fused.id()), reader).orElse(null) : null;
				if (other != null && Status.OPEN.contains(other.getStatus())
						&& likelyDuplicate(titles, ticket.getTitle(), other.getTitle(), cosine(neighbours, fused.id()))) {
					duplicateOf = other;
					break;
				}
			}
		}
		List<Ticket> ordered = new ArrayList<>(found.stream().filter(SimilarTickets::settled).toList());
		found.stream().filter(other -> !settled(other)).forEach(ordered::add);
		return new Similar(ordered, duplicateOf);
	}

	/**
	 * Whether an open ticket is a likely duplicate: their titles are near-identical by the measure
	 * of the recurring incidents ({@link TextSimilarity#similar}: by default a Jaccard index of 0.6
	 * or more of their normalised words), or their embeddings have a cosine of
	 * {@value #DUPLICATE_COSINE} or more.
	 *
	 * @param cosine the embeddings' cosine, or null when either has none (model off, not computed yet)
	 */
	static boolean likelyDuplicate(TextSimilarity titles, String title, String otherTitle, @Nullable Double cosine) {
		return titles.similar(title, otherTitle) || cosine != null && cosine >= DUPLICATE_COSINE;
	}

	private List<Long> ids(SimilarRequest request) {
		return search.similar("ticket", request).stream().map(hit -> Long.valueOf(hit.id())).toList();
	}

	/** The text compared: the title and the description. */
	static String text(Ticket ticket) {
		return ticket.getTitle() + "\n" + ticket.getDescription();
	}

	private static boolean settled(Ticket ticket) {
		return ticket.getStatus() == Status.RESOLVED || ticket.getStatus() == Status.CLOSED;
	}

	private static @Nullable Double cosine(List<TicketEmbeddings.Neighbour> neighbours, long ticketId) {
		return neighbours.stream().filter(n -> n.ticketId() == ticketId).map(TicketEmbeddings.Neighbour::cosine)
			.findFirst().orElse(null);
	}

}
