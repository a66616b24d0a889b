package org.guichet.calendars.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of the calendar API, which the administration pages also build calendars from.
 * Times of day are {@code HH:mm} or {@code HH:mm:ss}, {@code 24:00} as an end.
 */
public final class CalendarJson {

	private CalendarJson() {
	}

	/**
	 * A calendar as sent: every list, empty for none.
	 *
	 * @param timeZone a region name such as {@code Europe/Paris}; null or absent: the desk's zone
	 * @param version needed to change one (absent when If-Match names it), ignored when creating one
	 */
	public record CalendarBody(@NotBlank @Size(max = 120) String name, @Nullable String timeZone,
			@NotNull List<@Valid @NotNull DayRange> ranges, @NotNull List<@Valid @NotNull HolidayJson> holidays,
			@NotNull List<@Valid @NotNull Opening> exceptionalOpenings, @Nullable Long version) {
	}

	/** A stored calendar, as normalised: ranges merged and sorted, duplicate holidays dropped. */
	public record CalendarView(long id, String name, String timeZone, List<DayRange> ranges, List<HolidayJson> holidays,
			List<Opening> exceptionalOpenings, long version) {

	}

	public record DayRange(@NotNull DayOfWeek day, @NotBlank String from, @NotBlank String to) {

	}

	public record Range(@NotBlank String from, @NotBlank String to) {

	}

	/** One of: {@code date}; {@code from} and {@code to} (both included); {@code monthDay} ({@code MM-dd}); {@code daysAfterEaster}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record HolidayJson(@Nullable LocalDate date, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable String monthDay, @Nullable Integer daysAfterEaster, @Nullable @Size(max = 120) String label) {

	}

	public record Opening(@NotNull LocalDate date, @Nullable List<@Valid @NotNull Range> ranges) {

	}

	/** {@code start} is read in the calendar's zone; {@code duration} is an ISO-8601 time-based duration. */
	record DeadlineRequest(@NotNull LocalDateTime start, @NotBlank String duration) {

	}

	/** {@code start} as it was read in the calendar's zone, and the deadline, both with their offset. */
	record DeadlineResult(OffsetDateTime start, OffsetDateTime deadline) {

	}

	record BusinessTimeRequest(@NotNull LocalDateTime from, @NotNull LocalDateTime to) {

	}

	/** Negative when {@code to} is before {@code from}. */
	record BusinessTimeResult(String duration, long seconds) {

	}

}
