package org.guichet.catalogue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FormVersionRepository extends JpaRepository<FormVersion, Long> {

	Optional<FormVersion> findFirstByItemIdOrderByNumberDesc(long itemId);

	List<FormVersion> findByItemIdOrderByNumberAsc(long itemId);

	/** The items whose current form (their latest version) asks at least one field. */
	@Query("select v.itemId from FormVersion v where size(v.fields) > 0"
			+ " and v.number = (select max(w.number) from FormVersion w where w.itemId = v.itemId)")
	Set<Long> findItemIdsAskingFields();

}
