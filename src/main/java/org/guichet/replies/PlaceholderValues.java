package org.guichet.replies;

import java.util.HashMap;
import java.util.Map;

import org.guichet.directory.CurrentUser;
import org.guichet.tickets.Ticket;

/**
 * The values of the {@link Placeholders} for one ticket and the agent writing on it.
 */
final class PlaceholderValues {

	private PlaceholderValues() {
	}

	/** Every placeholder's plain-text value; {@code group.name} is empty for a ticket with no group. */
	static Map<String, String> of(Ticket ticket, CurrentUser agent) {
		Map<String, String> values = new HashMap<>();
		String requester = ticket.getRequester().getFullName();
		values.put("requester.firstName", firstName(requester));
		values.put("requester.fullName", requester);
		values.put("ticket.number", ticket.getNumber());
		values.put("ticket.title", ticket.getTitle());
		values.put("agent.firstName", firstName(agent.fullName()));
		values.put("agent.fullName", agent.fullName());
		values.put("group.name", ticket.getGroup() == null ? "" : ticket.getGroup().getName());
		return values;
	}

	/** The first word of a full name: the directory keeps a person's name in one field. */
	static String firstName(String fullName) {
		String name = fullName.strip();
		int space = name.indexOf(' ');
		return space < 0 ? name : name.substring(0, space);
	}

}
