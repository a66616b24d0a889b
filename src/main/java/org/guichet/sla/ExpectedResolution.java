package org.guichet.sla;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a requester sees of their ticket's SLA when the administrator shows them the expected
 * resolution date ({@link org.guichet.tickets.RequesterSlaVisibility#EXPECTED_RESOLUTION}).
 *
 * @param expectedResolutionAt the time-to-resolve deadline while the IT team works on the ticket;
 * null while it waits (the date moves on when it resumes) and once it is resolved, closed or
 * cancelled
 */
public record ExpectedResolution(@Nullable Instant expectedResolutionAt) {
}
