package org.guichet.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.User;
import org.guichet.system.ConflictException;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.TicketEvents.TicketMerged;
import org.hibernate.search.mapper.orm.Search;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges a duplicate into the ticket it duplicates, in one transaction:
 * <ul>
 * <li>the duplicate's replies, internal notes and files move to the other ticket's timeline,
 * each marked as coming from the duplicate ({@code mergedFrom}); its tasks stay on it, the record
 * of the work done on the duplicate;</li>
 * <li>its requester and observers become observers of the other ticket (its requester excepted);</li>
 * <li>the two are linked ({@link TicketLinkKind#MERGED_INTO}, history {@code mergedInto} /
 * {@code mergedFrom}) and the duplicate is <em>cancelled</em>: the SLA clocks stop as for any
 * cancellation (no verdict, or missed when a deadline had passed), and no KPI counts it as resolved;</li>
 * <li>{@link TicketMerged} is published, on which the duplicate's requester is told.</li>
 * </ul>
 */
@Service
@Transactional
public class TicketMerge {

	private final TicketManagement management;

	private final TicketRepository tickets;

	private final TicketLinkRepository links;

	private final TicketAccess access;

	private final EntityManager em;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TicketMerge(TicketManagement management, TicketRepository tickets, TicketLinkRepository links,
			TicketAccess access, EntityManager em, ApplicationEventPublisher events, Clock clock) {
		this.management = management;
		this.tickets = tickets;
		this.links = links;
		this.access = access;
		this.em = em;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Merges ticket {@code id}, a duplicate, into ticket {@code intoId}.
	 *
	 * @param expectedVersion the duplicate's version the agent saw; null not to check it
	 * @return the ticket merged into
	 * @throws org.guichet.system.NotFoundException when the agent may not see the duplicate
	 * @throws org.guichet.system.ForbiddenException outside the IT team, or when the agent does not
	 * work on both tickets
	 * @throws InvalidInputException (field {@code into}) when it is missing, unknown to the agent or
	 * the duplicate itself
	 * @throws ConflictException when the duplicate is not open (new, assigned, in progress,
	 * pending), when the other is closed or cancelled, or when the duplicate changed since
	 * {@code expectedVersion}
	 */
	public Ticket merge(TicketId id, @Nullable Long intoId, @Nullable Long expectedVersion, CurrentUser by) {
		Ticket duplicate = management.forUpdate(management.forTeam(id, by), expectedVersion);
		if (intoId == null) {
			throw new InvalidInputException("into", "field.required", "The ticket to merge into is required");
		}
		if (intoId == id.value()) {
			throw new InvalidInputException("into", "ticket.merge.self", "A ticket cannot be merged into itself");
		}
		Ticket into = tickets.findWithPeople(intoId)
			.filter(t -> access.canSee(t, by))
			.orElseThrow(() -> new InvalidInputException("into", "ticket.link.unknown",
					"No ticket " + new TicketId(intoId) + " that you may see", new TicketId(intoId).toString()));
		management.requireWork(into, by);
		if (!Status.OPEN.contains(duplicate.getStatus())) {
			throw new ConflictException("ticket.merge.duplicate-not-open",
					"Ticket " + id + " is no longer open: only an open ticket can be merged", id.toString(),
					duplicate.getStatus().name());
		}
		if (into.getStatus() == Status.CLOSED || into.getStatus() == Status.CANCELLED) {
			throw new ConflictException("ticket.merge.into-closed",
					"Ticket " + into.id() + " is closed: merge into an open or resolved ticket", into.getNumber(),
					into.getStatus().name());
		}
		User actor = management.actor(by);
		Instant now = clock.instant();
		moveTimeline(duplicate, into);
		List<User> newObservers = new ArrayList<>();
		newObservers.add(duplicate.getRequester());
		newObservers.addAll(duplicate.getObservers());
		for (User observer : newObservers) {
			if (!observer.id().equals(into.getRequester().id()) && observer.isActive()) {
				into.addObserver(observer, actor, now);
			}
		}
		links.save(duplicate.link(TicketLinkKind.MERGED_INTO, into, actor, now));
		duplicate.cancelAsMerged(actor, now);
		management.published(duplicate);
		management.published(into);
		events.publishEvent(new TicketMerged(duplicate.id(), into.id(), duplicate.getRequester().id().value(),
				by.id(), now));
		return into;
	}

	/**
	 * Moves the comments and files in the database, without loading them; each keeps the ticket
	 * it was first written on.
	 */
	private void moveTimeline(Ticket duplicate, Ticket into) {
		em.flush();
		for (String table : List.of("ticket_comment", "ticket_attachment")) {
			em.createNativeQuery("update " + table
					+ " set merged_from_ticket_id = coalesce(merged_from_ticket_id, :from), ticket_id = :into"
					+ " where ticket_id = :from")
				.setParameter("from", duplicate.id().value())
				.setParameter("into", into.id().value())
				.executeUpdate();
		}
		// the index is told of the moved comments, which it cannot see in a native update
		Search.session(em).indexingPlan().addOrUpdate(into);
	}

}
