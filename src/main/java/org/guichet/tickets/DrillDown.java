package org.guichet.tickets;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The criteria a KPI's drill-down adds to a ticket list ({@link TicketFilter}, {@link TicketQuery}),
 * so that the list shows exactly the tickets the KPI counted. Each is optional (null: any); most
 * read the ticket's facts ({@code ticket_fact}, defined in {@code docs/KPIS.md}), so a ticket
 * whose facts are not derived yet matches none of those.
 *
 * @param from with {@code to}, the local days (in {@code guichet.time-zone}, both inclusive) in
 * which the instant {@code periodBy} names must fall; either may be null for an open range
 * @param periodBy which instant {@code from}/{@code to} bound: null for {@link PeriodBy#CREATED};
 * given without dates, the tickets that have that instant at all
 * @param channel the channel the ticket came in by
 * @param department the requester's department, exactly
 * @param tto the verdict of the time-to-own clock
 * @param ttr the verdict of the time-to-resolve clock
 * @param reopened reopened (or solution refused) at least once, or never
 * @param escalated which escalations the ticket had
 * @param firstLevel resolved at first level (true), or resolved but not at first level (false)
 * @param firstContact resolved at first contact (true), or resolved but not at first contact (false)
 * @param age open now, and created this long ago
 * @param rating the satisfaction survey's answer
 * @param weekday the ISO day of the week of the creation, 1 (Monday) to 7, local
 * @param hour the hour of the creation, 0 to 23, local
 * @param sla counted by an SLA policy, or by none
 * @param owned taken in charge at least once (true), or never (false)
 * @param responded answered publicly by the IT team, or given a solution (true), or neither yet (false)
 * @param statusGroup the ticket's status now is one of that group's
 * @param subcategories false to list the tickets of the category {@code categoryId} itself, without
 * those of its sub-categories; null or true for the category with its sub-categories
 */
public record DrillDown(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable PeriodBy periodBy,
		@Nullable Channel channel, @Nullable String department, @Nullable Verdict tto, @Nullable Verdict ttr,
		@Nullable Boolean reopened, @Nullable Escalated escalated, @Nullable Boolean firstLevel,
		@Nullable Boolean firstContact, @Nullable Age age, @Nullable Rating rating, @Nullable Integer weekday,
		@Nullable Integer hour, @Nullable Sla sla, @Nullable Boolean owned, @Nullable Boolean responded,
		@Nullable StatusGroup statusGroup, @Nullable Boolean subcategories) {

	/** The names of the drill-down parameters, in the order links write them. */
	public static final List<String> PARAMETERS = List.of("from", "to", "periodBy", "channel", "department", "tto",
			"ttr", "reopened", "escalated", "firstLevel", "firstContact", "age", "rating", "weekday", "hour", "sla",
			"owned", "responded", "statusGroup", "subcategories");

	/** The longest department accepted, in characters (as {@code ticket_fact.department}). */
	public static final int MAX_DEPARTMENT = 120;

	/** No drill-down criterion. */
	public static final DrillDown NONE = new DrillDown(null, null, null, null, null, null, null, null, null, null,
			null, null, null, null, null, null, null, null, null, null);

	/** Which instant of a ticket a period bounds. */
	public enum PeriodBy {

		/** Its creation. */
		CREATED,
		/** The resolution that stands now (none once reopened). */
		RESOLVED,
		/** Its closure (not its cancellation). */
		CLOSED,
		/** The deadline of its time-to-own clock. */
		TTO_DUE,
		/** The deadline of its time-to-resolve clock. */
		TTR_DUE,
		/** The decision of its approval, approved or refused (a withdrawal is none). */
		APPROVAL_DECIDED,
		/** The refusal of its approval: {@link #APPROVAL_DECIDED} when the decision was a refusal. */
		APPROVAL_REFUSED

	}

	/** The verdict of an SLA clock. */
	public enum Verdict {

		/** The deadline was met. */
		MET,
		/** The deadline was missed. */
		MISSED,
		/** Met or missed: a verdict either way. */
		GIVEN,
		/** No verdict (yet): running within its deadline, paused, cancelled before it, or no SLA. */
		NONE

	}

	/** Whether an SLA policy counts the ticket's clocks. */
	public enum Sla {

		/** An SLA policy counts them. */
		WITH,
		/** No SLA policy. */
		WITHOUT

	}

	/** Which escalations a ticket had. */
	public enum Escalated {

		/** At least one, of any kind (automatic levels included). */
		ANY,
		/** None of any kind. */
		NONE,
		/** At least one functional escalation (to a higher-level group). */
		FUNCTIONAL,
		/** At least one hierarchical escalation (to a supervisor). */
		HIERARCHICAL,
		/** At least one automatic escalation level fired. */
		AUTOMATIC

	}

	/** How long ago an open ticket was created, in whole days: from {@code fromDays} inclusive. */
	public enum Age {

		UNDER_1D(0, 1), D1_3(1, 3), D3_7(3, 7), D7_30(7, 30), OVER_30D(30, null);

		private final int fromDays;

		private final @Nullable Integer toDays;

		Age(int fromDays, @Nullable Integer toDays) {
			this.fromDays = fromDays;
			this.toDays = toDays;
		}

		/** The youngest age of the bucket, in days, inclusive. */
		public int fromDays() {
			return fromDays;
		}

		/** The age the bucket stops at, in days, exclusive; null for no end. */
		public @Nullable Integer toDays() {
			return toDays;
		}

	}

	/** The answer to the satisfaction survey. */
	public enum Rating {

		/** Rated 4 or 5. */
		SATISFIED,
		/** Rated 1 to 3. */
		UNSATISFIED,
		/** Rated at all. */
		RATED,
		/** Closed and not rated. */
		UNRATED,
		/** Closed and surveyed (asked to rate, whether they answered or not). */
		SURVEYED

	}

	public DrillDown {
		if (department != null && department.isBlank()) {
			department = null;
		}
	}

	/** Whether no criterion is set. */
	public boolean isEmpty() {
		return equals(NONE);
	}

	/** The period's instant: {@link #periodBy()}, or the creation when the period names none. */
	public PeriodBy periodOn() {
		return periodBy == null ? PeriodBy.CREATED : periodBy;
	}

	/**
	 * The parameters that give these criteria back, in the order of {@link #PARAMETERS}, without
	 * those not set; dates as {@code yyyy-MM-dd}, enums by their names.
	 */
	public Map<String, String> toParameters() {
		Object[] values = { from, to, periodBy, channel, department, tto, ttr, reopened, escalated, firstLevel,
				firstContact, age, rating, weekday, hour, sla, owned, responded, statusGroup, subcategories };
		Map<String, String> parameters = new LinkedHashMap<>();
		for (int i = 0; i < values.length; i++) {
			if (values[i] != null) {
				parameters.put(PARAMETERS.get(i), values[i].toString());
			}
		}
		return parameters;
	}

	/**
	 * Reads the drill-down parameters; a period whose {@code from} falls after its {@code to} is
	 * refused on {@code to} (what fits: the {@code from} day), and neither date is kept.
	 */
	static DrillDown read(TicketFilterParser parser) {
		LocalDate from = parser.date("from");
		LocalDate to = parser.date("to");
		if (from != null && to != null && from.isAfter(to)) {
			parser.refuse("to", "filter.period-reversed", to.toString(), from.toString());
			from = null;
			to = null;
		}
		return new DrillDown(from, to, parser.choice("periodBy", PeriodBy.class),
				parser.choice("channel", Channel.class), parser.text("department", MAX_DEPARTMENT),
				parser.choice("tto", Verdict.class), parser.choice("ttr", Verdict.class), parser.yesNo("reopened"),
				parser.choice("escalated", Escalated.class), parser.yesNo("firstLevel"), parser.yesNo("firstContact"),
				parser.choice("age", Age.class), parser.choice("rating", Rating.class), parser.between("weekday", 1, 7),
				parser.between("hour", 0, 23), parser.choice("sla", Sla.class), parser.yesNo("owned"),
				parser.yesNo("responded"), parser.choice("statusGroup", StatusGroup.class),
				parser.yesNo("subcategories"));
	}

}
