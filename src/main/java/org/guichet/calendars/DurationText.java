package org.guichet.calendars;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.system.InvalidInputException;

/**
 * Business durations as people type them in forms: {@code 4h}, {@code 2h30}, {@code 45m} or
 * {@code 45 min}, or ISO-8601 time-based ({@code PT37H30M}). Days are not accepted: a business
 * day has no fixed length, so {@code 2d} would mean something else on each calendar.
 */
public final class DurationText {

	private static final Pattern HOURS_MINUTES = Pattern
		.compile("(?:(\\d{1,5})\\s*h)?\\s*(?:(\\d{1,6})\\s*(?:min|mn|m)?)?");

	private DurationText() {
	}

	/**
	 * The duration written in {@code text}, zero or more.
	 * @param field the field it was typed in, named in the refusal
	 * @throws InvalidInputException when it is not a duration in hours and minutes
	 */
	public static Duration parse(String field, String text) {
		String written = text.strip().toLowerCase(Locale.ROOT);
		if (written.startsWith("pt")) {
			try {
				Duration duration = Duration.parse(written);
				if (!duration.isNegative()) {
					return duration;
				}
			}
			catch (DateTimeParseException ex) {
				// refused below, with what to write instead
			}
		}
		else {
			Matcher matcher = HOURS_MINUTES.matcher(written);
			if (matcher.matches() && (matcher.group(1) != null || written.matches(".*\\d\\s*(min|mn|m)"))) {
				long hours = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
				long minutes = matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(2));
				return Duration.ofHours(hours).plusMinutes(minutes);
			}
		}
		throw new InvalidInputException(field, "duration.invalid",
				"Write a duration in business hours and minutes, e.g. 4h, 2h30, 45m or PT4H: " + text, text);
	}

	/** The duration as {@link #parse} reads it back: {@code 4h}, {@code 2h30}, {@code 45m}; seconds are dropped. */
	public static String format(Duration duration) {
		long hours = duration.toHours();
		int minutes = duration.toMinutesPart();
		if (hours == 0) {
			return minutes + "m";
		}
		return minutes == 0 ? hours + "h" : hours + "h" + (minutes < 10 ? "0" : "") + minutes;
	}

}
