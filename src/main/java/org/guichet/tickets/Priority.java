package org.guichet.tickets;

public enum Priority {

	VERY_LOW, LOW, MEDIUM, HIGH, VERY_HIGH, MAJOR;

	/**
	 * The next level up, as for a VIP requester; {@link #MAJOR} stays major.
	 */
	public Priority raised() {
		return this == MAJOR ? MAJOR : values()[ordinal() + 1];
	}

}
