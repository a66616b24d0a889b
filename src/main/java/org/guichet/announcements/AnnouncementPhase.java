package org.guichet.announcements;

/** Where an announcement stands at an instant, as its period says. */
public enum AnnouncementPhase {

	/** It starts later. */
	PLANNED,
	/** Shown now: started, not ended. */
	CURRENT,
	/** Ended. */
	PAST

}
