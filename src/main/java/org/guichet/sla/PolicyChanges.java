package org.guichet.sla;

import org.guichet.system.CacheGenerations;
import org.springframework.beans.factory.ObjectProvider;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Moves the policies' generation ({@link OrderedPolicies}) on at every write of a policy, its
 * targets included (they move its version), whichever way it came. Instantiated by Hibernate
 * through Spring; the generations are looked up when first needed.
 */
class PolicyChanges {

	private final ObjectProvider<CacheGenerations> generations;

	PolicyChanges(ObjectProvider<CacheGenerations> generations) {
		this.generations = generations;
	}

	@PostPersist
	@PostUpdate
	@PostRemove
	void written(Object policy) {
		generations.getObject().changed(OrderedPolicies.GENERATION);
	}

}
