package org.guichet.sla;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SlaPolicyRepository extends JpaRepository<SlaPolicy, Long> {

	@Query("select distinct p from SlaPolicy p left join fetch p.targets order by p.fallback, p.position, p.id")
	List<SlaPolicy> findAllInOrder();

	boolean existsByName(String name);

}
