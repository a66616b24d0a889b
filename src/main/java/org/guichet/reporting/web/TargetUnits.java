package org.guichet.reporting.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.reporting.KpiUnit;
import org.jspecify.annotations.Nullable;

/**
 * A target as people type it on the targets page and as the engine keeps it: a ratio typed as a
 * percentage from 0 to 100 (95 for 0.95), a duration as hours and minutes ({@code 1:30},
 * {@code 1 h 30}, {@code 45 min}, or decimal hours {@code 1.5}: 5,400 seconds), a rating from 1
 * to 5 and a count (a whole number, 0 or more) as they are. A decimal comma is read as a point.
 */
final class TargetUnits {

	/** The largest duration or count accepted: 100,000 hours or tickets, far beyond any target. */
	private static final double MAX_TYPED = 100_000;

	private static final Pattern HOURS_MINUTES = Pattern
		.compile("(\\d{1,6})\\s*(?::|h)\\s*(?:(\\d{1,2})\\s*(?:min)?)?", Pattern.CASE_INSENSITIVE);

	private static final Pattern MINUTES = Pattern.compile("(\\d{1,7})\\s*min", Pattern.CASE_INSENSITIVE);

	private TargetUnits() {
	}

	/**
	 * The stored value written in the form's unit: a percentage or a rating without useless
	 * decimals, a duration as {@code H:MM} (to the minute), a count as a whole number.
	 */
	static String shown(KpiUnit unit, double stored) {
		if (unit == KpiUnit.DURATION) {
			long minutes = Math.round(stored / 60);
			return minutes / 60 + ":" + String.format("%02d", minutes % 60);
		}
		double typed = unit == KpiUnit.RATIO ? stored * 100 : stored;
		return BigDecimal.valueOf(typed).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	/**
	 * The value typed in the form's unit, in the KPI's unit (seconds, 0–1, 1–5, tickets).
	 *
	 * @return null when it is no value of the form's unit or is outside its range (a percentage
	 * 0–100, a rating 1–5, a duration or count 0–100,000 hours or tickets, a count whole)
	 */
	static @Nullable Double stored(KpiUnit unit, String typed) {
		String text = typed.strip();
		if (unit == KpiUnit.DURATION) {
			Double seconds = duration(text);
			return seconds == null || seconds > MAX_TYPED * 3600 ? null : seconds;
		}
		Double value = number(text);
		if (value == null) {
			return null;
		}
		return switch (unit) {
			case RATIO -> value >= 0 && value <= 100 ? value / 100 : null;
			case RATING -> value >= 1 && value <= 5 ? value : null;
			case COUNT -> value >= 0 && value <= MAX_TYPED && value == Math.rint(value) ? value : null;
			case DURATION -> throw new IllegalStateException("read above");
		};
	}

	private static @Nullable Double duration(String text) {
		Matcher hoursMinutes = HOURS_MINUTES.matcher(text);
		if (hoursMinutes.matches()) {
			long minutes = hoursMinutes.group(2) == null ? 0 : Long.parseLong(hoursMinutes.group(2));
			return minutes > 59 ? null : (Long.parseLong(hoursMinutes.group(1)) * 60 + minutes) * 60.0;
		}
		Matcher minutes = MINUTES.matcher(text);
		if (minutes.matches()) {
			return Long.parseLong(minutes.group(1)) * 60.0;
		}
		Double hours = number(text);
		return hours == null || hours < 0 ? null : (double) Math.round(hours * 3600);
	}

	private static @Nullable Double number(String text) {
		if (!text.matches("\\d+(?:[.,]\\d+)?")) {
			return null;
		}
		return Double.parseDouble(text.replace(',', '.'));
	}

}
