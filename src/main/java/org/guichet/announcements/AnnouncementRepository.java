package org.guichet.announcements;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AnnouncementRepository extends JpaRepository<Announcement, Long> {

	/** Those not ended at {@code now} (current and planned), by start. */
	@Query("select a from Announcement a where a.endsAt is null or a.endsAt > :now order by a.startsAt, a.id")
	List<Announcement> findNotEnded(Instant now);

	/** The announcements, newest start first, a page at a time. */
	@Query("select a from Announcement a order by a.startsAt desc, a.id desc")
	List<Announcement> findNewestFirst(Pageable page);

	/** The announcements of a ticket not ended at {@code now}. */
	@Query("select a from Announcement a where a.ticketId = :ticketId and (a.endsAt is null or a.endsAt > :now)")
	List<Announcement> findNotEndedOfTicket(long ticketId, Instant now);

}
