package org.guichet.sla;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EscalationLevelRepository extends JpaRepository<EscalationLevel, Long> {

	List<EscalationLevel> findByPolicyIdOrderByPosition(long policyId);

}
