package org.guichet.announcements;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The announcements not ended (current and planned), kept in memory so that a page shows the
 * banner without a query: read again when a change made on this node commits, and at most
 * {@code guichet.announcements.cache-seconds} (30 by default) after the last read, so that a
 * change made on another node shows within that delay. Which of them are current is decided at
 * each call, against the clock: a planned one shows at its start, an ended one disappears at its
 * end, without a read.
 */
@Component
class AnnouncementCache {

	private final AnnouncementRepository announcements;

	private final Clock clock;

	private final Duration lifetime;

	private volatile @Nullable Snapshot snapshot;

	/** Counts the changes committed, so that a read that overlapped one is not kept. */
	private final AtomicLong changes = new AtomicLong();

	private record Snapshot(List<PublishedAnnouncement> notEnded, Instant readAt) {
	}

	AnnouncementCache(AnnouncementRepository announcements, Clock clock,
			@Value("${guichet.announcements.cache-seconds:30}") long cacheSeconds) {
		this.announcements = announcements;
		this.clock = clock;
		this.lifetime = Duration.ofSeconds(cacheSeconds);
	}

	/** The announcements current at this instant, by start. */
	List<PublishedAnnouncement> current() {
		Instant now = clock.instant();
		Snapshot kept = snapshot;
		if (kept == null || !now.isBefore(kept.readAt().plus(lifetime)) || now.isBefore(kept.readAt())) {
			long before = changes.get();
			kept = new Snapshot(announcements.findNotEnded(now).stream().map(PublishedAnnouncement::of).toList(), now);
			if (changes.get() == before) {
				snapshot = kept;
			}
		}
		return kept.notEnded().stream().filter(a -> a.phase(now) == AnnouncementPhase.CURRENT).toList();
	}

	/**
	 * Reads them again once the current transaction commits (at once without one), so that no
	 * other request caches what was read before the change.
	 */
	void changed() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					forget();
				}
			});
		}
		else {
			forget();
		}
	}

	private void forget() {
		changes.incrementAndGet();
		snapshot = null;
	}

}
