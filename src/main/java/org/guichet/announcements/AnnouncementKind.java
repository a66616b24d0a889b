package org.guichet.announcements;

/** What an announcement tells: its banner's colour, and whether it may be dismissed or followed. */
public enum AnnouncementKind {

	/** A piece of news; a reader may hide it for the rest of their session. */
	INFORMATION,
	/** Work planned on a service, with its period. */
	PLANNED_MAINTENANCE,
	/** A major incident under way, linked to its ticket; requesters may follow it ("me too"). */
	MAJOR_INCIDENT;

	/** Whether a reader may hide it for the rest of their session. */
	public boolean dismissible() {
		return this == INFORMATION;
	}

}
