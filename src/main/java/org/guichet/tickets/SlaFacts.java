package org.guichet.tickets;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the SLA module hands over to a ticket's facts ({@code ticket_fact}, see docs/KPIS.md)
 * through {@link TicketManagement#recordSla}: the policy counting its clocks, their deadlines and
 * verdicts, and the business time each clock counted. All null for a ticket without SLA.
 *
 * @param policyId the policy counting the clocks
 * @param ttoDeadline the time-to-own deadline (UTC instant)
 * @param ttoMet true met, false missed (owned late, or its deadline passed while it ran, or
 * cancelled after it), null no verdict yet (running, or cancelled before its deadline)
 * @param ttrDeadline the time-to-resolve deadline
 * @param ttrMet as {@code ttoMet}, for the time to resolve
 * @param ownBusinessSeconds the TTO clock's business seconds from the creation to the ownership,
 * on the policy's calendar, pauses excluded; null while not owned
 * @param resolutionBusinessSeconds the TTR clock's business seconds from the creation to the
 * resolution that stands now, on the policy's calendar, pauses and resolved spans before a
 * reopening excluded; null while not resolved
 */
public record SlaFacts(@Nullable Long policyId, @Nullable Instant ttoDeadline, @Nullable Boolean ttoMet,
		@Nullable Instant ttrDeadline, @Nullable Boolean ttrMet, @Nullable Long ownBusinessSeconds,
		@Nullable Long resolutionBusinessSeconds) {

	/** A ticket without SLA: every column null. */
	public static final SlaFacts NONE = new SlaFacts(null, null, null, null, null, null, null);

}
