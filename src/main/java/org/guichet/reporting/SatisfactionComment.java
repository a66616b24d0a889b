package org.guichet.reporting;

import java.time.Instant;

/**
 * A requester's comment in a satisfaction survey answer, on a ticket closed in the period.
 *
 * @param ticketId the ticket rated
 * @param rating 1 to 5
 * @param ratedAt when the answer was given (UTC; the closure when not known)
 * @param comment the comment as written, never blank
 */
public record SatisfactionComment(long ticketId, int rating, Instant ratedAt, String comment) {
}
