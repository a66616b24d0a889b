package org.guichet.sla;

/**
 * What stops the time-to-own clock.
 */
public enum TtoTrigger {

	/** A technician takes the ticket in charge. */
	TAKEN_IN_CHARGE,
	/** The IT team's first public reply. */
	FIRST_RESPONSE

}
