package org.guichet.notifications;

import java.util.List;

import org.guichet.mail.MailKind;
import org.guichet.notifications.Notifications.InApp;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketEvents.TicketCancelled;
import org.guichet.tickets.TicketEvents.TicketCommented;
import org.guichet.tickets.TicketEvents.TicketCreated;
import org.guichet.tickets.TicketEvents.TicketStatusChanged;
import org.guichet.tickets.TicketEvents.TicketSurveyOpened;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells a requester what happens on their ticket that asks something of them or answers them:
 * a reply of the IT team, the ticket put pending on their answer, resolved (to accept or refuse;
 * or resolved and closed at once when requesters do not validate solutions), its satisfaction
 * survey due, reopened after it was closed, cancelled by someone else (a merge is told apart, by
 * {@link Notifications}). Each message names only the ticket's number and title (the mail of a
 * public reply also shows that reply, its author and its public files): never a note, a group, a
 * technician's internal work or an escalation. What the requester does
 * themselves (their replies, accepting or refusing) is not told back to them. The ticket's
 * observers are told of its resolution.
 */
@Component
class RequesterNotifications {

	private final Notifications notifications;

	private final TicketManagement tickets;

	private final MailChannel mail;

	RequesterNotifications(Notifications notifications, TicketManagement tickets, MailChannel mail) {
		this.notifications = notifications;
		this.tickets = tickets;
		this.mail = mail;
	}

	/** The requester gets their ticket's number and link by mail (nothing in-app: they just wrote it). */
	@EventListener
	void on(TicketCreated created) {
		long requesterId = tickets.find(created.ticket()).getRequester().id().value();
		notifications.deliver(NotificationEvent.TICKET_RECEIVED, List.of(requesterId), null,
				recipient -> mail.toRequester(created.ticket(), MailKind.RECEIVED));
	}

	/** A public reply of the IT team; internal notes and the requester's side's own replies say nothing. */
	@EventListener
	void on(TicketCommented commented) {
		if (isPublicReplyOfTheTeam(commented)) {
			Ticket ticket = tickets.find(commented.ticket());
			notifications.deliver(NotificationEvent.PUBLIC_REPLY, List.of(ticket.getRequester().id().value()),
					new InApp(commented.ticket().value(), "notification.requester.replied",
							List.of(commented.ticket().toString(), ticket.getTitle())),
					null);
		}
	}

	/**
	 * The mail of a public reply of the IT team, which shows the reply: written as the reply's
	 * transaction commits (still inside it), so that it lists the files attached with the reply in
	 * the same transaction. Without a transaction, at once.
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void mail(TicketCommented commented) {
		if (isPublicReplyOfTheTeam(commented)) {
			notifications.deliver(NotificationEvent.PUBLIC_REPLY,
					List.of(tickets.find(commented.ticket()).getRequester().id().value()), null,
					recipient -> mail.replied(commented.ticket(), commented.at()));
		}
	}

	private static boolean isPublicReplyOfTheTeam(TicketCommented commented) {
		return !commented.internal() && !commented.byRequester();
	}

	@EventListener
	void on(TicketStatusChanged changed) {
		String key = switch (changed.to()) {
			case PENDING -> changed.pendingReason() == PendingReason.USER ? "notification.requester.waiting" : null;
			// resolved and closed at once when requesters do not validate solutions: nothing to answer;
			// resolved by the requester themselves with an article (self-service): nothing to tell them
			case RESOLVED -> resolvedKey(tickets.find(changed.ticket()));
			case NEW, ASSIGNED, IN_PROGRESS -> changed.from() == Status.CLOSED ? "notification.requester.reopened" : null;
			default -> null;
		};
		if (key != null) {
			tell(changed.ticket(), switch (key) {
				case "notification.requester.waiting" -> NotificationEvent.WAITING_ON_YOU;
				case "notification.requester.reopened" -> NotificationEvent.STATUS_CHANGED;
				default -> NotificationEvent.RESOLVED;
			}, key, switch (key) {
				case "notification.requester.waiting" -> MailKind.WAITING_ON_YOU;
				case "notification.requester.resolved" -> MailKind.RESOLVED;
				case "notification.requester.resolved-closed" -> MailKind.CLOSED;
				default -> null;
			});
		}
		if (changed.to() == Status.RESOLVED) {
			tellObserversResolved(changed.ticket());
		}
	}

	private static @Nullable String resolvedKey(Ticket ticket) {
		if (ticket.getSolutionKind() == SolutionKind.SELF_SERVICE) {
			return null;
		}
		return ticket.getStatus() == Status.CLOSED ? "notification.requester.resolved-closed"
				: "notification.requester.resolved";
	}

	/**
	 * The observers of a resolved ticket (those who said "Me too" on a major incident's banner,
	 * which promises them its resolution; colleagues and requesters added to follow it) are told
	 * it is resolved, its requester being told above.
	 */
	private void tellObserversResolved(TicketId id) {
		Ticket ticket = tickets.find(id);
		long requesterId = ticket.getRequester().id().value();
		List<Long> observers = ticket.getObservers()
			.stream()
			.map(observer -> observer.id().value())
			.filter(observerId -> observerId != requesterId)
			.toList();
		if (!observers.isEmpty()) {
			notifications.notify(NotificationEvent.RESOLVED, observers, id.value(), "notification.observer.resolved",
					id.toString(), ticket.getTitle());
		}
	}

	/** The satisfaction survey of a closed ticket is due: its requester is invited to rate it. */
	@EventListener
	void on(TicketSurveyOpened opened) {
		Ticket ticket = tickets.find(opened.ticket());
		notifications.deliver(NotificationEvent.SURVEY, List.of(ticket.getRequester().id().value()),
				new InApp(opened.ticket().value(), "notification.requester.survey",
						List.of(opened.ticket().toString(), ticket.getTitle())),
				recipient -> mail.survey(opened.ticket()));
	}

	/** Cancelled by the IT team: the reason is on the ticket. A merge publishes no such event. */
	@EventListener
	void on(TicketCancelled cancelled) {
		if (cancelled.byId() != cancelled.requesterId()) {
			tell(cancelled.ticket(), NotificationEvent.STATUS_CHANGED, "notification.requester.cancelled", null);
		}
	}

	/**
	 * @param kind the requester's mail of this kind, or nothing to mail what the in-app
	 *        notification says ({@link MailKind#STATUS_CHANGED})
	 */
	private void tell(TicketId id, NotificationEvent event, String key, @Nullable MailKind kind) {
		Ticket ticket = tickets.find(id);
		long requesterId = ticket.getRequester().id().value();
		if (kind == null) {
			notifications.notify(event, List.of(requesterId), id.value(), key, id.toString(), ticket.getTitle());
		}
		else {
			notifications.deliver(event, List.of(requesterId),
					new InApp(id.value(), key, List.of(id.toString(), ticket.getTitle())),
					recipient -> mail.toRequester(id, kind));
		}
	}

}
