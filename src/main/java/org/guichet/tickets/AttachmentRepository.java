package org.guichet.tickets;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

	@Query("select a from Attachment a join fetch a.uploadedBy where a.ticket.id = :ticketId order by a.id")
	List<Attachment> findByTicket(long ticketId);

	@Query("select a from Attachment a where a.id = :attachmentId and a.ticket.id = :ticketId")
	Optional<Attachment> findOnTicket(long ticketId, long attachmentId);

	@Query("select new org.guichet.tickets.AttachmentVolume(count(a), coalesce(sum(a.sizeBytes), 0)) from Attachment a")
	AttachmentVolume volume();

}
