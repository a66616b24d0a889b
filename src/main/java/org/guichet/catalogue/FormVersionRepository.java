package org.guichet.catalogue;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface FormVersionRepository extends JpaRepository<FormVersion, Long> {

	Optional<FormVersion> findFirstByItemIdOrderByNumberDesc(long itemId);

	List<FormVersion> findByItemIdOrderByNumberAsc(long itemId);

}
