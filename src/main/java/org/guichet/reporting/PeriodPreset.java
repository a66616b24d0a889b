package org.guichet.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The named periods a KPI filter offers instead of {@code from}/{@code to}, relative to today. */
public enum PeriodPreset {

	/** Monday of this week to today. */
	THIS_WEEK,
	/** Last week, Monday to Sunday. */
	LAST_WEEK,
	/** The first of this month to today. */
	THIS_MONTH,
	/** Last month, first to last day. */
	LAST_MONTH,
	/** The 30 days ending today. */
	LAST_30_DAYS,
	/** The 90 days ending today. */
	LAST_90_DAYS,
	/** The day after the same day twelve months ago, to today. */
	LAST_12_MONTHS,
	/** The first of January to today. */
	THIS_YEAR;

	/** The period this preset names when today is {@code today} (a local date in {@code guichet.time-zone}). */
	public DateRange range(LocalDate today) {
		return switch (this) {
			case THIS_WEEK -> new DateRange(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today);
			case LAST_WEEK -> {
				LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
				yield new DateRange(monday, monday.plusDays(6));
			}
			case THIS_MONTH -> new DateRange(today.withDayOfMonth(1), today);
			case LAST_MONTH -> {
				LocalDate first = today.withDayOfMonth(1).minusMonths(1);
				yield new DateRange(first, first.with(TemporalAdjusters.lastDayOfMonth()));
			}
			case LAST_30_DAYS -> new DateRange(today.minusDays(29), today);
			case LAST_90_DAYS -> new DateRange(today.minusDays(89), today);
			case LAST_12_MONTHS -> new DateRange(today.minusMonths(12).plusDays(1), today);
			case THIS_YEAR -> new DateRange(today.withDayOfYear(1), today);
		};
	}

	/**
	 * The period a period of this preset is compared with (docs/KPIS.md "Previous period"): for a
	 * calendar preset, the previous calendar unit over the same extent so far — the week before
	 * (the same weekdays), the month before (the same days of the month, the last one clamped to
	 * that month's length; a whole month for {@link #LAST_MONTH}), the same dates a year before;
	 * for a rolling preset, the same number of days just before ({@link DateRange#previous()}).
	 *
	 * @param range the period this preset gave
	 */
	public DateRange previous(DateRange range) {
		return switch (this) {
			case THIS_WEEK, LAST_WEEK -> new DateRange(range.from().minusWeeks(1), range.to().minusWeeks(1));
			case THIS_MONTH -> new DateRange(range.from().minusMonths(1), range.to().minusMonths(1));
			case LAST_MONTH -> {
				LocalDate first = range.from().minusMonths(1);
				yield new DateRange(first, first.with(TemporalAdjusters.lastDayOfMonth()));
			}
			case THIS_YEAR -> new DateRange(range.from().minusYears(1), range.to().minusYears(1));
			case LAST_30_DAYS, LAST_90_DAYS, LAST_12_MONTHS -> range.previous();
		};
	}

}
