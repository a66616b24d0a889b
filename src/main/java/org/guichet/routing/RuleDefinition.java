package org.guichet.routing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * A routing rule as written by the administrator: when all its conditions match a new demand,
 * its actions apply.
 */
public record RuleDefinition(String name, boolean active, boolean stopHere, Conditions conditions,
		Actions actions) {

	/**
	 * A null (or empty) condition matches every demand.
	 *
	 * @param categoryId also matches the category's sub-categories
	 * @param words any one of them, as a whole word or phrase of the title or description,
	 * ignoring case and accents
	 * @param timeFrom with {@code timeTo}, the window of local time (in {@code guichet.time-zone})
	 * the demand arrives in; the window wraps midnight when {@code timeFrom} is after
	 * {@code timeTo}
	 * @param weekdays the days (of the local arrival time) the rule works on, Monday first; empty
	 * for every day
	 */
	public record Conditions(@Nullable TicketType type, @Nullable Long categoryId, @Nullable Channel channel,
			@Nullable String department, @Nullable String location, @Nullable Boolean vip, List<String> words,
			@Nullable LocalTime timeFrom, @Nullable LocalTime timeTo, Set<DayOfWeek> weekdays) {

		public static final Conditions ANY = new Conditions(null, null, null, null, null, null, List.of(), null,
				null, Set.of());

		public Conditions {
			words = withoutNulls(words);
			List<DayOfWeek> days = withoutNulls(weekdays);
			weekdays = days.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(days));
		}

	}

	/** A null (or empty) action leaves the field as the earlier rules or the registrar set it. */
	public record Actions(@Nullable Long groupId, @Nullable Long technicianId, @Nullable Urgency urgency,
			@Nullable Impact impact, List<Long> observerIds, @Nullable Long slaPolicyId) {

		public Actions {
			observerIds = withoutNulls(observerIds);
		}

		public boolean isEmpty() {
			return groupId == null && technicianId == null && urgency == null && impact == null
					&& observerIds.isEmpty() && slaPolicyId == null;
		}

	}

	/** An empty entry of a list, as a JSON body may hold ({@code [null]}), says nothing. */
	private static <T> List<T> withoutNulls(@Nullable Collection<T> values) {
		return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
	}

}
