package org.guichet.assist;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.knowledge.Article;
import org.guichet.knowledge.ArticleLanguage;
import org.guichet.knowledge.Articles;
import org.guichet.knowledge.RelevantArticles;
import org.guichet.notifications.ReceivedTicketOffer;
import org.guichet.system.ConflictException;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.Categories;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketEvents.TicketCreated;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-service resolution (docs/ASSIST.md): when a ticket is registered, the article the search
 * finds for it with a high enough confidence ({@link SelfServiceMatching}) is offered to its
 * requester ({@code self_service_offer}), on the ticket's portal page and in the mail that
 * acknowledges it ({@link ReceivedTicketOffer}); "This solved my problem" resolves and closes the
 * ticket with the article through {@link TicketManagement#resolveBySelfService}. The offer stands
 * while the ticket may still be resolved so (nobody took it, not held for approval, its category
 * still allowed) and the article is still published to requesters.
 */
@Service
@Transactional
public class SelfServiceOffers implements ReceivedTicketOffer {

	/** The ways in a self-service resolution is recorded with. */
	public enum WayIn {
		/** The ticket's page on the portal. */
		PORTAL,
		/** The signed link of the acknowledgment mail. */
		SIGNED_LINK,
		/** {@code POST /api/v1/tickets/{id}/self-service-resolution}. */
		API
	}

	/**
	 * The article offered to a ticket's requester now.
	 *
	 * @param confidence 0 to 1, as computed at registration
	 */
	public record Offer(TicketId ticket, long articleId, String title, double confidence) {
	}

	private final JdbcClient jdbc;

	private final SelfServiceSettings settings;

	private final RelevantArticles relevant;

	private final Articles articles;

	private final TicketManagement tickets;

	private final Categories categories;

	private final Clock clock;

	private final String defaultLanguage;

	SelfServiceOffers(JdbcClient jdbc, SelfServiceSettings settings, RelevantArticles relevant, Articles articles,
			TicketManagement tickets, Categories categories, Clock clock,
			@Value("${guichet.default-language:fr}") String defaultLanguage) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.relevant = relevant;
		this.articles = articles;
		this.tickets = tickets;
		this.categories = categories;
		this.clock = clock;
		this.defaultLanguage = defaultLanguage;
	}

	/**
	 * A ticket just registered: the article to offer its requester, if any, is chosen now, in the
	 * registration's transaction (the acknowledgment mail, queued in it too, offers it). Nothing
	 * is searched when the ticket's category is not allowed.
	 */
	@EventListener
	void on(TicketCreated created) {
		Set<Long> allowed = settings.categories();
		if (allowed.isEmpty() || created.categoryId() == null) {
			return;
		}
		Ticket ticket = tickets.find(created.ticket());
		SelfServiceMatching.TicketState state = state(ticket);
		if (!SelfServiceMatching.mayBeOffered(allowed, state)) {
			return;
		}
		User requester = ticket.getRequester();
		Locale locale = Locale.forLanguageTag(requester.getLanguage() == null ? defaultLanguage : requester.getLanguage());
		ArticleLanguage language = ArticleLanguage.of(locale);
		List<SelfServiceMatching.Candidate> candidates = relevant
			.forDraft(ticket.getTitle(), ticket.getDescription(), created.categoryId(), new CurrentUser(requester), locale)
			.stream()
			.map(a -> new SelfServiceMatching.Candidate(Objects.requireNonNull(a.getId()), a.getTitle(), a.isPublicNow(),
					a.getLanguage() == language))
			.toList();
		SelfServiceMatching.offer(settings.threshold(), allowed, state, candidates)
			.ifPresent(offer -> jdbc.sql("insert into self_service_offer (ticket_id, article_id, confidence, offered_at)"
					+ " values (:ticket, :article, :confidence, :at)")
				.param("ticket", created.ticket().value())
				.param("article", offer.articleId())
				.param("confidence", offer.confidence())
				.param("at", Timestamp.from(created.at()))
				.update());
	}

	/** The article offered to the ticket's requester now, for the acknowledgment mail; empty when none. */
	@Override
	@Transactional(readOnly = true)
	public Optional<OfferedArticle> offered(TicketId id) {
		Ticket ticket = tickets.find(id);
		return current(ticket).map(offer -> new OfferedArticle(offer.articleId(), offer.title()));
	}

	/**
	 * The article offered to the reader for their ticket now; empty when the reader is not its
	 * requester, nothing was offered, or the offer no longer stands.
	 *
	 * @throws org.guichet.system.NotFoundException when the reader may not see the ticket
	 */
	@Transactional(readOnly = true)
	public Optional<Offer> offer(TicketId id, CurrentUser reader) {
		Ticket ticket = tickets.get(id, reader);
		if (ticket.getRequester().getId() != reader.id()) {
			return Optional.empty();
		}
		return current(ticket);
	}

	/**
	 * The requester says the article offered solved their problem: the ticket is resolved by
	 * self-service with it and closed, and the resolution recorded with its way in (the history
	 * notes {@link TicketManagement#SIGNED_LINK} for the mail's link).
	 *
	 * @param articleId the article offered, as the page or the client saw it
	 * @throws org.guichet.system.NotFoundException when {@code by} may not see the ticket
	 * @throws org.guichet.system.ForbiddenException unless {@code by} is its requester
	 * @throws ConflictException ({@code assist.self-service.not-offered}) when no article is
	 * offered for it now (nothing found, someone took it, already resolved…)
	 * @throws InvalidInputException (field {@code articleId}) when another article is offered
	 */
	public Ticket resolve(TicketId id, long articleId, WayIn way, CurrentUser by) {
		Ticket ticket = tickets.get(id, by);
		Optional<Offer> offer = ticket.getRequester().getId() == by.id() ? current(ticket) : Optional.empty();
		if (ticket.getRequester().getId() == by.id() && offer.isEmpty()) {
			throw new ConflictException("assist.self-service.not-offered",
					"No article is offered to resolve ticket " + id + " now", id.toString());
		}
		if (offer.isPresent() && offer.get().articleId() != articleId) {
			throw new InvalidInputException("articleId", "assist.self-service.other-article",
					"Article " + articleId + " is not the one offered for ticket " + id, articleId);
		}
		String title = offer.map(Offer::title).orElse("");
		Ticket resolved = tickets.resolveBySelfService(id, "[" + title.replace("]", "\\]") + "](/portal/knowledge/"
				+ articleId + ")", "#" + articleId + " " + title, by);
		Instant now = clock.instant();
		jdbc.sql("update self_service_offer set resolved_at = :at, way_in = :way where ticket_id = :ticket")
			.param("at", Timestamp.from(now))
			.param("way", way.name())
			.param("ticket", id.value())
			.update();
		if (way == WayIn.SIGNED_LINK) {
			tickets.recordWayIn(id, TicketManagement.SIGNED_LINK, by);
		}
		return resolved;
	}

	/**
	 * Whether the ticket stands resolved by self-service now (resolved or closed with the article
	 * offered, not reopened since), so that a second "This solved my problem" (another tab, the
	 * portal after the mail's link) is told it is done rather than that the IT team handles it.
	 */
	@Transactional(readOnly = true)
	public boolean resolvedBySelfService(TicketId id) {
		Ticket ticket = tickets.find(id);
		return ticket.getSolutionKind() == SolutionKind.SELF_SERVICE
				&& (ticket.getStatus() == Status.RESOLVED || ticket.getStatus() == Status.CLOSED);
	}

	/** How many tickets were resolved by self-service from {@code from} (included) to {@code to} (excluded). */
	@Transactional(readOnly = true)
	public long resolvedBetween(Instant from, Instant to) {
		return jdbc.sql("select count(*) from self_service_offer where resolved_at >= :from and resolved_at < :to")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Long.class)
			.single();
	}

	/** The offer recorded for the ticket, while it stands. */
	private Optional<Offer> current(Ticket ticket) {
		Optional<Long> articleId = jdbc
			.sql("select article_id from self_service_offer where ticket_id = :ticket and resolved_at is null"
					+ " and article_id is not null")
			.param("ticket", ticket.id().value())
			.query(Long.class)
			.optional();
		if (articleId.isEmpty() || !SelfServiceMatching.mayBeOffered(settings.categories(), state(ticket))) {
			return Optional.empty();
		}
		double confidence = jdbc.sql("select confidence from self_service_offer where ticket_id = :ticket")
			.param("ticket", ticket.id().value())
			.query(Double.class)
			.single();
		return articles.find(articleId.get(), new CurrentUser(ticket.getRequester()))
			.filter(Article::isPublicNow)
			.map(article -> new Offer(ticket.id(), articleId.get(), article.getTitle(), confidence));
	}

	private SelfServiceMatching.TicketState state(Ticket ticket) {
		Long categoryId = ticket.getCategory() == null ? null : ticket.getCategory().getId();
		return new SelfServiceMatching.TicketState(ticket.getTitle(), categories.lineage(categoryId),
				ticket.getStatus() == Status.NEW || ticket.getStatus() == Status.ASSIGNED, ticket.isHeldForApproval(),
				Objects.equals(ticket.getRegisteredBy().getId(), ticket.getRequester().getId()), ticket.isMajorIncident());
	}

}
