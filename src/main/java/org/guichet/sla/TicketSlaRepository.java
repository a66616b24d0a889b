package org.guichet.sla;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketSlaRepository extends JpaRepository<TicketSla, Long> {

	@Query("select s.ticketId from TicketSla s where s.nextCheckAt <= :now order by s.nextCheckAt")
	List<Long> findDue(Instant now, Pageable page);

	boolean existsByPolicyId(long policyId);

}
