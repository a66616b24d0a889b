package org.guichet.presentation.flowchart;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.guichet.directory.SupportLevel;
import org.guichet.tickets.Channel;
import org.jspecify.annotations.Nullable;

/**
 * What a ticket went through, in the terms of the flowchart, read from its audit history by
 * {@link TicketJourneys}: the channel it came from, then its moves oldest first. The input of
 * {@link TicketPath#of}.
 *
 * @param channel the channel the ticket was registered through
 * @param moves the moves in the order they happened
 */
public record TicketJourney(Channel channel, List<Move> moves) {

	public TicketJourney {
		Objects.requireNonNull(channel);
		moves = List.copyOf(moves);
	}

	/** What happened to the ticket, as the flowchart tells it. */
	public enum MoveKind {

		/** Put in front of a technician or a group (status ASSIGNED). */
		ASSIGNED,
		/** A technician works on it (status IN_PROGRESS). */
		IN_PROGRESS,
		/** Its group changed to a group of {@link Move#level()} (escalation, routing or by hand). */
		LEVEL,
		/** Put pending. */
		PENDING,
		/** Out of pending. */
		RESUMED,
		/** Resolved: a solution was given. */
		RESOLVED,
		/**
		 * Its requester said the article offered solved their problem (docs/ASSIST.md): resolved by
		 * self-service, the resolution and the closure that follow at the same instant belong to it.
		 */
		RESOLVED_BY_SELF_SERVICE,
		/** The requester refused the solution. */
		REFUSED,
		/** The IT team took back a resolved or closed ticket. */
		REOPENED,
		/** Closed by a person: the requester accepted the solution (or the IT team closed it). */
		CLOSED,
		/** Closed by Guichet after the auto-close delay. */
		CLOSED_AUTOMATICALLY,
		/** Cancelled, with a reason or merged into another ticket. */
		CANCELLED,
		/** Closed, its requester was sent the satisfaction survey. */
		SURVEYED,
		/** Registered, it waits for its approval (module approvals) before anyone works on it. */
		APPROVAL_REQUESTED,
		/** Its approval was granted: released to its group. */
		APPROVAL_APPROVED,
		/** Its approval was refused: cancelled. */
		APPROVAL_REFUSED

	}

	/**
	 * @param at when, UTC
	 * @param kind what
	 * @param level the support level reached, for {@link MoveKind#LEVEL} only (null otherwise)
	 */
	public record Move(Instant at, MoveKind kind, @Nullable SupportLevel level) {

		/** @throws IllegalArgumentException when a LEVEL move has no level */
		public Move {
			if (kind == MoveKind.LEVEL && level == null) {
				throw new IllegalArgumentException("A change of level names the level");
			}
		}

		public static Move of(Instant at, MoveKind kind) {
			return new Move(at, kind, null);
		}

	}

}
