package org.guichet.tickets;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The rules a new link between two tickets must keep, apart from who may make it: never a ticket
 * to itself, one link at most between two tickets (whatever its kind and direction), at most one
 * parent per ticket, and no cycle of parents nor of duplicates (#1 child of #2 child of #1). The
 * stored links are read through functions, so that the rules hold without a database.
 */
final class TicketLinkRules {

	/** The field a refusal names: the other ticket the agent typed. */
	static final String FIELD = "ticket";

	/** How far a cycle is looked for: beyond, the chain is refused as too deep. */
	static final int MAX_DEPTH = 1000;

	private TicketLinkRules() {
	}

	/**
	 * Checks the link "source KIND target" before it is made.
	 *
	 * @param existing the kind of the link already between the two tickets, in either direction;
	 * null when there is none
	 * @param successors the targets of the links of {@code kind} from a ticket (its parents, what
	 * it duplicates), by ticket id
	 * @throws InvalidInputException (field {@value #FIELD}) naming the rule broken and the ticket
	 */
	static void check(long source, long target, TicketLinkKind kind, @Nullable TicketLinkKind existing,
			Function<Long, Collection<Long>> successors) {
		String sourceNumber = new TicketId(source).toString();
		String targetNumber = new TicketId(target).toString();
		if (source == target) {
			throw new InvalidInputException(FIELD, "ticket.link.self", "A ticket cannot be linked to itself");
		}
		if (existing != null) {
			throw new InvalidInputException(FIELD, "ticket.link.already",
					sourceNumber + " and " + targetNumber + " are already linked", sourceNumber, targetNumber);
		}
		if (kind == TicketLinkKind.CHILD_OF) {
			Collection<Long> parents = successors.apply(source);
			if (!parents.isEmpty()) {
				String parent = new TicketId(parents.iterator().next()).toString();
				throw new InvalidInputException(FIELD, "ticket.link.one-parent",
						sourceNumber + " already has a parent, " + parent + ": remove that link first", sourceNumber,
						parent);
			}
		}
		if (kind.acyclic() && reaches(target, source, successors)) {
			throw new InvalidInputException(FIELD, "ticket.link.cycle." + kind.name(),
					targetNumber + " already leads back to " + sourceNumber + ": the link would make a cycle",
					sourceNumber, targetNumber);
		}
	}

	/** Whether {@code to} is reached from {@code from} by following the links (breadth first). */
	private static boolean reaches(long from, long to, Function<Long, Collection<Long>> successors) {
		Set<Long> seen = new HashSet<>();
		Deque<Long> next = new ArrayDeque<>();
		next.add(from);
		seen.add(from);
		while (!next.isEmpty()) {
			if (seen.size() > MAX_DEPTH) {
				throw new InvalidInputException(FIELD, "ticket.link.too-deep",
						"The chain of linked tickets is too long", MAX_DEPTH);
			}
			for (Long successor : successors.apply(next.poll())) {
				if (successor == to) {
					return true;
				}
				if (seen.add(successor)) {
					next.add(successor);
				}
			}
		}
		return false;
	}

}
