package org.guichet.tickets;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketLinkRepository extends JpaRepository<TicketLink, Long> {

	/** The links from and to the ticket, oldest first, with both tickets. */
	@Query("""
			select l from TicketLink l join fetch l.source join fetch l.target
			where l.source.id = :ticketId or l.target.id = :ticketId order by l.id""")
	List<TicketLink> findOfTicket(long ticketId);

	/** The link between the two tickets, in either direction, if any (one at most: see {@link TicketLinkRules}). */
	@Query("""
			select l from TicketLink l where (l.source.id = :a and l.target.id = :b)
			or (l.source.id = :b and l.target.id = :a) order by l.id""")
	List<TicketLink> findBetween(long a, long b);

	/**
	 * The link with both its tickets loaded, not as proxies: a change recorded on a proxy's own
	 * fields would be lost.
	 */
	@Query("select l from TicketLink l join fetch l.source join fetch l.target where l.id = :linkId")
	Optional<TicketLink> findWithTickets(long linkId);

	/** The tickets the ticket links to with this kind (its parents, what it duplicates). */
	@Query("select l.target.id from TicketLink l where l.source.id = :sourceId and l.kind = :kind")
	List<Long> findTargets(long sourceId, TicketLinkKind kind);

	/** The tickets linked to this one with this kind (its children, its duplicates), by ticket id. */
	@Query("select l.source.id from TicketLink l where l.target.id = :targetId and l.kind = :kind order by l.source.id")
	List<Long> findSources(long targetId, TicketLinkKind kind);

}
