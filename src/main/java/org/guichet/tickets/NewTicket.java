package org.guichet.tickets;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A demand as registered through any channel.
 *
 * @param requesterId who the demand is for; null means the person registering it
 * @param impact null leaves the default (one user) for the agent to confirm
 * @param followUpOf the id of a ticket this one is opened about (typically a closed one), which
 * the caller must be able to see; the two are linked. Null for none
 */
public record NewTicket(TicketType type, String title, String description, @Nullable Long requesterId,
		Channel channel, @Nullable Long categoryId, Urgency urgency, @Nullable Impact impact,
		List<Long> observerIds, @Nullable Long followUpOf) {

	public NewTicket {
		observerIds = observerIds == null ? List.of() : List.copyOf(observerIds);
	}

	/** A demand about nothing earlier. */
	public NewTicket(TicketType type, String title, String description, @Nullable Long requesterId, Channel channel,
			@Nullable Long categoryId, Urgency urgency, @Nullable Impact impact, List<Long> observerIds) {
		this(type, title, description, requesterId, channel, categoryId, urgency, impact, observerIds, null);
	}

}
