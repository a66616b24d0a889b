package org.guichet.reporting.review;

import java.util.Locale;

import org.guichet.reporting.KpiUnit;
import org.guichet.reporting.presentation.KpiFormat;
import org.guichet.reporting.presentation.KpiNames;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * Writes the review's figures and KPI names for one reader, exactly as the dashboard writes them
 * ({@link KpiFormat}, {@link KpiNames}): durations as days, hours and minutes, ratios as
 * percentages with one decimal rounded half up, counts as whole numbers and ratings with one
 * decimal, in the reader's language; "–" for a value that does not exist (nothing was counted).
 */
final class ReviewFormat {

	static final String NONE = "–";

	private final Locale locale;

	private final MessageSource messages;

	private final KpiFormat format;

	private final KpiNames names;

	ReviewFormat(Locale locale, MessageSource messages, KpiFormat format, KpiNames names) {
		this.locale = locale;
		this.messages = messages;
		this.format = format;
		this.names = names;
	}

	Locale locale() {
		return locale;
	}

	/** A KPI's or detail's name standing alone ({@link KpiNames#name}). */
	String name(String kpi) {
		return names.name(kpi, locale);
	}

	/** A value in a KPI's unit (seconds for a duration, 0–1 for a ratio). */
	String value(@Nullable Double value, KpiUnit unit) {
		return value == null ? NONE : format.format(unit, value, locale);
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
			case DURATION -> format.duration(Math.round(size), locale);
			case RATIO -> format.decimal(size * 100, locale) + "\u00A0"
					+ messages.getMessage("review.points", null, locale);
			case COUNT -> format.count(Math.round(size), locale);
			case RATING -> format.decimal(size, locale);
		};
	}

	/** A length of time given in seconds, as {@link KpiFormat#duration}. */
	String duration(long seconds) {
		return format.duration(seconds, locale);
	}

	String count(long count) {
		return format.count(count, locale);
	}

}
