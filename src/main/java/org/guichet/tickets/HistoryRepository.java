package org.guichet.tickets;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface HistoryRepository extends JpaRepository<HistoryEntry, Long> {

	@Query("select h from HistoryEntry h left join fetch h.actor where h.ticket.id = :ticketId order by h.id")
	List<HistoryEntry> findByTicket(long ticketId);

	@Query("select h from HistoryEntry h left join fetch h.actor where h.ticket.id in :ticketIds order by h.id")
	List<HistoryEntry> findByTickets(List<Long> ticketIds);

	@Query("""
			select h from HistoryEntry h left join fetch h.actor
			where h.ticket.id = :ticketId and h.field in :fields order by h.id""")
	List<HistoryEntry> findFieldsOfTicket(long ticketId, List<String> fields);

}
