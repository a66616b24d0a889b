package org.guichet.mail.outbox;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxMailRepository extends JpaRepository<OutboxMail, Long> {

	List<OutboxMail> findByStatusOrderByIdDesc(OutboxStatus status, Pageable page);

	long countByStatus(OutboxStatus status);

}
