package org.guichet.sla;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketSlaRepository extends JpaRepository<TicketSla, Long> {

	/**
	 * The clocks due by {@code now}, the earliest first. The lower bound keeps the index range
	 * scan away from the clocks with nothing to check: H2 sorts their NULLs first and walked all of
	 * them (166,000 index entries, 37 ms) for a bound of {@code <= :now} alone.
	 */
	@Query("select s.ticketId from TicketSla s where s.nextCheckAt between :since and :now order by s.nextCheckAt")
	List<Long> findDue(Instant since, Instant now, Pageable page);

	boolean existsByPolicyId(long policyId);

}
