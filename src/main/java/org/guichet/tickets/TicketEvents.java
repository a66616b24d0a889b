package org.guichet.tickets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What happened to a ticket, published when the change is saved, for other modules to react to.
 */
public final class TicketEvents {

	private TicketEvents() {
	}

	/**
	 * @param channel how the demand reached the desk
	 * @param requesterId the person the demand is for, whose department and VIP flag may matter
	 * @param slaPolicyId the SLA policy routing chose; null to select one by the policies' own rules
	 */
	public record TicketCreated(TicketId ticket, TicketType type, Priority priority, @Nullable Long categoryId,
			Channel channel, long requesterId, Instant at, @Nullable Long slaPolicyId) {
	}

	/**
	 * @param pendingReason what the ticket waits for, when it moves to {@link Status#PENDING}
	 */
	public record TicketStatusChanged(TicketId ticket, Status from, Status to, @Nullable PendingReason pendingReason,
			Instant at) {
	}

	public record TicketAssigned(TicketId ticket, @Nullable Long groupId, @Nullable Long assigneeId, Instant at) {
	}

	public record TicketPriorityChanged(TicketId ticket, TicketType type, Priority from, Priority to, Instant at) {
	}

	/**
	 * The ticket's type or category changed (either or both); both are given as they are now.
	 *
	 * @param categoryId null when the ticket has no category
	 */
	public record TicketClassified(TicketId ticket, TicketType type, @Nullable Long categoryId, Instant at) {
	}

	public record TicketCommented(TicketId ticket, boolean internal, boolean byRequester, Instant at) {
	}

	/**
	 * The requester's side replied to a ticket waiting on them, and the reply did not move it
	 * (a resolved ticket, or one pending on a supplier or an approval): the ticket is flagged
	 * "requester replied" for the IT team. Published at each such reply.
	 *
	 * @param status the status the ticket stays in
	 * @param assigneeId its technician, to put it back in front of; null when it has none
	 * @param groupId its group, whose members are told when it has no technician
	 * @param byId the requester or observer who replied
	 */
	public record TicketRequesterReplied(TicketId ticket, Status status, @Nullable Long assigneeId,
			@Nullable Long groupId, long byId, Instant at) {
	}

	/**
	 * @param toGroupId the group a functional or automatic escalation moved the ticket to
	 * @param toUserId the supervisor called in, or the observer an automatic level added
	 * @param byId null when Guichet escalated by itself
	 */
	public record TicketEscalated(TicketId ticket, EscalationKind kind, @Nullable Long fromGroupId,
			@Nullable Long toGroupId, @Nullable Long toUserId, @Nullable Long byId, Instant at) {
	}

	/**
	 * A member of the IT team named colleagues ({@code @login}) in a reply or an internal note.
	 * Published once per comment; every colleague named is an active member of the IT team,
	 * named once, and not the author.
	 *
	 * @param colleagueIds the colleagues named, in the order written, never empty
	 * @param internal whether the comment is an internal note (never shown to the requester)
	 */
	public record ColleaguesMentioned(TicketId ticket, List<Long> colleagueIds, long byId, boolean internal,
			Instant at) {

		public ColleaguesMentioned {
			colleagueIds = List.copyOf(colleagueIds);
		}

	}

	/**
	 * A duplicate was merged into another ticket and cancelled: its replies, notes and files moved
	 * there, its requester and observers observe that ticket now.
	 *
	 * @param duplicate the ticket merged, now cancelled
	 * @param into the ticket it was merged into
	 * @param requesterId the duplicate's requester, to tell where the request goes on
	 * @param byId the agent who merged them
	 */
	public record TicketMerged(TicketId duplicate, TicketId into, long requesterId, long byId, Instant at) {
	}

	/**
	 * The facts ({@code ticket_fact}) of a batch of tickets are being derived again from their
	 * history, after an upgrade, a seeding or the rebuild command: a module that hands columns over
	 * to them (the SLA module, through {@link TicketManagement#recordSla(List)}) hands them over
	 * again, for the whole batch at once, in the same transaction.
	 *
	 * @param tickets the tickets of the batch, in ascending id order, never empty
	 */
	public record TicketFactsReset(List<TicketId> tickets) {

		public TicketFactsReset {
			tickets = List.copyOf(tickets);
		}

	}

	/**
	 * The facts ({@code ticket_fact}, {@code ticket_open_span}) of some tickets were written, in
	 * the transaction of the change that made them (derived again, or handed over by the SLA
	 * module), before it commits: a module that keeps figures per day computed from the facts
	 * must compute these days again. Listeners that write in the same transaction see the new
	 * facts committed with their own writes.
	 *
	 * @param days the local days, in {@code guichet.time-zone}, of every instant and day of the
	 * facts replaced and of the facts written: creation, resolution, closure, the two SLA deadlines,
	 * and the start and end of every open span; an instant at exactly a local midnight names both
	 * days it separates. Never empty.
	 */
	public record TicketFactsWritten(Set<LocalDate> days) {

		public TicketFactsWritten {
			days = Set.copyOf(days);
		}

	}

	/**
	 * The IT team or the requester cancelled the ticket, with a reason (a merge is told by
	 * {@link TicketMerged} instead).
	 *
	 * @param requesterId the ticket's requester, told unless they cancelled it themselves
	 * @param byId who cancelled it
	 */
	public record TicketCancelled(TicketId ticket, long requesterId, long byId, Instant at) {
	}

	/**
	 * A closed ticket's satisfaction survey opened for its requester: the invitation is due (the
	 * closure plus the configured delay).
	 *
	 * @param requesterId the ticket's requester, invited to rate it
	 * @param expiresAt the first instant the survey can no longer be answered (UTC)
	 * @param at when the invitation was sent (UTC)
	 */
	public record TicketSurveyOpened(TicketId ticket, long requesterId, Instant expiresAt, Instant at) {
	}


	/**
	 * An agent or a supervisor flagged the ticket as a major incident (its priority is now
	 * {@link Priority#MAJOR}); published with the priority change.
	 *
	 * @param byId who flagged it
	 */
	public record MajorIncidentFlagged(TicketId ticket, long byId, Instant at) {
	}

	/**
	 * The ticket is no longer a major incident; its priority went back to the matrix's.
	 *
	 * @param byId who removed the flag
	 */
	public record MajorIncidentUnflagged(TicketId ticket, long byId, Instant at) {
	}

	/**
	 * A major incident was resolved (published after its {@link TicketStatusChanged}): its open
	 * children are resolved with it in the same transaction, each publishing its own events.
	 *
	 * @param byId who resolved it
	 * @param solution its solution, as it was recorded
	 */
	public record MajorIncidentResolved(TicketId ticket, long byId, String solution, SolutionKind kind, Instant at) {
	}

}
