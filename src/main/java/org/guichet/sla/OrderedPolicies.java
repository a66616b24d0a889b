package org.guichet.sla;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The SLA policies in the order they are tried, with their targets, kept in memory while they
 * are unchanged on every node. At each new ticket one aggregate query over the policies' ids and
 * versions tells whether they changed (a change of targets or position moves the version on),
 * instead of reading every policy and its targets. The policies kept are detached and only read.
 */
@Component
class OrderedPolicies {

	private final SlaPolicyRepository policies;

	private final PolicyStamps stamps;

	private volatile Snapshot snapshot = new Snapshot(new PolicyStamp(-1, -1, -1), List.of());

	OrderedPolicies(SlaPolicyRepository policies, PolicyStamps stamps) {
		this.policies = policies;
		this.stamps = stamps;
	}

	List<SlaPolicy> current() {
		PolicyStamp stamp = stamps.current();
		Snapshot kept = snapshot;
		if (kept.stamp().equals(stamp)) {
			return kept.policies();
		}
		List<SlaPolicy> loaded = List.copyOf(policies.findAllInOrder());
		snapshot = new Snapshot(stamp, loaded);
		return loaded;
	}

	/** What changes when a policy is added, changed or deleted. */
	record PolicyStamp(long count, long versions, long lastId) {
	}

	private record Snapshot(PolicyStamp stamp, List<SlaPolicy> policies) {
	}

}
