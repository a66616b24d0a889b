package org.guichet.links.web;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.links.ActionLinks;
import org.guichet.links.LinkClaim;
import org.guichet.links.LinkPurpose;
import org.guichet.links.LinkState;
import org.guichet.links.web.TicketLinkPage.Kind;
import org.guichet.tickets.Status;
import org.guichet.tickets.Surveys;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.Transition;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ticket actions of signed links: the requester accepts or refuses the solution, or rates
 * the service, through {@link TicketManagement}'s own operations (its rules, its events), as the
 * person the link was issued to; the history notes the way in ({@link TicketManagement#SIGNED_LINK}).
 */
@Service
@Transactional
class TicketLinkActions {

	static final Set<LinkPurpose> PURPOSES = EnumSet.of(LinkPurpose.ACCEPT_SOLUTION, LinkPurpose.REFUSE_SOLUTION,
			LinkPurpose.RATE_SERVICE);

	private final ActionLinks links;

	private final TicketManagement tickets;

	private final Surveys surveys;

	private final UserRepository users;

	TicketLinkActions(ActionLinks links, TicketManagement tickets, Surveys surveys, UserRepository users) {
		this.links = links;
		this.tickets = tickets;
		this.surveys = surveys;
		this.users = users;
	}

	/** The language of the link's person ({@code fr}, {@code en}); null for an invalid link or a person without one. */
	@Transactional(readOnly = true)
	@Nullable String language(String token) {
		return links.check(token, PURPOSES)
			.signed()
			.flatMap(claim -> users.findById(claim.userId()))
			.map(User::getLanguage)
			.orElse(null);
	}

	/** What the link can do now; changes nothing. */
	@Transactional(readOnly = true)
	TicketLinkPage show(String token) {
		return page(links.check(token, PURPOSES));
	}

	/**
	 * Takes the link's action once, if it still can, and says what happened.
	 *
	 * @param rating 1 to 5, for {@link LinkPurpose#RATE_SERVICE}
	 * @param comment the reason of a refusal (required, as on the ticket page), the message of an
	 * acceptance or the comment of a rating (optional)
	 * @throws org.guichet.system.InvalidInputException as the ticket's operation refuses the input;
	 * nothing is done and the link stays usable
	 */
	TicketLinkPage act(String token, @Nullable Integer rating, @Nullable String comment) {
		LinkState state = links.check(token, PURPOSES);
		if (!(state instanceof LinkState.Usable usable)) {
			return page(state);
		}
		LinkClaim claim = usable.claim();
		Optional<Context> context = context(claim);
		if (context.isEmpty() || !allows(context.get().ticket(), claim)) {
			return page(state);
		}
		String outcome = switch (claim.purpose()) {
			case ACCEPT_SOLUTION -> "accepted";
			case REFUSE_SOLUTION -> "refused";
			case RATE_SERVICE -> "rated:" + rating;
			default -> throw new IllegalStateException("Not a ticket link: " + claim.purpose());
		};
		if (!links.redeem(claim, outcome)) {
			return page(links.check(token, PURPOSES));
		}
		TicketId ticket = context.get().ticket().id();
		CurrentUser as = new CurrentUser(context.get().user());
		switch (claim.purpose()) {
			case ACCEPT_SOLUTION -> tickets.transition(ticket,
					new Transition(TicketAction.ACCEPT, comment, null, null, null), null, as);
			case REFUSE_SOLUTION -> tickets.transition(ticket,
					new Transition(TicketAction.REFUSE, comment, null, null, null), null, as);
			case RATE_SERVICE -> tickets.rate(ticket, rating == null ? 0 : rating, comment, as);
		}
		tickets.recordWayIn(ticket, TicketManagement.SIGNED_LINK, as);
		return of(claim, Kind.DONE, null);
	}

	private TicketLinkPage page(LinkState state) {
		if (state instanceof LinkState.Expired expired) {
			return of(expired.claim(), Kind.EXPIRED, null);
		}
		if (state instanceof LinkState.Used used) {
			return of(used.claim(), Kind.USED, used);
		}
		if (state instanceof LinkState.Usable usable) {
			boolean allowed = context(usable.claim()).filter(c -> allows(c.ticket(), usable.claim())).isPresent();
			return of(usable.claim(), allowed ? Kind.READY : Kind.NOT_ALLOWED, null);
		}
		return TicketLinkPage.invalid();
	}

	private TicketLinkPage of(LinkClaim claim, Kind kind, LinkState.@Nullable Used used) {
		Optional<Ticket> ticket = ticket(claim);
		if (ticket.isEmpty()) {
			return TicketLinkPage.invalid();
		}
		// a link whose person is no longer the requester says nothing of the ticket
		boolean requester = ticket.get().getRequester().getId() == claim.userId();
		boolean answersSolution = claim.purpose() != LinkPurpose.RATE_SERVICE;
		return new TicketLinkPage(kind, claim.purpose(), requester ? claim.subjectId() : null,
				requester ? ticket.get().getNumber() : null, requester ? ticket.get().getTitle() : null,
				requester && answersSolution ? ticket.get().getSolution() : null, used == null ? null : used.usedAt(),
				used == null ? null : used.outcome(), null, null);
	}

	/** The ticket and the link's person, while that person is active and still its requester. */
	private Optional<Context> context(LinkClaim claim) {
		return ticket(claim).filter(t -> t.getRequester().getId() == claim.userId())
			.flatMap(t -> users.findById(claim.userId()).filter(User::isActive).map(u -> new Context(t, u)));
	}

	private Optional<Ticket> ticket(LinkClaim claim) {
		try {
			return Optional.of(tickets.find(new TicketId(claim.subjectId())));
		}
		catch (org.guichet.system.NotFoundException ex) {
			return Optional.empty();
		}
	}

	private boolean allows(Ticket ticket, LinkClaim claim) {
		return switch (claim.purpose()) {
			case ACCEPT_SOLUTION -> TicketAction.ACCEPT.allowedFrom(ticket.getStatus());
			case REFUSE_SOLUTION -> TicketAction.REFUSE.allowedFrom(ticket.getStatus());
			case RATE_SERVICE -> ticket.getStatus() == Status.CLOSED && surveys.answerable(ticket);
			default -> false;
		};
	}

	private record Context(Ticket ticket, User user) {
	}

}
