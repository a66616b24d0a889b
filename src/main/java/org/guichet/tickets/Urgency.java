package org.guichet.tickets;

/**
 * How soon the demand must be handled, as felt by the requester.
 */
public enum Urgency {

	VERY_LOW, LOW, MEDIUM, HIGH, VERY_HIGH

}
