package org.guichet.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import org.guichet.tickets.Channel;
import org.guichet.tickets.Priority;
import org.guichet.tickets.TicketFilter;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * Which tickets and which period the KPIs are computed over (DESIGN9 §3).
 *
 * <p>
 * Query parameters ({@link #PARAMETERS}): {@code from}, {@code to} local dates {@code yyyy-MM-dd},
 * both included, in {@code guichet.time-zone}; or {@code period}, a {@link PeriodPreset} name (any
 * case), not with {@code from}/{@code to}; neither gives {@link #DEFAULT_PRESET}. {@code type},
 * {@code channel}, {@code priority} the name of a value of their enum (any case); {@code group},
 * {@code technician}, {@code category} the positive id of a group, a user, a category that exists
 * (a category counts with its sub-categories at any depth); {@code department} the requester's department, exact text. A period is at most
 * {@value #MAX_DAYS} days. Each parameter is optional and given at most once; a value that does
 * not fit is refused with a {@link TicketFilter.Error} naming the parameter, never ignored.
 *
 * @param period the days counted; {@link #previousPeriod()} is the period compared with
 * @param preset the preset the period was given by, null when given by {@code from}/{@code to}
 * @param type null for every type
 * @param group support group id, null for every group
 * @param technician assignee's user id, null for every technician
 * @param category category id (with its sub-categories), null for every category
 * @param channel null for every channel
 * @param priority null for every priority
 * @param department the requester's department (exact), null for every department
 */
public record KpiFilter(DateRange period, @Nullable PeriodPreset preset, @Nullable TicketType type,
		@Nullable Long group, @Nullable Long technician, @Nullable Long category, @Nullable Channel channel,
		@Nullable Priority priority, @Nullable String department) {

	/** The names of the filter's query parameters, in the order links write them. */
	public static final List<String> PARAMETERS = List.of("period", "from", "to", "type", "group", "technician",
			"category", "channel", "priority", "department");

	/** The period when the request names none. */
	public static final PeriodPreset DEFAULT_PRESET = PeriodPreset.LAST_30_DAYS;

	/** The longest period accepted, in days (two years: a year compared with the one before). */
	public static final int MAX_DAYS = 732;

	public KpiFilter {
		if (department != null && department.isBlank()) {
			department = null;
		}
	}

	/** Every ticket over the given period. */
	public static KpiFilter of(DateRange period) {
		return new KpiFilter(period, null, null, null, null, null, null, null, null);
	}

	/**
	 * What a request's parameters say: the filter made of the values that fit (the default period
	 * where the period did not fit), the refusals of those that do not, and each value as sent.
	 */
	public record Reading(KpiFilter filter, List<TicketFilter.Error> errors, Map<String, String> sent) {

		public boolean isValid() {
			return errors.isEmpty();
		}

		/** The filter, or the refusal of every value that did not fit. */
		public KpiFilter orThrow() {
			if (!errors.isEmpty()) {
				throw new InvalidKpiFilterException(errors);
			}
			return filter;
		}

	}

	/**
	 * Which ids name something that exists (the directory's groups and users, the tickets'
	 * categories), so that a filter on one that does not is refused rather than counting nothing.
	 */
	public interface Known {

		boolean group(long id);

		boolean user(long id);

		boolean category(long id);

	}

	/**
	 * Reads the filter's parameters, as a servlet request holds them; never refuses: a value that
	 * does not fit (an id naming nothing among {@code known} included) is left out and reported in
	 * {@link Reading#errors()}.
	 *
	 * @param today the local date in {@code guichet.time-zone}, for the presets and the default period
	 */
	public static Reading read(Map<String, String[]> parameters, LocalDate today, Known known) {
		Parser parser = new Parser(parameters);
		PeriodPreset preset = parser.choice("period", PeriodPreset.class);
		LocalDate from = parser.date("from");
		LocalDate to = parser.date("to");
		DateRange period = parser.period(preset, from, to, today);
		KpiFilter filter = new KpiFilter(period, from == null && to == null && preset == null ? DEFAULT_PRESET : preset,
				parser.choice("type", TicketType.class), parser.id("group", known::group, "no such group"),
				parser.id("technician", known::user, "no such user"),
				parser.id("category", known::category, "no such category"), parser.choice("channel", Channel.class),
				parser.choice("priority", Priority.class), parser.text("department", 120));
		if (filter.preset() != null && (from != null || to != null)) {
			filter = filter.withPreset(null);
		}
		return new Reading(filter, List.copyOf(parser.errors), Map.copyOf(parser.sent));
	}

	/**
	 * Reads the filter's parameters.
	 *
	 * @param today the local date in {@code guichet.time-zone}
	 * @throws InvalidKpiFilterException naming every parameter whose value does not fit
	 */
	public static KpiFilter parse(Map<String, String[]> parameters, LocalDate today, Known known) {
		return read(parameters, today, known).orThrow();
	}

	/**
	 * The period the KPIs are compared with: the preset's previous calendar unit
	 * ({@link PeriodPreset#previous}), or for a period given by dates the same number of days just
	 * before ({@link DateRange#previous()}).
	 */
	public DateRange previousPeriod() {
		return preset == null ? period.previous() : preset.previous(period);
	}

	/** The same criteria over another period (given by dates, so no preset). */
	public KpiFilter over(DateRange otherPeriod) {
		return new KpiFilter(otherPeriod, null, type, group, technician, category, channel, priority, department);
	}

	/** The same filter for one group (null: every group). */
	public KpiFilter forGroup(@Nullable Long otherGroup) {
		return new KpiFilter(period, preset, type, otherGroup, technician, category, channel, priority, department);
	}

	/** The same filter for one technician (null: every technician). */
	public KpiFilter forTechnician(@Nullable Long otherTechnician) {
		return new KpiFilter(period, preset, type, group, otherTechnician, category, channel, priority, department);
	}

	private KpiFilter withPreset(@Nullable PeriodPreset otherPreset) {
		return new KpiFilter(period, otherPreset, type, group, technician, category, channel, priority, department);
	}

	/**
	 * The parameters that give this filter back, in the order of {@link #PARAMETERS}, without those
	 * not set: {@code period} when given by a preset, else {@code from} and {@code to}.
	 */
	public Map<String, String> toParameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (preset != null) {
			parameters.put("period", preset.name());
		}
		else {
			parameters.put("from", period.from().toString());
			parameters.put("to", period.to().toString());
		}
		Object[] values = { type, group, technician, category, channel, priority, department };
		for (int i = 0; i < values.length; i++) {
			if (values[i] != null) {
				parameters.put(PARAMETERS.get(i + 3), values[i].toString());
			}
		}
		return parameters;
	}

	/**
	 * The ticket-list parameters (DESIGN9 §2) that select the tickets of this filter's dimensions
	 * (not its period: a KPI adds the edge it counts by): {@code type}, {@code groupId},
	 * {@code assigneeId}, {@code categoryId}, {@code channel}, {@code priority}, {@code department}.
	 */
	public Map<String, String> toTicketParameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		put(parameters, "type", type);
		put(parameters, "groupId", group);
		put(parameters, "assigneeId", technician);
		put(parameters, "categoryId", category);
		put(parameters, "channel", channel);
		put(parameters, "priority", priority);
		put(parameters, "department", department);
		return parameters;
	}

	private static void put(Map<String, String> parameters, String name, @Nullable Object value) {
		if (value != null) {
			parameters.put(name, value.toString());
		}
	}

	private static final class Parser {

		private final Map<String, String[]> parameters;

		private final List<TicketFilter.Error> errors = new ArrayList<>();

		private final Map<String, String> sent = new LinkedHashMap<>();

		Parser(Map<String, String[]> parameters) {
			this.parameters = parameters;
		}

		private @Nullable String single(String field) {
			String[] values = parameters.get(field);
			if (values == null) {
				return null;
			}
			List<String> given = Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
			if (given.isEmpty()) {
				return null;
			}
			sent.put(field, given.get(0));
			if (given.size() > 1) {
				errors.add(new TicketFilter.Error(field, "filter.repeated", String.join(", ", given), "one value"));
				return null;
			}
			return given.get(0).strip();
		}

		<E extends Enum<E>> @Nullable E choice(String field, Class<E> type) {
			String value = single(field);
			if (value == null) {
				return null;
			}
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equalsIgnoreCase(value)) {
					return constant;
				}
			}
			errors.add(new TicketFilter.Error(field, "filter.choice-unknown", value,
					String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
			return null;
		}

		/** A positive id that {@code exists} says names something. */
		@Nullable Long id(String field, LongPredicate exists, String unknown) {
			String value = single(field);
			if (value == null) {
				return null;
			}
			long id;
			try {
				id = Long.parseLong(value);
			}
			catch (NumberFormatException ex) {
				id = 0;
			}
			if (id <= 0) {
				errors.add(new TicketFilter.Error(field, "filter.id-invalid", value, "a positive number"));
				return null;
			}
			if (!exists.test(id)) {
				errors.add(new TicketFilter.Error(field, "kpis.filter." + field + "-unknown", value, unknown));
				return null;
			}
			return id;
		}

		@Nullable LocalDate date(String field) {
			String value = single(field);
			if (value == null) {
				return null;
			}
			try {
				return LocalDate.parse(value);
			}
			catch (DateTimeParseException ex) {
				errors.add(new TicketFilter.Error(field, "kpis.filter.date-invalid", value, "a date yyyy-MM-dd"));
				return null;
			}
		}

		@Nullable String text(String field, int maxLength) {
			String value = single(field);
			if (value != null && value.length() > maxLength) {
				errors.add(new TicketFilter.Error(field, "filter.text-too-long", value, maxLength));
				return null;
			}
			return value;
		}

		/** The period asked for; the default one, with the refusal recorded, when it does not fit. */
		DateRange period(@Nullable PeriodPreset preset, @Nullable LocalDate from, @Nullable LocalDate to,
				LocalDate today) {
			if (preset != null && (from != null || to != null)) {
				errors.add(new TicketFilter.Error("period", "kpis.filter.period-and-dates", preset.name(),
						"either period or from and to"));
				return DEFAULT_PRESET.range(today);
			}
			if (preset != null) {
				return preset.range(today);
			}
			if (from == null && to == null) {
				return DEFAULT_PRESET.range(today);
			}
			// one end alone: the other is today, or 30 days before the end given
			LocalDate start = from != null ? from : to.minusDays(DEFAULT_PRESET.range(today).days() - 1);
			LocalDate end = to != null ? to : today.isBefore(start) ? start : today;
			if (end.isBefore(start)) {
				errors.add(new TicketFilter.Error("to", "kpis.filter.to-before-from", end.toString(), start.toString()));
				return DEFAULT_PRESET.range(today);
			}
			DateRange range = new DateRange(start, end);
			if (range.days() > MAX_DAYS) {
				errors.add(new TicketFilter.Error("to", "kpis.filter.period-too-long", end.toString(), MAX_DAYS));
				return DEFAULT_PRESET.range(today);
			}
			return range;
		}

	}

}
