package org.guichet.catalogue;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CatalogueItemRepository extends JpaRepository<CatalogueItem, Long> {

	@Query("select i from CatalogueItem i join fetch i.section s order by s.position, s.id, i.position, i.id")
	List<CatalogueItem> findAllInOrder();

	@Query("select i from CatalogueItem i join fetch i.section where i.id = :id")
	Optional<CatalogueItem> findWithSection(long id);

	long countBySectionId(long sectionId);

	@Query("select count(i) > 0 from CatalogueItem i where i.active = true and size(i.approvalSteps) > 0")
	boolean anyActiveRequiringApproval();

}
