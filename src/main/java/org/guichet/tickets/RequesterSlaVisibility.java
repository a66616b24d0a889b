package org.guichet.tickets;

/**
 * What requesters see of their tickets' SLA, as the administrator chose (desk settings). The IT
 * team always sees everything.
 */
public enum RequesterSlaVisibility {

	/** Nothing: no SLA state, deadline or policy, on the portal or in the API. */
	NONE,
	/** The expected resolution date only: the time-to-resolve deadline while the ticket is worked on. */
	EXPECTED_RESOLUTION

}
