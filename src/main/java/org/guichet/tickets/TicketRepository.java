package org.guichet.tickets;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TicketRepository extends JpaRepository<Ticket, Long>, TicketsWithPeople {

	/**
	 * The resolved tickets left unanswered since before {@code before}: resolved before it, with no
	 * requester's reply waiting for the IT team, and none taken up by the team since it.
	 */
	@Query("""
			select t.id from Ticket t where t.status = org.guichet.tickets.Status.RESOLVED and t.resolvedAt < :before
			and t.requesterRepliedAt is null
			and (t.requesterReplyHandledAt is null or t.requesterReplyHandledAt < :before)
			order by t.resolvedAt""")
	List<Long> findResolvedBefore(Instant before, Pageable page);

	boolean existsByGroupId(long groupId);

	@Query("select count(o) > 0 from Ticket t join t.observers o where t.id = :ticketId and o.id = :userId")
	boolean isObserver(long ticketId, long userId);

	/** The major incidents in the given statuses, newest first; a handful at any time. */
	@Query("select t from Ticket t where t.majorIncident = true and t.status in :statuses order by t.id desc")
	List<Ticket> findMajorIncidents(java.util.Collection<Status> statuses);

}
