package org.guichet.tickets;

import org.springframework.data.jpa.repository.JpaRepository;

interface AttachmentContentRepository extends JpaRepository<AttachmentContent, Long> {

}
