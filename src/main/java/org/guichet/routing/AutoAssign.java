package org.guichet.routing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.tickets.Priority;
import org.jspecify.annotations.Nullable;

/**
 * Who among a group's members takes a ticket, once the members are known.
 * <p>
 * A member qualifies when active, not absent, and skilled in the ticket's category (or one of
 * its parents). Members with no skill recorded are generalists: they qualify only when no
 * available member has the skill, so that specialists get their tickets first and a ticket is
 * not left unassigned in a group of generalists.
 */
final class AutoAssign {

	/**
	 * The weight of an open ticket in a technician's workload, by priority: each level up
	 * weighs twice as much, from 1 for very low to 32 for major.
	 */
	static final Map<Priority, Integer> WEIGHTS = weights();

	private AutoAssign() {
	}

	private static Map<Priority, Integer> weights() {
		Map<Priority, Integer> weights = new EnumMap<>(Priority.class);
		for (Priority priority : Priority.values()) {
			weights.put(priority, 1 << priority.ordinal());
		}
		return Map.copyOf(weights);
	}

	/**
	 * @param members the group's active agents, in the order of their ids
	 * @param categoryLineage the ticket's category and its parents; empty when it has none
	 */
	static List<Long> qualifying(List<Long> members, Set<Long> absent, Map<Long, Set<Long>> skills,
			List<Long> categoryLineage) {
		List<Long> available = members.stream().filter(m -> !absent.contains(m)).toList();
		if (categoryLineage.isEmpty()) {
			return available;
		}
		List<Long> skilled = available.stream()
			.filter(m -> skills.getOrDefault(m, Set.of()).stream().anyMatch(categoryLineage::contains))
			.toList();
		if (!skilled.isEmpty()) {
			return skilled;
		}
		return available.stream().filter(m -> skills.getOrDefault(m, Set.of()).isEmpty()).toList();
	}

	/** The next qualifying member after the last one served, in the order of ids, wrapping round. */
	static @Nullable Long roundRobin(List<Long> qualifying, @Nullable Long last) {
		if (qualifying.isEmpty()) {
			return null;
		}
		if (last != null) {
			for (Long candidate : qualifying) {
				if (candidate > last) {
					return candidate;
				}
			}
		}
		return qualifying.get(0);
	}

	/** The qualifying member with the lowest workload; the lowest id among equals. */
	static @Nullable Long leastLoaded(List<Long> qualifying, Map<Long, Integer> workload) {
		Long best = null;
		int lowest = Integer.MAX_VALUE;
		for (Long candidate : qualifying) {
			int load = workload.getOrDefault(candidate, 0);
			if (load < lowest) {
				best = candidate;
				lowest = load;
			}
		}
		return best;
	}

}
