package org.guichet.presentation.examples;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A ticket marked as an example, as a reader sees it.
 *
 * @param ticketId the ticket's id (its number without the {@code #})
 * @param title the ticket's title; null when the reader may not see the ticket (the list still
 *     says that it is an example, and why, but neither its title nor a link)
 * @param reason why it is an example, as the agent wrote it (plain text, at most
 *     {@value ExampleTickets#REASON_MAX} characters)
 * @param kind what kind of example the agent chose, null if none
 * @param markedById the marking agent's user id
 * @param markedByName the marking agent's full name
 * @param markedAt when it was marked (or marked again)
 */
public record Example(long ticketId, @Nullable String title, String reason, @Nullable ExampleKind kind,
		long markedById, String markedByName, Instant markedAt) {

	/** The ticket's number as shown, e.g. {@code #1042}. */
	public String number() {
		return "#" + ticketId;
	}

	/** Whether the reader may open the ticket. */
	public boolean visible() {
		return title != null;
	}

}
