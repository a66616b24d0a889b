package org.guichet.tickets;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Decides, before a ticket is created, where a new demand goes. Implemented outside the tickets
 * module (by routing), so the tickets module asks for it without depending on it.
 */
public interface TicketRouter {

	/**
	 * What the router's decision may depend on.
	 *
	 * @param impact null when the registrar gave none
	 */
	record Demand(TicketType type, String title, String description, @Nullable Long categoryId, Channel channel,
			@Nullable String department, @Nullable String location, boolean vip, Urgency urgency,
			@Nullable Impact impact, Instant at) {
	}

	/**
	 * Where the demand goes; a null field leaves it as registered.
	 *
	 * @param rules the names of the rules that fired, in order
	 */
	record Decision(@Nullable Long groupId, @Nullable Long technicianId, @Nullable Urgency urgency,
			@Nullable Impact impact, List<Long> observerIds, @Nullable Long slaPolicyId, List<String> rules) {

		public static final Decision NONE = new Decision(null, null, null, null, List.of(), null, List.of());

		public Decision {
			observerIds = List.copyOf(observerIds);
			rules = List.copyOf(rules);
		}

	}

	Decision route(Demand demand);

	/**
	 * The member of the group who should take a ticket of this category now, by the group's
	 * auto-assignment mode; null when the group does not auto-assign or no member qualifies.
	 */
	@Nullable
	Long technicianFor(long groupId, @Nullable Long categoryId);

}
