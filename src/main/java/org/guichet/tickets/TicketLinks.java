package org.guichet.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.system.ConflictException;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents link two tickets by hand (related to, duplicate of, parent / child) and remove such
 * links, each recorded in the history of both tickets. The rules a link keeps are
 * {@link TicketLinkRules}'; who may make it is the ticket page's rule: an agent who works on the
 * ticket (see {@link TicketAccess}) and sees the other.
 */
@Service
@Transactional
public class TicketLinks {

	private final TicketManagement management;

	private final TicketRepository tickets;

	private final TicketLinkRepository links;

	private final TicketAccess access;

	private final Clock clock;

	TicketLinks(TicketManagement management, TicketRepository tickets, TicketLinkRepository links,
			TicketAccess access, Clock clock) {
		this.management = management;
		this.access = access;
		this.tickets = tickets;
		this.links = links;
		this.clock = clock;
	}

	/**
	 * Links the ticket to another: "ticket {@code id} RELATION ticket {@code otherId}", e.g.
	 * {@link TicketRelation#PARENT_OF} makes the other a child of this one.
	 *
	 * @param relation one agents make by hand ({@link TicketRelation#madeByHand()})
	 * @return the link as ticket {@code id} reads it
	 * @throws NotFoundException when the reader may not see ticket {@code id}
	 * @throws org.guichet.system.ForbiddenException outside the IT team, or when the agent only reads the ticket
	 * @throws InvalidInputException (field {@code ticket}) for an unknown ticket or one the agent may
	 * not see, the ticket itself, a pair already linked, a second parent, a cycle, or a major incident
	 * made a child (see {@link MajorIncidents}); (field
	 * {@code relation}) for a follow-up or a merge, which come from their own actions
	 */
	public LinkedTicket link(TicketId id, TicketRelation relation, long otherId, CurrentUser by) {
		Ticket ticket = management.forTeam(id, by);
		if (!relation.madeByHand()) {
			throw new InvalidInputException("relation", "ticket.link.not-by-hand",
					"This kind of link comes from its own action (a follow-up request, a merge)", relation.name());
		}
		Ticket other = seenTicket(otherId, by);
		Ticket source = relation.inverse() ? other : ticket;
		Ticket target = relation.inverse() ? ticket : other;
		if (relation.kind() == TicketLinkKind.CHILD_OF && source.isMajorIncident()) {
			throw new InvalidInputException(TicketLinkRules.FIELD, "ticket.major.child-is-major",
					source.getNumber() + " is a major incident itself: a major incident cannot be a child of another",
					source.getNumber());
		}
		long sourceId = source.id().value();
		long targetId = target.id().value();
		TicketLinkKind existing = links.findBetween(sourceId, targetId)
			.stream()
			.map(TicketLink::getKind)
			.findFirst()
			.orElse(null);
		TicketLinkRules.check(sourceId, targetId, relation.kind(), existing,
				from -> links.findTargets(from, relation.kind()));
		TicketLink link = links.save(source.link(relation.kind(), target, management.actor(by), clock.instant()));
		return new LinkedTicket(Objects.requireNonNull(link.getId()), link.getKind(), relation.inverse(), other);
	}

	/**
	 * Removes a link the ticket has, from either side.
	 *
	 * @throws NotFoundException when the ticket has no such link
	 * @throws ConflictException for a follow-up or a merge, which stay
	 */
	public void unlink(TicketId id, long linkId, CurrentUser by) {
		management.forTeam(id, by);
		TicketLink link = links.findWithTickets(linkId)
			.filter(l -> l.getSource().id().equals(id) || l.getTarget().id().equals(id))
			.orElseThrow(() -> new NotFoundException("ticket.link.not-found", "No such link on ticket " + id, linkId));
		if (!link.getKind().removable()) {
			throw new ConflictException("ticket.link.permanent", "A follow-up or a merge stays linked", id.toString());
		}
		User actor = management.actor(by);
		Instant now = clock.instant();
		link.getSource().unlink(link, actor, now);
		links.delete(link);
	}

	/** A ticket the agent sees; any other (missing, or hidden from them) is "unknown" alike. */
	private Ticket seenTicket(long ticketId, CurrentUser by) {
		return tickets.findWithPeople(ticketId)
			.filter(t -> access.canSee(t, by))
			.orElseThrow(() -> new InvalidInputException(TicketLinkRules.FIELD, "ticket.link.unknown",
					"No ticket " + new TicketId(ticketId) + " that you may see", new TicketId(ticketId).toString()));
	}

}
