package org.guichet.reporting.presentation;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

import org.guichet.reporting.KpiUnit;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a KPI's value for people, in their language, the one way the dashboard, the targets page
 * and the service review all show it: a duration in days, hours and minutes ({@code 2 h 05 min},
 * {@code 3 d 4 h}), a ratio as a percentage with one decimal at most, rounded half up
 * ({@code 0.0625} is {@code 6.3%}), a count as a whole number, a rating out of 5 with one decimal.
 */
@Component
public class KpiFormat {

	private static final long MINUTE = 60;

	private static final long HOUR = 60 * MINUTE;

	private static final long DAY = 24 * HOUR;

	private final MessageSource messages;

	public KpiFormat(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * @param value in the unit's base (seconds, 0–1, tickets, 1–5); never null
	 * @return the value written for the reader of {@code locale}
	 */
	public String format(KpiUnit unit, double value, Locale locale) {
		return switch (unit) {
			case DURATION -> duration(Math.round(value), locale);
			case RATIO -> percent(value, locale);
			case COUNT -> count(Math.round(value), locale);
			case RATING -> messages.getMessage("reports.rating", new Object[] { decimal(value, locale) }, locale);
		};
	}

	/**
	 * A number of seconds as days, hours and minutes: the two largest parts that are not zero,
	 * truncated to the minute; under a minute, {@code < 1 min}.
	 */
	public String duration(long seconds, Locale locale) {
		if (seconds < MINUTE) {
			return messages.getMessage("reports.duration.under-minute", null, locale);
		}
		long days = seconds / DAY;
		long hours = seconds % DAY / HOUR;
		long minutes = seconds % HOUR / MINUTE;
		if (days > 0) {
			return hours == 0 ? messages.getMessage("reports.duration.d", new Object[] { count(days, locale) }, locale)
					: messages.getMessage("reports.duration.dh", new Object[] { count(days, locale), hours }, locale);
		}
		if (hours > 0) {
			return minutes == 0 ? messages.getMessage("reports.duration.h", new Object[] { hours }, locale)
					: messages.getMessage("reports.duration.hm", new Object[] { hours, String.format("%02d", minutes) },
							locale);
		}
		return messages.getMessage("reports.duration.m", new Object[] { minutes }, locale);
	}

	/** A whole number with the reader's grouping ({@code 1,234}, {@code 1 234}). */
	public String count(long count, Locale locale) {
		return NumberFormat.getIntegerInstance(locale).format(count);
	}

	/** A ratio 0–1 as a percentage, one decimal at most, rounded half up. */
	public String percent(double ratio, Locale locale) {
		NumberFormat format = NumberFormat.getPercentInstance(locale);
		format.setMaximumFractionDigits(1);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(ratio);
	}

	/** A number with exactly one decimal, rounded half up ({@code 4.25} is {@code 4.3}, {@code 4,3}). */
	public String decimal(double value, Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(1);
		format.setMaximumFractionDigits(1);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}

	/**
	 * The number a chart plots for a value: hours (two decimals) for a duration, a percentage for a
	 * ratio, the value itself otherwise.
	 */
	public static double plotted(KpiUnit unit, double value) {
		return switch (unit) {
			case DURATION -> Math.round(value / 36.0) / 100.0;
			case RATIO -> Math.round(value * 1000) / 10.0;
			default -> value;
		};
	}

}
