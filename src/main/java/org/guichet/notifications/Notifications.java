package org.guichet.notifications;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

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
 * Sends and reads in-app notifications, and decides for both channels who is told
 * ({@link #deliver}, after {@link NotificationPreferences}). A notification is saved, and its mail
 * queued, in the transaction of what caused it, so it exists exactly when that change does.
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

	private final SmsChannel sms;

	private final NotificationPreferences preferences;

	private final Clock clock;

	Notifications(NotificationRepository notifications, UserRepository users, SupportGroupRepository groups,
			MailChannel mail, SmsChannel sms, NotificationPreferences preferences, Clock clock) {
		this.sms = sms;
		this.notifications = notifications;
		this.preferences = preferences;
		this.users = users;
		this.groups = groups;
		this.mail = mail;
		this.clock = clock;
	}

	/**
	 * Tells each recipient once, even when named twice, on the channels their preferences for that
	 * event choose: in-app, and by mail ({@link MailChannel}) and SMS ({@link SmsChannel}) when it is
	 * about a ticket.
	 *
	 * @param messageKey a key of the notifications bundle, whose arguments are {@code arguments}
	 */
	public void notify(NotificationEvent event, Collection<Long> recipientIds, @Nullable Long ticketId,
			String messageKey, String... arguments) {
		List<String> told = List.of(arguments);
		deliver(event, recipientIds, ticketId == null ? null : new InApp(ticketId, messageKey, told),
				ticketId == null ? null : recipientId -> mail.told(recipientId, ticketId, messageKey, told));
	}

	/**
	 * Tells each recipient once, in-app only, about something that is not a ticket (an article),
	 * when their preferences for that event let it reach them in-app.
	 *
	 * @param link the page the notification opens: a path of this site, starting with {@code /}
	 * @param messageKey a key of the notifications bundle, whose arguments are {@code arguments}
	 * @throws IllegalArgumentException when the link is not such a path
	 */
	public void notifyInApp(NotificationEvent event, Collection<Long> recipientIds, String link, String messageKey,
			String... arguments) {
		notifyAt(event, recipientIds, link, null, messageKey, arguments);
	}

	/**
	 * Tells each recipient once about something that waits for them on a page of this site other
	 * than a ticket's (their "To approve" list): in-app, and by mail through {@code mail}, on the
	 * channels their preferences for that event choose.
	 *
	 * @param link the page the in-app notification opens: a path of this site, starting with {@code /}
	 * @param mail writes and queues the mail of one recipient, given their id (in the caller's
	 *        transaction); null for in-app only
	 * @param messageKey a key of the notifications bundle, whose arguments are {@code arguments}
	 * @throws IllegalArgumentException when the link is not such a path
	 */
	public void notifyAt(NotificationEvent event, Collection<Long> recipientIds, String link,
			@Nullable LongConsumer mail, String messageKey, String... arguments) {
		if (!link.startsWith("/") || link.startsWith("//") || link.length() > 200) {
			throw new IllegalArgumentException("Not a path of this site: " + link);
		}
		List<String> told = List.of(arguments);
		Set<Long> recipients = new LinkedHashSet<>(recipientIds);
		Map<Long, Set<NotificationChannel>> reach = preferences.reach(event, recipients);
		for (Long recipientId : recipients) {
			Set<NotificationChannel> channels = reach.getOrDefault(recipientId, Set.of());
			if (channels.contains(NotificationChannel.IN_APP)) {
				notifications.save(new Notification(recipientId, link, messageKey, told, clock.instant()));
			}
			if (mail != null && channels.contains(NotificationChannel.EMAIL)) {
				mail.accept(recipientId);
			}
		}
	}

	/**
	 * The one place where preferences are applied, for every channel: reads them once for all the
	 * recipients, then saves the in-app notification of each recipient it reaches in-app, sends
	 * the mail of each it reaches by mail, and the in-app notification's text by SMS to each it
	 * reaches by SMS.
	 *
	 * @param inApp the in-app notification (also the SMS's text), or null for an event told by mail only
	 * @param mail sends the mail to one recipient, or null for an event told in-app only
	 */
	void deliver(NotificationEvent event, Collection<Long> recipientIds, @Nullable InApp inApp,
			@Nullable LongConsumer mail) {
		Set<Long> recipients = new LinkedHashSet<>(recipientIds);
		Map<Long, Set<NotificationChannel>> reach = preferences.reach(event, recipients);
		for (Long recipientId : recipients) {
			Set<NotificationChannel> channels = reach.getOrDefault(recipientId, Set.of());
			if (inApp != null && channels.contains(NotificationChannel.IN_APP)) {
				notifications.save(new Notification(recipientId, inApp.ticketId(), inApp.messageKey(), inApp.arguments(),
						clock.instant()));
			}
			if (mail != null && channels.contains(NotificationChannel.EMAIL)) {
				mail.accept(recipientId);
			}
			if (inApp != null && channels.contains(NotificationChannel.SMS)) {
				sms.told(recipientId, inApp.ticketId(), inApp.messageKey(), inApp.arguments());
			}
		}
	}

	/** An in-app notification about a ticket: a key of the notifications bundle and its arguments. */
	record InApp(long ticketId, String messageKey, List<String> arguments) {
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
		notify(NotificationEvent.ESCALATED_TO_ME, List.of(escalated.toUserId()), escalated.ticket().value(), "notification.escalated-to-you",
				escalated.ticket().toString(), by);
	}

	/** Colleagues named in a reply or a note are told, once per comment. */
	@EventListener
	void on(ColleaguesMentioned mentioned) {
		String by = users.findById(mentioned.byId()).orElseThrow().getFullName();
		notify(NotificationEvent.MENTIONED, mentioned.colleagueIds(), mentioned.ticket().value(),
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
		notify(NotificationEvent.REQUESTER_REPLIED, others, replied.ticket().value(), "notification.requester-replied." + replied.status().name(),
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
		notify(NotificationEvent.STATUS_CHANGED, List.of(merged.requesterId()), merged.into().value(), "notification.merged",
				merged.duplicate().toString(), merged.into().toString());
	}

}
