package org.guichet.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

	@Query("select n from Notification n where n.recipientId = :recipientId order by n.id desc")
	List<Notification> findNewest(long recipientId, Pageable page);

	@Query("select count(n) from Notification n where n.recipientId = :recipientId and n.readAt is null")
	long countUnread(long recipientId);

	Optional<Notification> findByIdAndRecipientId(long id, long recipientId);

	@Modifying
	@Query("update Notification n set n.readAt = :at where n.recipientId = :recipientId and n.readAt is null")
	int markAllRead(long recipientId, Instant at);

}
