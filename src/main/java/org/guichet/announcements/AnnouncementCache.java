package org.guichet.announcements;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.guichet.system.CacheGenerations;
import org.guichet.system.SharedCache;
import org.springframework.stereotype.Component;

/**
 * The announcements not ended (current and planned), kept in each node's memory so that a page
 * shows the banner without a query, until any node changes one ({@link SharedCache}: at once on
 * the node that changed it, once committed; within {@code guichet.cache.check-interval} on the
 * others). Which of them are current is decided at each call, against the clock: a planned one
 * shows at its start, an ended one disappears at its end, without a read.
 */
@Component
class AnnouncementCache {

	private final Clock clock;

	private final SharedCache<List<PublishedAnnouncement>> notEnded;

	AnnouncementCache(AnnouncementRepository announcements, Clock clock, CacheGenerations generations) {
		this.clock = clock;
		this.notEnded = new SharedCache<>(generations, "announcements",
				() -> announcements.findNotEnded(clock.instant()).stream().map(PublishedAnnouncement::of).toList());
	}

	/** The announcements current at this instant, by start. */
	List<PublishedAnnouncement> current() {
		Instant now = clock.instant();
		return notEnded.get().stream().filter(a -> a.phase(now) == AnnouncementPhase.CURRENT).toList();
	}

	/** Says they changed in the current transaction: every node reads them again. */
	void changed() {
		notEnded.changed();
	}

}
