package org.guichet.sla;

import java.util.List;
import java.util.Optional;

import org.guichet.system.CacheGenerations;
import org.guichet.system.SharedCache;
import org.springframework.stereotype.Component;

/**
 * The SLA policies in the order they are tried, with their targets, kept in memory while they
 * are unchanged on every node: a {@link SharedCache} whose generation every write of a policy
 * moves on ({@link PolicyChanges}), so a new ticket reads none of them. The policies kept are
 * detached and only read.
 */
@Component
class OrderedPolicies {

	static final String GENERATION = "sla-policies";

	private final SharedCache<List<SlaPolicy>> ordered;

	OrderedPolicies(SlaPolicyRepository policies, CacheGenerations generations) {
		this.ordered = new SharedCache<>(generations, GENERATION, () -> List.copyOf(policies.findAllInOrder()));
	}

	List<SlaPolicy> current() {
		return ordered.get();
	}

	/** The policy of that id as {@link #current()} has it; empty when it was deleted. */
	Optional<SlaPolicy> byId(long id) {
		return current().stream().filter(policy -> Long.valueOf(id).equals(policy.getId())).findFirst();
	}

}
