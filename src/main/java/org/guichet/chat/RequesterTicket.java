package org.guichet.chat;

import org.guichet.tickets.Status;

/** One of a requester's open tickets, as the agent's conversation page lists them. */
public record RequesterTicket(long id, String number, String title, Status status) {
}
