package org.guichet.approvals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.guichet.approvals.ApprovalEvents.ApprovalStepOpened;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.notifications.NotificationEvent;
import org.guichet.notifications.Notifications;
import org.guichet.routing.Technicians;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketManagement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Approvers are told when a step of an approval opens for them: in-app, the notification opening
 * their "To approve" list (they may not see the ticket itself), and by mail with the links that
 * approve and refuse it ({@link ApprovalMails}) unless they turned such mails off. An approver
 * away at that moment has their delegate (their manager) told as well. The requester of a refused
 * request is told as of any cancellation (module notifications), the reason being on the ticket.
 */
@Component
class ApprovalNotifications {

	/** The page listing what waits for a person's approval. */
	static final String TO_APPROVE = "/approvals";

	private final Notifications notifications;

	private final TicketManagement tickets;

	private final ApprovalRepository approvals;

	private final UserRepository users;

	private final Technicians technicians;

	private final ApprovalMails mails;

	ApprovalNotifications(Notifications notifications, TicketManagement tickets, ApprovalRepository approvals,
			UserRepository users, Technicians technicians, ApprovalMails mails) {
		this.notifications = notifications;
		this.tickets = tickets;
		this.approvals = approvals;
		this.users = users;
		this.technicians = technicians;
		this.mails = mails;
	}

	@EventListener
	void on(ApprovalStepOpened opened) {
		Ticket ticket = tickets.find(opened.ticket());
		Approval approval = approvals.findById(Objects.requireNonNull(opened.approvalId())).orElseThrow();
		ApprovalStep step = approval.getSteps().get(opened.position() - 1);
		int stepCount = approval.getSteps().size();
		Map<Long, Long> delegates = delegates(opened.approverIds(), ticket.getRequester().id().value(), opened);
		List<Long> told = new ArrayList<>(opened.approverIds());
		told.addAll(delegates.keySet());
		notifications.notifyAt(NotificationEvent.APPROVAL_REQUESTED, told, TO_APPROVE,
				recipient -> mails.ask(recipient, ticket, step, stepCount,
						opened.approverIds().contains(recipient) ? null : delegates.get(recipient)),
				"notification.approval.requested", opened.ticket().toString(), ticket.getTitle(),
				ticket.getRequester().getFullName());
	}

	/**
	 * The delegates of the approvers away when the step opens: each one's manager, active and not
	 * the requester, with the first approver they stand in for.
	 */
	private Map<Long, Long> delegates(List<Long> approverIds, long requesterId, ApprovalStepOpened opened) {
		Map<Long, Long> delegates = new LinkedHashMap<>();
		for (User away : users.findAllById(technicians.absentAt(approverIds, opened.at()))) {
			User manager = away.getManager();
			if (manager != null && manager.isActive() && manager.id().value() != requesterId) {
				delegates.putIfAbsent(manager.id().value(), away.id().value());
			}
		}
		return delegates;
	}

}
