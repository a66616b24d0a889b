package org.guichet.tickets;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CommentRepository extends JpaRepository<Comment, Long> {

	@Query("select c from Comment c join fetch c.author where c.ticket.id = :ticketId order by c.id")
	List<Comment> findTimeline(long ticketId);

	@Query("select c from Comment c join fetch c.author where c.ticket.id = :ticketId and c.internal = false order by c.id")
	List<Comment> findPublicTimeline(long ticketId);

}
