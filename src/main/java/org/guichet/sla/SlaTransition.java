package org.guichet.sla;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.guichet.calendars.BusinessCalendar;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Status;
import org.jspecify.annotations.Nullable;

import static org.guichet.tickets.Status.ASSIGNED;
import static org.guichet.tickets.Status.CANCELLED;
import static org.guichet.tickets.Status.CLOSED;
import static org.guichet.tickets.Status.IN_PROGRESS;
import static org.guichet.tickets.Status.NEW;
import static org.guichet.tickets.Status.PENDING;
import static org.guichet.tickets.Status.RESOLVED;

/**
 * The SLA transition table: what each change of a ticket's status does to its clocks. Every
 * status change the ticket's state machine allows falls in exactly one row (a test checks it),
 * and each row is documented in {@code docs/SLA.md}, so that no transition is decided case by
 * case.
 */
public enum SlaTransition {

	/** Assigned, or unassigned back to the queue: the clocks go on as they were. */
	ASSIGNMENT(EnumSet.of(NEW, ASSIGNED, IN_PROGRESS), EnumSet.of(NEW, ASSIGNED)) {
		@Override
		void apply(TicketSla sla, Step step) {
		}
	},
	/** Taken in charge: the TTO clock is met when the policy counts the taking in charge. */
	TAKEN_IN_CHARGE(EnumSet.of(NEW, ASSIGNED), EnumSet.of(IN_PROGRESS)) {
		@Override
		void apply(TicketSla sla, Step step) {
			if (step.policy().getTtoMetBy() == TtoTrigger.TAKEN_IN_CHARGE) {
				sla.owned(step.at(), step.calendar());
			}
		}
	},
	/**
	 * Put pending, or a new request held for its approval (module approvals): the running clocks
	 * pause when the policy pauses for that reason.
	 */
	PUT_PENDING(EnumSet.of(NEW, ASSIGNED, IN_PROGRESS), EnumSet.of(PENDING)) {
		@Override
		void apply(TicketSla sla, Step step) {
			if (step.policy().pauses(step.pendingReason())) {
				sla.pause(step.at());
			}
		}
	},
	/**
	 * Resumed (by an agent, or by the requester's answer), or released to its group by its
	 * approval (back to NEW or ASSIGNED): the paused clocks run again.
	 */
	RESUMED(EnumSet.of(PENDING), EnumSet.of(IN_PROGRESS, NEW, ASSIGNED)) {
		@Override
		void apply(TicketSla sla, Step step) {
			sla.resume(step.at(), step.calendar());
		}
	},
	/** Resolved: a pause ends, the TTO clock is met if it was not, the TTR clock stops with its verdict. */
	RESOLUTION(EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, PENDING), EnumSet.of(RESOLVED)) {
		@Override
		void apply(TicketSla sla, Step step) {
			sla.resolved(step.at(), step.calendar());
		}
	},
	/** Closed, by the requester's acceptance or automatically: the verdicts are final. */
	CLOSURE(EnumSet.of(RESOLVED), EnumSet.of(CLOSED)) {
		@Override
		void apply(TicketSla sla, Step step) {
			sla.closed();
		}
	},
	/**
	 * The solution refused, or the ticket reopened from resolved or closed: the TTR clock runs
	 * again without counting the time since the resolution; the TTO verdict stays.
	 */
	REOPENING(EnumSet.of(RESOLVED, CLOSED), EnumSet.of(NEW, IN_PROGRESS)) {
		@Override
		void apply(TicketSla sla, Step step) {
			sla.reopened(step.at(), step.calendar());
		}
	},
	/** Cancelled: a running clock stops, missed if its deadline had passed, else without a verdict. */
	CANCELLATION(EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, PENDING), EnumSet.of(CANCELLED)) {
		@Override
		void apply(TicketSla sla, Step step) {
			sla.cancelled(step.at(), step.calendar());
		}
	};

	private final Set<Status> from;

	private final Set<Status> to;

	SlaTransition(Set<Status> from, Set<Status> to) {
		this.from = from;
		this.to = to;
	}

	/** What the clocks need to know of one status change. */
	record Step(SlaPolicy policy, BusinessCalendar calendar, @Nullable PendingReason pendingReason, Instant at) {
	}

	abstract void apply(TicketSla sla, Step step);

	/**
	 * The row of a status change.
	 *
	 * @throws IllegalArgumentException for a change the ticket's state machine does not make
	 */
	public static SlaTransition of(Status from, Status to) {
		return Arrays.stream(values())
			.filter(t -> t.from.contains(from) && t.to.contains(to))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No SLA transition from " + from + " to " + to));
	}

}
