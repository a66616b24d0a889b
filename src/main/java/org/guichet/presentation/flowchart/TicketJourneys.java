package org.guichet.presentation.flowchart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.SupportLevel;
import org.guichet.presentation.flowchart.TicketJourney.Move;
import org.guichet.presentation.flowchart.TicketJourney.MoveKind;
import org.guichet.system.NotFoundException;
import org.guichet.tickets.HistoryEntry;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Reopening;
import org.guichet.tickets.Status;
import org.guichet.tickets.Survey;
import org.guichet.tickets.Surveys;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a ticket's journey from its audit history, through the tickets module's public API: its
 * status changes (a closure without actor is Guichet's automatic closure), its reopenings
 * (refusal by the requester or reopening by the IT team) and its group changes, each group's
 * support level read from the groups as they are now, by the name the history recorded (a group
 * renamed since is not found: that change keeps the level the ticket had), its approval (the
 * history fields {@code approval*} of the module approvals: the hold is the wait for the
 * validators, not a pending; its release is their approval, the cancellation after a refusal
 * their refusal), and, for a closed ticket, whether its requester was sent the satisfaction survey.
 */
@Service
public class TicketJourneys {

	private final TicketManagement tickets;

	private final SupportGroupRepository groups;

	private final Surveys surveys;

	TicketJourneys(TicketManagement tickets, SupportGroupRepository groups, Surveys surveys) {
		this.tickets = tickets;
		this.groups = groups;
		this.surveys = surveys;
	}

	/**
	 * The journey of a ticket the reader may see.
	 *
	 * @throws NotFoundException when there is no such ticket or the reader may not see it, as for
	 * the ticket itself
	 */
	@Transactional(readOnly = true)
	public TicketJourney journey(TicketId id, CurrentUser reader) {
		Ticket ticket = tickets.get(id, reader);
		Map<String, SupportLevel> levels = new HashMap<>();
		for (SupportGroup group : groups.findAll()) {
			levels.put(group.getName(), group.getLevel());
		}
		List<Move> moves = moves(tickets.auditTrail(id), levels);
		if (ticket.getStatus() == Status.CLOSED) {
			surveys.of(id).map(Survey::getInvitedAt).ifPresent(at -> moves.add(Move.of(at, MoveKind.SURVEYED)));
		}
		return new TicketJourney(ticket.getChannel(), moves);
	}

	/** The moves told by the history's entries, oldest first; entries the chart does not tell are passed over. */
	static List<Move> moves(List<HistoryEntry> history, Map<String, SupportLevel> levels) {
		boolean approvalAsked = history.stream()
			.anyMatch(entry -> entry.getField().equals("approvalRequested") || entry.getField().equals("approvalFallback"));
		List<Move> moves = new ArrayList<>();
		Approval approval = Approval.NONE;
		boolean refusal = false;
		for (HistoryEntry entry : history) {
			String value = entry.getNewValue();
			switch (entry.getField()) {
				case "pendingReason" -> {
					// asked at filing, an approval's hold is the ticket's first pending reason APPROVAL (its
					// request may be recorded a moment before or after it)
					if (approval == Approval.NONE && approvalAsked && PendingReason.APPROVAL.name().equals(value)) {
						approval = Approval.HOLDING;
					}
					else if (approval == Approval.WAITING && PendingReason.APPROVAL.name().equals(entry.getOldValue())) {
						approval = Approval.RELEASED;
						moves.add(Move.of(entry.getAt(), MoveKind.APPROVAL_APPROVED));
					}
				}
				case "approvalRefused" -> refusal = true;
				case "status" -> {
					if (approval == Approval.HOLDING) {
						approval = Approval.WAITING;
						moves.add(Move.of(entry.getAt(), MoveKind.APPROVAL_REQUESTED));
					}
					else if (approval == Approval.RELEASED) {
						// the release's own change of status: no pending was answered
						approval = Approval.OVER;
						if (Status.ASSIGNED.name().equals(value)) {
							moves.add(Move.of(entry.getAt(), MoveKind.ASSIGNED));
						}
					}
					else if (approval == Approval.WAITING && refusal && Status.CANCELLED.name().equals(value)) {
						approval = Approval.OVER;
						moves.add(Move.of(entry.getAt(), MoveKind.APPROVAL_REFUSED));
					}
					else {
						status(entry, moves);
					}
				}
				case "reopening" -> moves.add(Move.of(entry.getAt(),
						Reopening.REFUSAL.name().equals(value) ? MoveKind.REFUSED : MoveKind.REOPENED));
				case "group" -> {
					SupportLevel level = value == null ? null : levels.get(value);
					if (level != null) {
						moves.add(new Move(entry.getAt(), MoveKind.LEVEL, level));
					}
				}
				case "selfServiceArticle" -> {
					if (value != null) {
						moves.add(Move.of(entry.getAt(), MoveKind.RESOLVED_BY_SELF_SERVICE));
					}
				}
				default -> {
					// titles, fields, comments, tasks… do not move the ticket on the chart
				}
			}
		}
		return moves;
	}

	/** Where a ticket's approval stands while its history is read. */
	private enum Approval {

		/** Not asked (yet). */
		NONE,
		/** Its pending reason set for the approval: the next change of status is the hold. */
		HOLDING,
		/** Held, waiting for the validators. */
		WAITING,
		/** Approved: the next change of status is the release's. */
		RELEASED,
		/** Decided: the history goes on as any ticket's. */
		OVER

	}

	private static void status(HistoryEntry entry, List<Move> moves) {
		if (entry.getNewValue() == null) {
			return;
		}
		Status to = Status.valueOf(entry.getNewValue());
		if (Status.PENDING.name().equals(entry.getOldValue()) && to != Status.PENDING) {
			moves.add(Move.of(entry.getAt(), MoveKind.RESUMED));
		}
		MoveKind kind = switch (to) {
			case NEW -> null;
			case ASSIGNED -> MoveKind.ASSIGNED;
			case IN_PROGRESS -> MoveKind.IN_PROGRESS;
			case PENDING -> MoveKind.PENDING;
			case RESOLVED -> MoveKind.RESOLVED;
			case CLOSED -> entry.getActor() == null ? MoveKind.CLOSED_AUTOMATICALLY : MoveKind.CLOSED;
			case CANCELLED -> MoveKind.CANCELLED;
		};
		if (kind != null) {
			moves.add(Move.of(entry.getAt(), kind));
		}
	}

}
