package org.guichet.sla;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SlaPolicyRepository extends JpaRepository<SlaPolicy, Long> {

	@Query("select distinct p from SlaPolicy p left join fetch p.targets order by p.fallback, p.position, p.id")
	List<SlaPolicy> findAllInOrder();

	boolean existsByName(String name);

	/** With its targets, which are read after the transaction, e.g. to show the policy. */
	@EntityGraph(attributePaths = "targets")
	Optional<SlaPolicy> findWithTargetsById(long id);

	@Query("select p.name from SlaPolicy p where p.calendarId = :calendarId order by p.name")
	List<String> findNamesByCalendarId(long calendarId);

}
