package org.guichet.tickets;

import java.util.Collection;
import java.util.List;

/**
 * The names of the ticket index's fields ({@link TicketIndexMapping}), for the queries that read
 * them.
 */
final class TicketIndexFields {

	static final String INDEX = "ticket";

	static final String NUMBER = "number";

	static final String TITLE = "title";

	/** The description, the solution and the public replies, read by everyone who sees the ticket. */
	static final String TEXT = "text";

	/** Internal notes, read by the IT team only. */
	static final String NOTES = "notes";

	static final String REQUESTER = "requester";

	static final String ASSIGNEE = "assignee";

	static final String OBSERVERS = "observers";

	static final String GROUP = "group";

	static final String CATEGORY = "category";

	/**
	 * Holds {@link #UNROUTED_VALUE} for a ticket of no support group, and nothing otherwise: the
	 * visibility rule's "unrouted" is then a term, where "no value in {@link #GROUP}" read the
	 * group of every match.
	 */
	static final String UNROUTED = "unrouted";

	static final String UNROUTED_VALUE = "yes";

	private TicketIndexFields() {
	}

	/** The keyword a person, group or category is indexed by: its id in decimal. */
	static String key(long id) {
		return Long.toString(id);
	}

	/** The keywords of several ids, in their order. */
	static List<String> keys(Collection<Long> ids) {
		return ids.stream().map(TicketIndexFields::key).toList();
	}

}
