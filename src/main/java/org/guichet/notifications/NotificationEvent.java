package org.guichet.notifications;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The events a person chooses to be told of, per channel (docs/MAIL.md#preferences), in the
 * service desk's terms. Each has the channels it can use, a built-in default per channel (which
 * administrators may change), and the channels that always carry it because the ticket waits on
 * the person (they cannot be switched off). The password-reset mail is no event: it always goes.
 */
public enum NotificationEvent {

	/** Requester: their ticket is registered (its number by mail; nothing in-app, they just wrote it). */
	TICKET_RECEIVED(Audience.EVERYONE, Set.of(NotificationChannel.EMAIL), Set.of(NotificationChannel.EMAIL), Set.of()),
	/** Requester: a public reply of the IT team. */
	PUBLIC_REPLY(Audience.EVERYONE),
	/** Requester: the ticket waits for their answer; always in-app. */
	WAITING_ON_YOU(Audience.EVERYONE, Set.of(NotificationChannel.values()), Defaults.IN_APP_AND_EMAIL,
			Set.of(NotificationChannel.IN_APP)),
	/** Requester: resolved, to accept or refuse (or resolved and closed at once); always in-app. */
	RESOLVED(Audience.EVERYONE, Set.of(NotificationChannel.values()), Defaults.IN_APP_AND_EMAIL,
			Set.of(NotificationChannel.IN_APP)),
	/** Requester: closed, with the satisfaction survey to answer. */
	SURVEY(Audience.EVERYONE),
	/** Requester: reopened, cancelled by the team, merged into another ticket. */
	STATUS_CHANGED(Audience.EVERYONE),
	/** Agent: a level of an SLA escalation policy fired (an SLA warning or breach) on a ticket of theirs. */
	SLA_ESCALATION(Audience.AGENTS),
	/** Agent: a colleague escalated a ticket to them (hierarchical escalation). */
	ESCALATED_TO_ME(Audience.AGENTS),
	/** Agent: a colleague mentioned them in a reply or an internal note. */
	MENTIONED(Audience.AGENTS),
	/** Agent: the requester replied on a ticket waiting on them (resolved or pending). */
	REQUESTER_REPLIED(Audience.AGENTS),
	/** Agent: once a day, their open tickets by SLA urgency, those waiting on requesters, the unassigned ones of their groups. */
	DAILY_DIGEST(Audience.AGENTS, Set.of(NotificationChannel.EMAIL), Set.of(), Set.of()),
	/** Agent: the review date of a knowledge base article they own has passed (in-app, once per date). */
	ARTICLE_REVIEW_DUE(Audience.AGENTS, Set.of(NotificationChannel.IN_APP), Set.of(NotificationChannel.IN_APP), Set.of()),
	/**
	 * Approver: a request waits for their approval; always in-app (the request waits on them), by
	 * mail with the links that approve and refuse it unless they turn it off.
	 */
	APPROVAL_REQUESTED(Audience.EVERYONE, Defaults.IN_APP_AND_EMAIL, Defaults.IN_APP_AND_EMAIL,
			Set.of(NotificationChannel.IN_APP));

	/** The built-in defaults: SMS is offered for the events about a ticket, and off by default. */
	private static final class Defaults {

		static final Set<NotificationChannel> IN_APP_AND_EMAIL = Set.of(NotificationChannel.IN_APP,
				NotificationChannel.EMAIL);

	}

	/** Who is offered the event. */
	public enum Audience {

		/** Every person, as the requester of their tickets. */
		EVERYONE,
		/** Members of the IT team. */
		AGENTS

	}

	private final Audience audience;

	private final Set<NotificationChannel> channels;

	private final Set<NotificationChannel> onByDefault;

	private final Set<NotificationChannel> always;

	/** An event about a ticket: on every channel, in-app and by mail by default, by SMS when chosen. */
	NotificationEvent(Audience audience) {
		this(audience, Set.of(NotificationChannel.values()), Defaults.IN_APP_AND_EMAIL, Set.of());
	}

	NotificationEvent(Audience audience, Set<NotificationChannel> channels, Set<NotificationChannel> onByDefault,
			Set<NotificationChannel> always) {
		this.audience = audience;
		this.channels = channels;
		this.onByDefault = onByDefault;
		this.always = always;
	}

	public Audience audience() {
		return audience;
	}

	/** Whether the event can reach people on that channel. */
	public boolean offers(NotificationChannel channel) {
		return channels.contains(channel);
	}

	/** The default before administrators change it. */
	public boolean onByDefault(NotificationChannel channel) {
		return onByDefault.contains(channel);
	}

	/** Whether the event always reaches people on that channel, whatever they or the defaults say. */
	public boolean always(NotificationChannel channel) {
		return always.contains(channel);
	}

	/** Whether a choice can change anything on that channel: it is offered and not always on. */
	public boolean choosable(NotificationChannel channel) {
		return offers(channel) && !always(channel);
	}

	/**
	 * Whether the event reaches a person on a channel: never when it is not offered there, always
	 * when it always goes there, else the person's own choice, else the administrators' default,
	 * else the built-in one.
	 *
	 * @param adminDefault the administrators' default, null when they kept the built-in one
	 * @param own the person's choice, null when they follow the default
	 */
	public boolean reaches(NotificationChannel channel, @Nullable Boolean adminDefault, @Nullable Boolean own) {
		if (!offers(channel)) {
			return false;
		}
		if (always(channel)) {
			return true;
		}
		return own != null ? own : defaultOn(channel, adminDefault);
	}

	/** The default on a channel: the administrators' when they set one, else the built-in one. */
	public boolean defaultOn(NotificationChannel channel, @Nullable Boolean adminDefault) {
		return offers(channel) && (always(channel) || (adminDefault != null ? adminDefault : onByDefault(channel)));
	}

	/** The part of bundle keys that names the event ({@code notification.event.<key>}). */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
