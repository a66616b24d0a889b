package org.guichet.tickets;

import java.util.Collection;

import org.guichet.system.ConflictException;
import org.guichet.system.ForbiddenException;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a major incident's life, apart from who acts on the ticket (see {@link MajorIncidents}): only an
 * open ticket (new, assigned, in progress, pending) is flagged, never one that is a child of
 * another ticket; children are attached to an open major incident only, are open themselves and
 * are never major incidents; when the major incident is resolved, its open children are resolved
 * with it, and the others (resolved, closed or cancelled already) stay as they are; a person
 * outside the IT team follows an open one, once (its requester follows it already). Pure: the
 * stored state is passed in, so that the rules hold without a database.
 */
final class MajorIncidentRules {

	/** The field a refusal about the major incident names, as typed on a child's page. */
	static final String MAJOR_FIELD = "major";

	/** The field a refusal about a child names, as typed on the major incident's page. */
	static final String CHILD_FIELD = "tickets";

	private MajorIncidentRules() {
	}

	/**
	 * @param parent the ticket's parent, when it is a child of another ticket; null when not
	 * @throws ConflictException when the ticket is a major incident already, is not open, or is a child
	 */
	static void checkFlag(TicketId id, Status status, boolean major, @Nullable TicketId parent) {
		if (major) {
			throw new ConflictException("ticket.major.already", "Ticket " + id + " is a major incident already",
					id.toString());
		}
		if (!Status.OPEN.contains(status)) {
			throw new ConflictException("ticket.major.not-open",
					"Ticket " + id + " is not open: only an open ticket becomes a major incident", id.toString(),
					status.name());
		}
		if (parent != null) {
			throw new ConflictException("ticket.major.is-child",
					"Ticket " + id + " is a child of " + parent + ": remove that link first", id.toString(),
					parent.toString());
		}
	}

	/** @throws ConflictException when the ticket is not a major incident */
	static void checkUnflag(TicketId id, boolean major) {
		if (!major) {
			throw new ConflictException("ticket.major.not-major", "Ticket " + id + " is not a major incident",
					id.toString());
		}
	}

	/**
	 * Checks that {@code child} may be attached to {@code major} (the link rules of
	 * {@link TicketLinkRules} apply on top: one parent, no cycle).
	 *
	 * @throws InvalidInputException (field {@value #MAJOR_FIELD}) when the major incident is not one,
	 * or not open; (field {@value #CHILD_FIELD}) when the child is itself a major incident, or is
	 * not open
	 */
	static void checkChild(TicketId majorId, Status majorStatus, boolean major, TicketId childId, Status childStatus,
			boolean childMajor) {
		if (!major) {
			throw new InvalidInputException(MAJOR_FIELD, "ticket.major.not-major",
					"Ticket " + majorId + " is not a major incident", majorId.toString());
		}
		if (!Status.OPEN.contains(majorStatus)) {
			throw new InvalidInputException(MAJOR_FIELD, "ticket.major.not-ongoing",
					"The major incident " + majorId + " is over: attach tickets to an open one", majorId.toString());
		}
		if (childMajor) {
			throw new InvalidInputException(CHILD_FIELD, "ticket.major.child-is-major",
					childId + " is a major incident itself: a major incident cannot be a child of another",
					childId.toString());
		}
		if (!Status.OPEN.contains(childStatus)) {
			throw new InvalidInputException(CHILD_FIELD, "ticket.major.child-not-open",
					childId + " is no longer open: only open tickets are attached", childId.toString(),
					childStatus.name());
		}
	}

	/**
	 * Checks that a person may follow a major incident as an observer, saying they are affected too:
	 * a person outside the IT team (the team reads it from its queues, and an agent is made an
	 * observer on the ticket's page), on an open major incident.
	 *
	 * @param byAgent whether the person is of the IT team
	 * @throws ForbiddenException for the IT team
	 * @throws ConflictException when the incident is over
	 */
	static void checkFollow(TicketId id, Status status, boolean byAgent) {
		if (!mayFollow(byAgent)) {
			throw new ForbiddenException("ticket.major.follow-team",
					"The IT team works on the major incident " + id + " from its queues rather than following it",
					id.toString());
		}
		if (!Status.OPEN.contains(status)) {
			throw new ConflictException("ticket.major.over", "The major incident " + id + " is over", id.toString());
		}
	}

	/** Whether a person may follow a major incident at all: outside the IT team (see {@link #checkFollow}). */
	static boolean mayFollow(boolean agent) {
		return !agent;
	}

	/**
	 * Whether a person follows a major incident already: they requested it, or observe it.
	 *
	 * @param observerIds the ids of its observers
	 */
	static boolean follows(long personId, long requesterId, Collection<Long> observerIds) {
		return personId == requesterId || observerIds.contains(personId);
	}

	/**
	 * Whether a child is resolved with its major incident: an open one is; one resolved, closed or
	 * cancelled already keeps its own ending.
	 */
	static boolean resolvedWithMajorIncident(Status childStatus) {
		return Status.OPEN.contains(childStatus);
	}

}
