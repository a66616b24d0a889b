package org.guichet.sla;

import org.guichet.calendars.BusinessCalendar;
import org.guichet.tickets.Priority;
import org.guichet.tickets.TicketEvents.TicketCommented;
import org.guichet.tickets.TicketEvents.TicketStatusChanged;
import org.guichet.tickets.TicketType;

/**
 * What one event of a ticket does to clocks that are not closed or cancelled, under their policy
 * and its calendar: the whole of the live rules, without storage, so that the rules are tested
 * on their own ({@code SlaPropertyTests}). A closed or cancelled ticket's clocks change only
 * when it is reopened.
 */
final class ClockReactions {

	private ClockReactions() {
	}

	/**
	 * A status change, through the transition table; a reopened TTR clock takes the targets of
	 * the ticket's type and priority now.
	 */
	static void statusChanged(TicketSla sla, TicketStatusChanged change, TicketType type, Priority priority,
			SlaPolicy policy, BusinessCalendar calendar) {
		SlaTransition transition = SlaTransition.of(change.from(), change.to());
		transition.apply(sla, new SlaTransition.Step(policy, calendar, change.pendingReason(), change.at()));
		if (transition == SlaTransition.REOPENING) {
			reclassified(sla, type, priority, policy, calendar);
		}
	}

	/** The IT team's public reply meets the TTO clock when the policy counts the first response. */
	static void commented(TicketSla sla, TicketCommented commented, SlaPolicy policy, BusinessCalendar calendar) {
		if (!sla.isStopped() && !commented.internal() && !commented.byRequester()
				&& policy.getTtoMetBy() == TtoTrigger.FIRST_RESPONSE) {
			sla.owned(commented.at(), calendar);
		}
	}

	/**
	 * A new priority or type: the running clocks take the policy's targets for the ticket's type
	 * and priority now, counted from its creation.
	 *
	 * @return whether the targets changed anything (false when the policy has no targets for them)
	 */
	static boolean reclassified(TicketSla sla, TicketType type, Priority priority, SlaPolicy policy,
			BusinessCalendar calendar) {
		if (sla.isStopped()) {
			return false;
		}
		return policy.targetsFor(type, priority).map(targets -> {
			sla.retarget(type, policy.getId(), targets, calendar);
			return true;
		}).orElse(false);
	}

}
