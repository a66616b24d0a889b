package org.guichet.presentation.examples;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ExampleTicketRepository extends JpaRepository<ExampleTicket, Long> {

	/** The examples newest first (index {@code ix_example_ticket_marked}). */
	@Query("select e from ExampleTicket e order by e.markedAt desc, e.ticketId desc")
	List<ExampleTicket> findNewestFirst(Pageable page);

}
