package org.guichet.tickets;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketLinkRepository extends JpaRepository<TicketLink, Long> {

	/** The links from and to the ticket, oldest first, with both tickets. */
	@Query("""
			select l from TicketLink l join fetch l.source join fetch l.target
			where l.source.id = :ticketId or l.target.id = :ticketId order by l.id""")
	List<TicketLink> findOfTicket(long ticketId);

}
