package org.guichet.tickets.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows instants in the desk's time zone, formatted for the reader's language. Templates call it
 * as {@code ${@dates.format(ticket.updatedAt)}}.
 */
@Component("dates")
public class DateFormats {

	private final ZoneId zone;

	private final Clock clock;

	private final DateTimeFormatter iso;

	/** The readable formatter of each language the desk speaks: a list page formats hundreds of instants. */
	private final Map<Locale, DateTimeFormatter> readable = new ConcurrentHashMap<>();

	DateFormats(@Value("${guichet.time-zone:Europe/Paris}") String zone, Clock clock) {
		this.zone = ZoneId.of(zone);
		this.clock = clock;
		this.iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(this.zone);
	}

	/** The instant for the reader, in their language ({@link LocaleContextHolder}); "" for null. */
	public String format(@Nullable Instant instant) {
		if (instant == null) {
			return "";
		}
		return readable.computeIfAbsent(LocaleContextHolder.getLocale(),
				locale -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(locale)
					.withZone(zone))
			.format(instant);
	}

	/** The machine-readable form for a {@code <time datetime>} attribute. */
	public String iso(@Nullable Instant instant) {
		return instant == null ? "" : iso.format(instant);
	}

	/**
	 * The wall-clock time from now to a deadline, for a countdown beside it (the SLA panel gives
	 * the business time left).
	 *
	 * @return {@code null} for a {@code null} deadline
	 */
	public @Nullable Countdown countdown(@Nullable Instant deadline) {
		if (deadline == null) {
			return null;
		}
		Duration left = Duration.between(clock.instant(), deadline);
		Duration shown = left.abs();
		return new Countdown(left.isNegative(), shown.toHours(), shown.toMinutesPart());
	}

	/** Hours and minutes to a deadline, or past it when {@code late}. */
	public record Countdown(boolean late, long hours, int minutes) {
	}

}
