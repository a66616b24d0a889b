package org.guichet.tickets.web;

import org.jspecify.annotations.Nullable;

/**
 * One ticket of the agent's queue page, every value its cells show already worked out (labels in
 * the reader's language, dates in the desk's time zone), so that the template only writes them:
 * the page draws 25 rows of up to 12 cells, and evaluating their expressions was most of its cost.
 *
 * @param href the ticket's page, with the application's context path
 * @param selectValue what the bulk form's checkbox sends: {@code id:version}
 * @param selectLabel the checkbox's accessible name
 * @param selected whether the checkbox comes back ticked (a bulk action refused)
 * @param replied when the requester last replied, if they did since the agent's last answer
 * @param sla the SLA badge, null when the ticket has no clock
 * @param slaDue the deadline under the SLA badge, null when no clock counts towards one
 * @param category the category's name, or a dash; likewise {@code group} and {@code assignee}
 * @param major whether the ticket is a major incident, marked next to its title
 */
record QueueRow(long id, String number, String title, String href, String selectValue, String selectLabel,
		boolean selected, Badge status, @Nullable Time replied, Badge priority, @Nullable Badge sla,
		@Nullable Time slaDue, String requester, boolean vip, String type, String category, String group,
		String assignee, Time updated, Time created, boolean major) {

	/**
	 * A badge: {@code name} is the value's constant (the badge's colour class ends with it),
	 * {@code label} what it says.
	 */
	record Badge(String name, String label) {
	}

	/** An instant: {@code iso} for the {@code datetime} attribute, {@code text} for the reader. */
	record Time(String iso, String text) {
	}

	/**
	 * A cell of every row: {@code column} is a {@link org.guichet.tickets.TicketColumn}'s name,
	 * {@code css} its class ({@code cell-TITLE}, with {@code card-only} when only a phone's card
	 * shows it).
	 */
	record Cell(String column, String css) {
	}

}
