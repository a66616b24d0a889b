package org.guichet.catalogue;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CatalogueRequestRepository extends JpaRepository<CatalogueRequest, Long> {

	Optional<CatalogueRequest> findByTicketId(long ticketId);

	boolean existsByTicketId(long ticketId);

	boolean existsByFormVersionId(long formVersionId);

	long countByItemId(long itemId);

}
