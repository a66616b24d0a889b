package org.guichet.reporting.review;

import java.text.NumberFormat;
import java.util.Locale;

import org.guichet.reporting.KpiUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * Writes the review's figures for a reader: durations as days, hours and minutes
 * ({@code 2 d 4 h}, {@code 3 h 20 min}, {@code 12 min}), ratios as percentages with one decimal,
 * counts as whole numbers and ratings with one decimal, in the reader's language; "–" for a
 * value that does not exist (nothing was counted).
 */
final class ReviewFormat {

	static final String NONE = "–";

	private final Locale locale;

	private final MessageSource messages;

	ReviewFormat(Locale locale, MessageSource messages) {
		this.locale = locale;
		this.messages = messages;
	}

	Locale locale() {
		return locale;
	}

	/** A value in a KPI's unit (seconds for a duration, 0–1 for a ratio). */
	String value(@Nullable Double value, KpiUnit unit) {
		if (value == null) {
			return NONE;
		}
		return switch (unit) {
			case DURATION -> duration(Math.round(value));
			case RATIO -> percent(value);
			case COUNT -> count(Math.round(value));
			case RATING -> decimal(value) + "\u00A0/\u00A05";
		};
	}

	/** The difference from the previous value, signed, in the unit (percentage points for a ratio). */
	String change(@Nullable Double value, @Nullable Double previous, KpiUnit unit) {
		if (value == null || previous == null) {
			return NONE;
		}
		double difference = value - previous;
		String sign = difference > 0 ? "+" : difference < 0 ? "−" : "±";
		double size = Math.abs(difference);
		return sign + switch (unit) {
			case DURATION -> duration(Math.round(size));
			case RATIO -> decimal(size * 100) + "\u00A0" + messages.getMessage("review.points", null, locale);
			case COUNT -> count(Math.round(size));
			case RATING -> decimal(size);
		};
	}

	/** A length of time given in seconds, to the minute (under a day) or to the hour. */
	String duration(long seconds) {
		long minutes = seconds / 60;
		long days = minutes / (24 * 60);
		long hours = minutes / 60 % 24;
		String d = messages.getMessage("review.unit.days", null, locale);
		String h = messages.getMessage("review.unit.hours", null, locale);
		String min = messages.getMessage("review.unit.minutes", null, locale);
		if (days > 0) {
			return count(days) + "\u00A0" + d + (hours > 0 ? " " + hours + "\u00A0" + h : "");
		}
		if (hours > 0) {
			return hours + "\u00A0" + h + (minutes % 60 > 0 ? " " + minutes % 60 + "\u00A0" + min : "");
		}
		return minutes + "\u00A0" + min;
	}

	String count(long count) {
		return NumberFormat.getIntegerInstance(locale).format(count);
	}

	String percent(double ratio) {
		return decimal(ratio * 100) + (locale.getLanguage().equals("fr") ? "\u00A0%" : "%");
	}

	private String decimal(double value) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(1);
		format.setMaximumFractionDigits(1);
		return format.format(value);
	}

}
