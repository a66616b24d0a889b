package org.guichet.tickets;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A demand as registered through any channel.
 *
 * @param requesterId who the demand is for; null means the person registering it
 * @param impact null leaves the default (one user) for the agent to confirm
 */
public record NewTicket(TicketType type, String title, String description, @Nullable Long requesterId,
		Channel channel, @Nullable Long categoryId, Urgency urgency, @Nullable Impact impact,
		List<Long> observerIds) {

	public NewTicket {
		observerIds = observerIds == null ? List.of() : List.copyOf(observerIds);
	}

}
