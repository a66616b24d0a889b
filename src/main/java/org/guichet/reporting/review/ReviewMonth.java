package org.guichet.reporting.review;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

import org.guichet.reporting.DateRange;
import org.jspecify.annotations.Nullable;

/**
 * The month a service review is about: a calendar month of {@code guichet.time-zone}, this month
 * (counted up to today) or an earlier one.
 *
 * @param month the month
 * @param today the local date the review is written on, in {@code guichet.time-zone}
 */
record ReviewMonth(YearMonth month, LocalDate today) {

	private static final Pattern FORMAT = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	/**
	 * Reads a {@code month} parameter.
	 *
	 * @param value {@code YYYY-MM}, e.g. {@code 2026-11}
	 * @param today the local date in {@code guichet.time-zone}
	 * @throws InvalidReviewMonthException when the value is missing, is not {@code YYYY-MM} with a
	 * month from 01 to 12, or names a month after today's
	 */
	static ReviewMonth parse(@Nullable String value, LocalDate today) {
		if (value == null || value.isBlank()) {
			throw new InvalidReviewMonthException("missing", "", "Give the month of the review as YYYY-MM");
		}
		String trimmed = value.strip();
		if (!FORMAT.matcher(trimmed).matches()) {
			throw new InvalidReviewMonthException("format", trimmed,
					"\"" + trimmed + "\" is not a month: give it as YYYY-MM, e.g. 2026-11");
		}
		YearMonth month = YearMonth.parse(trimmed);
		if (month.isAfter(YearMonth.from(today))) {
			throw new InvalidReviewMonthException("future", trimmed,
					"The month " + trimmed + " has not begun: choose this month or an earlier one");
		}
		return new ReviewMonth(month, today);
	}

	/** The month's days, up to today for the current month. */
	DateRange days() {
		LocalDate last = month.atEndOfMonth();
		return new DateRange(month.atDay(1), last.isAfter(today) ? today : last);
	}

	/** The whole month before, compared with. */
	DateRange previousMonth() {
		YearMonth previous = month.minusMonths(1);
		return new DateRange(previous.atDay(1), previous.atEndOfMonth());
	}

	/** Whether the month is still running: its figures stop at today. */
	boolean isCurrent() {
		return YearMonth.from(today).equals(month);
	}

	@Override
	public String toString() {
		return month.toString();
	}

}
