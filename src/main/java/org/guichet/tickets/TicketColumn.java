package org.guichet.tickets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The columns a ticket list can show and export. Each agent picks theirs and their order (and
 * each saved view keeps its own); {@link #DEFAULT} is the list's until they do.
 */
public enum TicketColumn {

	NUMBER, TITLE, STATUS, PRIORITY, SLA, REQUESTER, TYPE, CATEGORY, GROUP, ASSIGNEE, UPDATED, CREATED;

	/** The columns of a list whose reader chose none. */
	public static final List<TicketColumn> DEFAULT = List.of(NUMBER, TITLE, REQUESTER, CATEGORY, PRIORITY, STATUS, SLA,
			GROUP, ASSIGNEE, UPDATED);

	/** Every column, in order: what the CSV export writes when no choice applies. */
	public static final List<TicketColumn> ALL = List.of(values());

	/**
	 * The columns named in a comma-separated list (as stored and posted), in the order given
	 * (each once, at its first place), names in any case; NUMBER is always kept, as it is the
	 * link to the ticket: first when the list does not name it.
	 *
	 * @return null when the text is null or blank, so that a default applies
	 * @throws IllegalArgumentException naming a word that is not a column
	 */
	public static @Nullable List<TicketColumn> parse(@Nullable String names) {
		if (names == null || names.isBlank()) {
			return null;
		}
		Set<TicketColumn> chosen = new LinkedHashSet<>();
		for (String name : names.split(",")) {
			if (!name.isBlank()) {
				chosen.add(valueOf(name.strip().toUpperCase(Locale.ROOT)));
			}
		}
		List<TicketColumn> columns = new ArrayList<>(chosen);
		if (!chosen.contains(NUMBER)) {
			columns.add(0, NUMBER);
		}
		return List.copyOf(columns);
	}

	/**
	 * The columns with {@code column} moved one place up (toward the start) or down; the same
	 * list when it does not hold the column or the column is already at that end.
	 */
	public static List<TicketColumn> move(List<TicketColumn> columns, TicketColumn column, boolean up) {
		int from = columns.indexOf(column);
		int to = up ? from - 1 : from + 1;
		if (from < 0 || to < 0 || to >= columns.size()) {
			return columns;
		}
		List<TicketColumn> moved = new ArrayList<>(columns);
		Collections.swap(moved, from, to);
		return List.copyOf(moved);
	}

	/** The chosen columns in their order, then the others in the order of this enum: the column picker's rows. */
	public static List<TicketColumn> choicesAfter(List<TicketColumn> chosen) {
		List<TicketColumn> rows = new ArrayList<>(chosen);
		ALL.stream().filter(column -> !chosen.contains(column)).forEach(rows::add);
		return rows;
	}

	/** The columns as {@link #parse} reads them back. */
	public static String format(List<TicketColumn> columns) {
		List<String> names = new ArrayList<>();
		columns.forEach(column -> names.add(column.name()));
		return String.join(",", names);
	}

}
