package org.guichet.calendars;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.guichet.calendars.internal.IntervalTables;

/**
 * When a support team works: weekly working ranges in a time zone, holidays and exceptional
 * openings; and the business-time arithmetic that SLA deadlines are computed with.
 * <p>
 * Working ranges are wall-clock times in the calendar's zone. Business time is the real time
 * elapsed inside them: each range bound is turned into an instant as
 * {@code ZonedDateTime.of(date, time, zone)} does, so on the day clocks go forward a range
 * 01:00-04:00 lasts two hours, and on the day they go back it lasts four. A bound that falls in
 * the skipped hour moves later by the length of the gap; one in the repeated hour takes its first
 * occurrence. Ranges touching at midnight on consecutive days form one continuous span.
 * <p>
 * A date's ranges are, in that order of precedence: its exceptional opening's ranges, none if a
 * holiday covers it, else its weekday's ranges. Overlapping or touching ranges on one day are
 * merged when the calendar is built: Monday 08:00-10:00 and 09:00-12:00 become 08:00-12:00.
 * <p>
 * A calendar is an immutable value, safe to share between threads; two calendars with the same
 * zone, ranges, holidays and openings are equal. It works on instants from year 1 to year 9999
 * and throws a {@link java.time.DateTimeException} outside.
 */
public final class BusinessCalendar {

	private static final int[] CLOSED = {};

	private final ZoneId zone;

	private final List<WorkingRange> ranges;

	private final Set<Holiday> holidays;

	private final List<ExceptionalOpening> exceptionalOpenings;

	private final Map<DayOfWeek, int[]> weeklySeconds;

	private final Map<LocalDate, int[]> openingSeconds;

	private final IntervalTables tables;

