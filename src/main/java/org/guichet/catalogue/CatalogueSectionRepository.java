package org.guichet.catalogue;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CatalogueSectionRepository extends JpaRepository<CatalogueSection, Long> {

	List<CatalogueSection> findAllByOrderByPositionAscIdAsc();

}
