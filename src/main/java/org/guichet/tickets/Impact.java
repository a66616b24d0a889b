package org.guichet.tickets;

/**
 * How far the consequences reach: one user, a team, the whole organisation.
 */
public enum Impact {

	VERY_LOW, LOW, MEDIUM, HIGH, VERY_HIGH

}