	private BusinessCalendar(Builder builder) {
		this.zone = builder.zone;
		this.weeklySeconds = new EnumMap<>(DayOfWeek.class);
		List<WorkingRange> merged = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			List<TimeRange> dayRanges = TimeRange.merge(builder.ranges.stream()
				.filter((range) -> range.day() == day)
				.map(WorkingRange::time)
				.toList());
			dayRanges.forEach((range) -> merged.add(WorkingRange.of(day, range)));
			this.weeklySeconds.put(day, seconds(dayRanges));
		}
		if (merged.isEmpty()) {
			throw new InvalidCalendarException("ranges", "calendar.invalid.no-working-time",
					"A calendar needs working time on at least one day of the week: no SLA deadline could ever be met on it");
		}
		this.ranges = List.copyOf(merged);
		this.holidays = Collections.unmodifiableSet(new LinkedHashSet<>(builder.holidays));
		this.openingSeconds = new HashMap<>();
		for (ExceptionalOpening opening : builder.exceptionalOpenings) {
			if (this.openingSeconds.put(opening.date(), seconds(opening.ranges())) != null) {
				throw new InvalidCalendarException("exceptionalOpenings", "calendar.invalid.duplicate-opening",
						"Only one exceptional opening per date: " + opening.date(), opening.date().toString());
			}
		}
		this.exceptionalOpenings = builder.exceptionalOpenings.stream()
			.sorted(Comparator.comparing(ExceptionalOpening::date))
			.toList();
		this.tables = new IntervalTables(this.zone, this::secondsOfDay);
	}

	public static Builder builder(ZoneId zone) {
		return new Builder(zone);
	}

	public ZoneId zone() {
		return this.zone;
	}

	/** The weekly ranges, merged, by day then start. */
	public List<WorkingRange> ranges() {
		return this.ranges;
	}

	/** The holidays, in the order they were added. */
	public Set<Holiday> holidays() {
		return this.holidays;
	}

	/** The exceptional openings, by date. */
	public List<ExceptionalOpening> exceptionalOpenings() {
		return this.exceptionalOpenings;
	}

	/** The wall-clock working ranges of a date, after holidays and exceptional openings; empty when closed. */
	public List<TimeRange> workingRangesOn(LocalDate date) {
		int[] seconds = secondsOfDay(date);
		List<TimeRange> result = new ArrayList<>(seconds.length / 2);
		for (int i = 0; i < seconds.length; i += 2) {
			result.add(new TimeRange(LocalTime.ofSecondOfDay(seconds[i]),
					LocalTime.ofSecondOfDay(seconds[i + 1] % TimeRange.SECONDS_PER_DAY)));
		}
		return List.copyOf(result);
	}

	/**
	 * The instant at which {@code businessDuration} of working time has elapsed from {@code start}.
	 * Counting starts at the next opening when {@code start} is outside working time. A deadline
	 * that uses up a range exactly is that range's end, not the next opening. A zero duration
	 * returns {@code start} unchanged, even outside working time.
	 * @throws IllegalArgumentException if the duration is negative
	 */
	public Instant addBusinessTime(Instant start, Duration businessDuration) {
		return this.tables.add(start, businessDuration);
	}

	/**
	 * The working time inside [{@code from}, {@code to}). Signed: when {@code to} is before
	 * {@code from} it is minus the working time inside [{@code to}, {@code from}), so that the
	 * business time left until an SLA deadline turns negative once the deadline is passed.
	 */
	public Duration businessTimeBetween(Instant from, Instant to) {
		return this.tables.between(from, to);
	}

	/** Whether the instant is within a working range, start included, end excluded. */
	public boolean isWorkingTime(Instant instant) {
		return this.tables.isWorking(instant);
	}

	/** The first instant at or after {@code instant} that is working time: {@code instant} itself when it is. */
	public Instant nextOpening(Instant instant) {
		return this.tables.nextOpening(instant);
	}

	private int[] secondsOfDay(LocalDate date) {
		int[] opening = this.openingSeconds.get(date);
		if (opening != null) {
			return opening;
		}
		for (Holiday holiday : this.holidays) {
			if (holiday.covers(date)) {
				return CLOSED;
			}
		}
		return this.weeklySeconds.get(date.getDayOfWeek());
	}

	private static int[] seconds(List<TimeRange> ranges) {
		int[] seconds = new int[ranges.size() * 2];
		for (int i = 0; i < ranges.size(); i++) {
			seconds[2 * i] = ranges.get(i).startSecond();
			seconds[2 * i + 1] = ranges.get(i).endSecond();
		}
		return seconds;
	}

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof BusinessCalendar that && this.zone.equals(that.zone)
				&& this.ranges.equals(that.ranges) && this.holidays.equals(that.holidays)
				&& this.exceptionalOpenings.equals(that.exceptionalOpenings));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.zone, this.ranges, this.holidays, this.exceptionalOpenings);
	}

	@Override
	public String toString() {
		return "BusinessCalendar[zone=" + this.zone + ", ranges=" + this.ranges + ", holidays=" + this.holidays
				+ ", exceptionalOpenings=" + this.exceptionalOpenings + "]";
	}

	/** Collects the parts of a calendar; {@link #build()} validates them. */
	public static final class Builder {

		private final ZoneId zone;

		private final List<WorkingRange> ranges = new ArrayList<>();

		private final Set<Holiday> holidays = new LinkedHashSet<>();

		private final List<ExceptionalOpening> exceptionalOpenings = new ArrayList<>();

		private Builder(ZoneId zone) {
			this.zone = Objects.requireNonNull(zone, "zone");
		}

		public Builder range(WorkingRange range) {
			this.ranges.add(Objects.requireNonNull(range, "range"));
			return this;
		}

		public Builder ranges(Collection<WorkingRange> ranges) {
			ranges.forEach(this::range);
			return this;
		}

		/** Opens the given days from {@code from} to {@code to}, written {@code HH:mm}; {@code 24:00} is midnight. */
		public Builder open(String from, String to, DayOfWeek... days) {
			TimeRange time = TimeRange.of(from, to);
			for (DayOfWeek day : days) {
				range(WorkingRange.of(day, time));
			}
			return this;
		}

		public Builder holiday(Holiday holiday) {
			this.holidays.add(Objects.requireNonNull(holiday, "holiday"));
			return this;
		}

		public Builder holidays(Collection<? extends Holiday> holidays) {
			holidays.forEach(this::holiday);
			return this;
		}

		public Builder exceptionalOpening(ExceptionalOpening opening) {
			this.exceptionalOpenings.add(Objects.requireNonNull(opening, "opening"));
			return this;
		}

		/**
		 * @throws InvalidCalendarException when no day of the week has working time, or a date has
		 * two exceptional openings
		 */
		public BusinessCalendar build() {
			return new BusinessCalendar(this);
		}

	}

}
