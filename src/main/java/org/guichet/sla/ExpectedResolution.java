package org.guichet.sla;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a requester sees of their ticket's SLA when the administrator shows them the expected
 * resolution date ({@link org.guichet.tickets.RequesterSlaVisibility#EXPECTED_RESOLUTION}).
 *
 * @param expectedResolutionAt the time-to-resolve deadline while the IT team works on the ticket
 * ({@link Outlook#EXPECTED}, {@link Outlook#OVERDUE}); null while it waits (the date moves on when
 * it resumes) and once it is resolved, closed or cancelled
 * @param state where the resolution stands, in the requester's words
 */
public record ExpectedResolution(@Nullable Instant expectedResolutionAt, Outlook state) {

	/** Where a ticket's resolution stands, as a requester is told. */
	public enum Outlook {

		/** Being worked on, the deadline ahead. */
		EXPECTED,
		/** Being worked on, the deadline passed. */
		OVERDUE,
		/** Waiting (on the requester, a supplier, an approval): no date until the work resumes. */
		PAUSED,
		/** Resolved by the deadline. */
		MET,
		/** Resolved after the deadline. */
		MISSED

	}

}
