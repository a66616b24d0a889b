package org.guichet.tickets;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The columns a ticket list can show and export, in the order they are shown. Each agent picks
 * theirs (and each saved view keeps its own); {@link #DEFAULT} is the list's until they do.
 */
public enum TicketColumn {

	NUMBER, TITLE, STATUS, PRIORITY, SLA, REQUESTER, TYPE, CATEGORY, GROUP, ASSIGNEE, UPDATED, CREATED;

	/** The columns of a list whose reader chose none. */
	public static final List<TicketColumn> DEFAULT = List.of(NUMBER, TITLE, REQUESTER, CATEGORY, PRIORITY, STATUS, SLA,
			GROUP, ASSIGNEE, UPDATED);

	/** Every column, in order: what the CSV export writes when no choice applies. */
	public static final List<TicketColumn> ALL = List.of(values());

	/**
	 * The columns named in a comma-separated list (as stored and posted), in the order of this
	 * enum, names in any case; NUMBER is always kept, as it is the link to the ticket.
	 *
	 * @return null when the text is null or blank, so that a default applies
	 * @throws IllegalArgumentException naming a word that is not a column
	 */
	public static @Nullable List<TicketColumn> parse(@Nullable String names) {
		if (names == null || names.isBlank()) {
			return null;
		}
		Set<TicketColumn> chosen = EnumSet.of(NUMBER);
		for (String name : names.split(",")) {
			if (!name.isBlank()) {
				chosen.add(valueOf(name.strip().toUpperCase(Locale.ROOT)));
			}
		}
		return List.copyOf(chosen);
	}

	/** The columns as {@link #parse} reads them back. */
	public static String format(List<TicketColumn> columns) {
		List<String> names = new ArrayList<>();
		columns.forEach(column -> names.add(column.name()));
		return String.join(",", names);
	}

}
