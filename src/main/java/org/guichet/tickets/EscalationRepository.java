package org.guichet.tickets;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EscalationRepository extends JpaRepository<Escalation, Long> {

	@Query("""
			select e from Escalation e left join fetch e.fromGroup left join fetch e.toGroup
			left join fetch e.toUser left join fetch e.by where e.ticketId = :ticketId order by e.id""")
	List<Escalation> findByTicket(long ticketId);

}
