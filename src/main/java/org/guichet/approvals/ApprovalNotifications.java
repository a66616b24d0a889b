package org.guichet.approvals;

import org.guichet.approvals.ApprovalEvents.ApprovalStepOpened;
import org.guichet.notifications.NotificationEvent;
import org.guichet.notifications.Notifications;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketManagement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Approvers are told in-app when a step of an approval opens for them; the notification opens
 * their "To approve" list (they may not see the ticket itself). The requester of a refused request
 * is told as of any cancellation (module notifications), the reason being on the ticket.
 */
@Component
class ApprovalNotifications {

	/** The page listing what waits for a person's approval. */
	static final String TO_APPROVE = "/approvals";

	private final Notifications notifications;

	private final TicketManagement tickets;

	ApprovalNotifications(Notifications notifications, TicketManagement tickets) {
		this.notifications = notifications;
		this.tickets = tickets;
	}

	@EventListener
	void on(ApprovalStepOpened opened) {
		Ticket ticket = tickets.find(opened.ticket());
		notifications.notifyInApp(NotificationEvent.APPROVAL_REQUESTED, opened.approverIds(), TO_APPROVE,
				"notification.approval.requested", opened.ticket().toString(), ticket.getTitle(),
				ticket.getRequester().getFullName());
	}

}
