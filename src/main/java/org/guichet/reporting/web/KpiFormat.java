package org.guichet.reporting.web;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

import org.guichet.reporting.KpiUnit;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a KPI's value for people, in their language: a duration in days, hours and minutes
 * ({@code 2 h 05 min}, {@code 3 d 4 h}), a ratio as a percentage with one decimal at most, a
 * count as a whole number, a rating out of 5 with one decimal.
 */
@Component
class KpiFormat {

	private static final long MINUTE = 60;

	private static final long HOUR = 60 * MINUTE;

	private static final long DAY = 24 * HOUR;

	private final MessageSource messages;

	KpiFormat(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * @param value in the unit's base (seconds, 0–1, tickets, 1–5); never null
	 */
	String format(KpiUnit unit, double value, Locale locale) {
		return switch (unit) {
			case DURATION -> duration(Math.round(value), locale);
			case RATIO -> percent(value, locale);
			case COUNT -> NumberFormat.getIntegerInstance(locale).format(Math.round(value));
			case RATING -> rating(value, locale);
		};
	}

	/** A number of seconds as days, hours and minutes: the two largest parts that are not zero. */
	String duration(long seconds, Locale locale) {
		if (seconds < MINUTE) {
			return messages.getMessage("reports.duration.under-minute", null, locale);
		}
		long days = seconds / DAY;
		long hours = seconds % DAY / HOUR;
		long minutes = seconds % HOUR / MINUTE;
		if (days > 0) {
			return hours == 0 ? messages.getMessage("reports.duration.d", new Object[] { days }, locale)
					: messages.getMessage("reports.duration.dh", new Object[] { days, hours }, locale);
		}
		if (hours > 0) {
			return minutes == 0 ? messages.getMessage("reports.duration.h", new Object[] { hours }, locale)
					: messages.getMessage("reports.duration.hm", new Object[] { hours, String.format("%02d", minutes) },
							locale);
		}
		return messages.getMessage("reports.duration.m", new Object[] { minutes }, locale);
	}

	private static String percent(double ratio, Locale locale) {
		NumberFormat format = NumberFormat.getPercentInstance(locale);
		format.setMaximumFractionDigits(1);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(ratio);
	}

	private String rating(double rating, Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(1);
		format.setMaximumFractionDigits(1);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return messages.getMessage("reports.rating", new Object[] { format.format(rating) }, locale);
	}

	/**
	 * The number a chart plots for a value: hours (two decimals) for a duration, a percentage for a
	 * ratio, the value itself otherwise.
	 */
	static double plotted(KpiUnit unit, double value) {
		return switch (unit) {
			case DURATION -> Math.round(value / 36.0) / 100.0;
			case RATIO -> Math.round(value * 1000) / 10.0;
			default -> value;
		};
	}

}
