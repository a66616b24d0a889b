package org.guichet.assist;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.links.ActionLinks;
import org.guichet.links.LinkClaim;
import org.guichet.links.LinkPurpose;
import org.guichet.links.LinkState;
import org.guichet.system.NotFoundException;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed link of the acknowledgment mail that says the article offered solved the problem
 * ({@link LinkPurpose#SELF_SERVICE_RESOLUTION}, page {@code /links/self-service/…}): its page
 * shows the article and one button; the button resolves the ticket through
 * {@link SelfServiceOffers#resolve}, as the person the link was sent to, once.
 */
@Service
@Transactional
public class SelfServiceLinks {

	private static final Set<LinkPurpose> PURPOSE = Set.of(LinkPurpose.SELF_SERVICE_RESOLUTION);

	/** What the page can do now. */
	public enum Kind {
		/** Not a link of ours, or tampered with. */
		INVALID,
		/** Its time is over. */
		EXPIRED,
		/** Already used. */
		USED,
		/** The ticket is resolved by self-service already, on the portal or through the API. */
		RESOLVED_ALREADY,
		/** The ticket can no longer be resolved with the article (someone took it, resolved it…). */
		NOT_ALLOWED,
		/** The button can act. */
		READY,
		/** The ticket was just resolved. */
		DONE
	}

	/**
	 * What the page shows.
	 *
	 * @param ticketId the ticket's id, for the link to its portal page; null for an invalid link
	 * or one whose person is no longer the requester
	 * @param number the ticket's number ({@code #1042}), under the same condition
	 * @param articleId the article offered, while it is (READY)
	 * @param usedAt when a used link was used (UTC)
	 */
	public record Page(Kind kind, @Nullable Long ticketId, @Nullable String number, @Nullable String title,
			@Nullable Long articleId, @Nullable String articleTitle, @Nullable Instant usedAt) {

		static Page invalid() {
			return new Page(Kind.INVALID, null, null, null, null, null, null);
		}

	}

	private final ActionLinks links;

	private final SelfServiceOffers offers;

	private final TicketManagement tickets;

	private final UserRepository users;

	SelfServiceLinks(ActionLinks links, SelfServiceOffers offers, TicketManagement tickets, UserRepository users) {
		this.links = links;
		this.offers = offers;
		this.tickets = tickets;
		this.users = users;
	}

	/** The language of the link's person ({@code fr}, {@code en}); null for an invalid link or a person without one. */
	@Transactional(readOnly = true)
	public @Nullable String language(String token) {
		return links.check(token, PURPOSE)
			.signed()
			.flatMap(claim -> users.findById(claim.userId()))
			.map(User::getLanguage)
			.orElse(null);
	}

	/** What the link can do now; changes nothing (mail scanners fetch links). */
	@Transactional(readOnly = true)
	public Page show(String token) {
		return page(links.check(token, PURPOSE), null);
	}

	/** Resolves the ticket with the article offered, once, if it still can be; says what happened. */
	public Page act(String token) {
		LinkState state = links.check(token, PURPOSE);
		if (!(state instanceof LinkState.Usable usable)) {
			return page(state, null);
		}
		LinkClaim claim = usable.claim();
		Optional<User> person = requester(claim);
		Optional<SelfServiceOffers.Offer> offer = person.flatMap(p -> offer(claim, p));
		if (offer.isEmpty()) {
			return page(state, null);
		}
		if (!links.redeem(claim, "resolved")) {
			return page(links.check(token, PURPOSE), null);
		}
		offers.resolve(new TicketId(claim.subjectId()), offer.get().articleId(), SelfServiceOffers.WayIn.SIGNED_LINK,
				new CurrentUser(person.get()));
		return page(state, Kind.DONE);
	}

	private Page page(LinkState state, @Nullable Kind done) {
		Optional<LinkClaim> claim = state.signed();
		Optional<Ticket> ticket = claim.flatMap(this::ticket);
		if (claim.isEmpty() || ticket.isEmpty()) {
			return Page.invalid();
		}
		boolean requester = ticket.get().getRequester().getId() == claim.get().userId();
		Long ticketId = requester ? claim.get().subjectId() : null;
		String number = requester ? ticket.get().getNumber() : null;
		String title = requester ? ticket.get().getTitle() : null;
		if (done != null) {
			return new Page(done, ticketId, number, title, null, null, null);
		}
		if (state instanceof LinkState.Expired) {
			return new Page(Kind.EXPIRED, ticketId, number, title, null, null, null);
		}
		if (state instanceof LinkState.Used used) {
			return new Page(Kind.USED, ticketId, number, title, null, null, used.usedAt());
		}
		Optional<SelfServiceOffers.Offer> offer = requester(claim.get()).flatMap(p -> offer(claim.get(), p));
		if (offer.isPresent()) {
			return new Page(Kind.READY, ticketId, number, title, offer.get().articleId(), offer.get().title(), null);
		}
		Kind why = offers.resolvedBySelfService(ticket.get().id()) ? Kind.RESOLVED_ALREADY : Kind.NOT_ALLOWED;
		return new Page(why, ticketId, number, title, null, null, null);
	}

	/** The link's person, while active and still the ticket's requester. */
	private Optional<User> requester(LinkClaim claim) {
		return ticket(claim).filter(t -> t.getRequester().getId() == claim.userId())
			.flatMap(t -> users.findById(claim.userId()).filter(User::isActive));
	}

	private Optional<SelfServiceOffers.Offer> offer(LinkClaim claim, User person) {
		return offers.offer(new TicketId(claim.subjectId()), new CurrentUser(person));
	}

	private Optional<Ticket> ticket(LinkClaim claim) {
		try {
			return Optional.of(tickets.find(new TicketId(claim.subjectId())));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

}
