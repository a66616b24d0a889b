package org.guichet.notifications;

import java.util.List;

import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketEvents.TicketCancelled;
import org.guichet.tickets.TicketEvents.TicketCommented;
import org.guichet.tickets.TicketEvents.TicketStatusChanged;
import org.guichet.tickets.TicketEvents.TicketSurveyOpened;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a requester what happens on their ticket that asks something of them or answers them:
 * a reply of the IT team, the ticket put pending on their answer, resolved (to accept or refuse;
 * or resolved and closed at once when requesters do not validate solutions), its satisfaction
 * survey due, reopened after it was closed, cancelled by someone else (a merge is told apart, by
 * {@link Notifications}). Each message names only the ticket's number and title: never a
 * note, a group, a technician's internal work or an escalation. What the requester does
 * themselves (their replies, accepting or refusing) is not told back to them.
 */
@Component
class RequesterNotifications {

	private final Notifications notifications;

	private final TicketManagement tickets;

	RequesterNotifications(Notifications notifications, TicketManagement tickets) {
		this.notifications = notifications;
		this.tickets = tickets;
	}

	/** A public reply of the IT team; internal notes and the requester's side's own replies say nothing. */
	@EventListener
	void on(TicketCommented commented) {
		if (!commented.internal() && !commented.byRequester()) {
			tell(commented.ticket(), "notification.requester.replied");
		}
	}

	@EventListener
	void on(TicketStatusChanged changed) {
		String key = switch (changed.to()) {
			case PENDING -> changed.pendingReason() == PendingReason.USER ? "notification.requester.waiting" : null;
			// resolved and closed at once when requesters do not validate solutions: nothing to answer
			case RESOLVED -> tickets.find(changed.ticket()).getStatus() == Status.CLOSED
					? "notification.requester.resolved-closed" : "notification.requester.resolved";
			case NEW, ASSIGNED, IN_PROGRESS -> changed.from() == Status.CLOSED ? "notification.requester.reopened" : null;
			default -> null;
		};
		if (key != null) {
			tell(changed.ticket(), key);
		}
	}

	/** The satisfaction survey of a closed ticket is due: its requester is invited to rate it. */
	@EventListener
	void on(TicketSurveyOpened opened) {
		tell(opened.ticket(), "notification.requester.survey");
	}

	/** Cancelled by the IT team: the reason is on the ticket. A merge publishes no such event. */
	@EventListener
	void on(TicketCancelled cancelled) {
		if (cancelled.byId() != cancelled.requesterId()) {
			tell(cancelled.ticket(), "notification.requester.cancelled");
		}
	}

	private void tell(TicketId id, String key) {
		Ticket ticket = tickets.find(id);
		notifications.notify(List.of(ticket.getRequester().id().value()), id.value(), key, id.toString(), ticket.getTitle());
	}

}
