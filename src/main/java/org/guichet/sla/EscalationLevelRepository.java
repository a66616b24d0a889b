package org.guichet.sla;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EscalationLevelRepository extends JpaRepository<EscalationLevel, Long> {

	List<EscalationLevel> findByPolicyIdOrderByPosition(long policyId);

	@Query("select distinct p.name from EscalationLevel l, SlaPolicy p where p.id = l.policyId and l.reassignGroupId = :groupId order by p.name")
	List<String> findPolicyNamesReassigningTo(long groupId);

}
