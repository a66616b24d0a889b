package org.guichet.routing;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RoutingRuleRepository extends JpaRepository<RoutingRule, Long> {

	@Query("select r from RoutingRule r order by r.position, r.id")
	List<RoutingRule> findAllInOrder();

	@Query("select r.name from RoutingRule r where r.setGroupId = :groupId order by r.position")
	List<String> findNamesSettingGroup(long groupId);

	@Query("select r.name from RoutingRule r where r.setSlaPolicyId = :policyId order by r.position")
	List<String> findNamesSettingSlaPolicy(long policyId);

	@Query("select coalesce(max(r.position), 0) from RoutingRule r")
	int maxPosition();

	boolean existsByName(String name);

}
