package org.guichet.notifications;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.NotFoundException;
import org.guichet.tickets.EscalationKind;
import org.guichet.tickets.TicketEvents.ColleaguesMentioned;
import org.guichet.tickets.TicketEvents.TicketEscalated;
import org.guichet.tickets.TicketEvents.TicketMerged;
import org.guichet.tickets.TicketEvents.TicketRequesterReplied;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends and reads in-app notifications. A notification is saved in the transaction of what
 * caused it, so it exists exactly when that change does.
 */
@Service
@Transactional
public class Notifications {

	/** How many the notifications page shows. */
	public static final int PAGE = 100;

	private final NotificationRepository notifications;

	private final UserRepository users;

	private final SupportGroupRepository groups;

	private final MailChannel mail;

	private final Clock clock;

	Notifications(NotificationRepository notifications, UserRepository users, SupportGroupRepository groups,
			MailChannel mail, Clock clock) {
		this.notifications = notifications;
		this.users = users;
		this.groups = groups;
		this.mail = mail;
		this.clock = clock;
	}

	/**
	 * Tells each recipient once, even when named twice: in-app, and by mail when it is about a
	 * ticket ({@link MailChannel}).
	 *
	 * @param messageKey a key of the notifications bundle, whose arguments are {@code arguments}
	 */
	public void notify(Collection<Long> recipientIds, @Nullable Long ticketId, String messageKey,
			String... arguments) {
		for (Long recipientId : new LinkedHashSet<>(recipientIds)) {
			notifications.save(new Notification(recipientId, ticketId, messageKey, List.of(arguments),
					clock.instant()));
			if (ticketId != null) {
				mail.told(recipientId, ticketId, messageKey, List.of(arguments));
			}
		}
	}

	/** Tells one recipient in-app only: the caller sends its own mail. */
	void notifyInApp(long recipientId, long ticketId, String messageKey, String... arguments) {
		notifications.save(new Notification(recipientId, ticketId, messageKey, List.of(arguments), clock.instant()));
	}

	@Transactional(readOnly = true)
	public List<Notification> newest(long recipientId) {
		return notifications.findNewest(recipientId, PageRequest.of(0, PAGE));
	}

	/** For the navigation bar of every page: one count on the recipient's unread index. */
	@Transactional(readOnly = true)
	public long unreadCount(long recipientId) {
		return notifications.countUnread(recipientId);
	}

	public Notification markRead(long recipientId, long notificationId) {
		Notification notification = notifications.findByIdAndRecipientId(notificationId, recipientId)
			.orElseThrow(() -> new NotFoundException("notification.not-found", "No such notification", notificationId));
		notification.markRead(clock.instant());
		return notification;
	}

	public int markAllRead(long recipientId) {
		return notifications.markAllRead(recipientId, clock.instant());
	}

	/** The supervisor called in by a hierarchical escalation is told at once. */
	@EventListener
	void on(TicketEscalated escalated) {
		if (escalated.kind() != EscalationKind.HIERARCHICAL || escalated.toUserId() == null
				|| escalated.byId() == null) {
			return;
		}
		String by = users.findById(escalated.byId()).orElseThrow().getFullName();
		notify(List.of(escalated.toUserId()), escalated.ticket().value(), "notification.escalated-to-you",
				escalated.ticket().toString(), by);
	}

	/** Colleagues named in a reply or a note are told, once per comment. */
	@EventListener
	void on(ColleaguesMentioned mentioned) {
		String by = users.findById(mentioned.byId()).orElseThrow().getFullName();
		notify(mentioned.colleagueIds(), mentioned.ticket().value(),
				mentioned.internal() ? "notification.mentioned.internal" : "notification.mentioned",
				mentioned.ticket().toString(), by);
	}

	/**
	 * A reply of the requester's side that left the ticket waiting (resolved, or pending on a
	 * supplier or an approval) is told to its technician, or to its group's members when it has
	 * none, so that the ticket comes back in front of them.
	 */
	@EventListener
	void on(TicketRequesterReplied replied) {
		List<Long> recipients;
		if (replied.assigneeId() != null) {
			recipients = List.of(replied.assigneeId());
		}
		else if (replied.groupId() != null) {
			recipients = groups.findById(replied.groupId())
				.map(group -> group.getMembers().stream().filter(User::isActive).map(User::getId).toList())
				.orElse(List.of());
		}
		else {
			recipients = List.of();
		}
		List<Long> others = recipients.stream().filter(id -> id != replied.byId()).toList();
		if (others.isEmpty()) {
			return;
		}
		String by = users.findById(replied.byId()).orElseThrow().getFullName();
		notify(others, replied.ticket().value(), "notification.requester-replied." + replied.status().name(),
				replied.ticket().toString(), by);
	}

	/**
	 * The requester of a duplicate merged into another ticket is told where their request goes on
	 * (unless they merged it themselves); the notification opens that ticket, which they observe now.
	 */
	@EventListener
	void on(TicketMerged merged) {
		if (merged.requesterId() == merged.byId()) {
			return;
		}
		notify(List.of(merged.requesterId()), merged.into().value(), "notification.merged",
				merged.duplicate().toString(), merged.into().toString());
	}

}
