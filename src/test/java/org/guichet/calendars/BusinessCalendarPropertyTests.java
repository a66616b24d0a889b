package org.guichet.calendars;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Properties of the business-time arithmetic for starts in 2026-2030 and durations up to about
 * twenty business days, on the French office, on a calendar with odd ranges in Paris (seconds,
 * touching and midnight-crossing ranges, ranges in the daylight-saving hours, an opening on a
 * holiday), and on one in Santiago de Chile, whose clocks change at midnight.
 */
class BusinessCalendarPropertyTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final BusinessCalendar ODD_RANGES = BusinessCalendar.builder(PARIS)
		.open("07:15:30", "11:02:17", MONDAY)
		.open("11:02:17", "11:30", MONDAY)
		.open("22:00", "24:00", MONDAY)
		.open("00:00", "03:30", TUESDAY)
		.open("13:00", "13:00:01", WEDNESDAY)
		.open("09:00", "17:00", THURSDAY)
		.open("01:00", "02:30", SUNDAY)
		.open("02:40", "02:50", SUNDAY)
		.open("03:10", "05:00", SUNDAY)
		.holiday(Holiday.yearly(MonthDay.of(12, 31)))
		.holiday(Holiday.between(LocalDate.parse("2028-02-25"), LocalDate.parse("2028-03-05")))
		.holiday(Holiday.on(LocalDate.parse("2029-06-14")))
		.holiday(Holiday.daysAfterEaster(0))
		.exceptionalOpening(ExceptionalOpening.of(LocalDate.parse("2027-10-31"), TimeRange.of("01:30", "02:30")))
		.exceptionalOpening(ExceptionalOpening.of(LocalDate.parse("2028-03-04"), TimeRange.of("10:00", "11:00")))
		.build();

	private static final BusinessCalendar SANTIAGO_EVENINGS = BusinessCalendar.builder(ZoneId.of("America/Santiago"))
		.open("00:00", "02:00", DayOfWeek.values())
		.open("20:00", "24:00", SATURDAY, SUNDAY)
		.build();

	private static final long FIRST_START = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, PARIS).toEpochSecond();

	private static final long LAST_START = ZonedDateTime.of(2031, 1, 1, 0, 0, 0, 0, PARIS).toEpochSecond() - 1;

	private static final long TWENTY_BUSINESS_DAYS = Duration.ofHours(160).toSeconds();

	@Provide
	Arbitrary<BusinessCalendar> calendars() {
		return Arbitraries.of(StandardCalendars.frenchOffice(), ODD_RANGES, SANTIAGO_EVENINGS);
	}

	@Provide
	Arbitrary<Instant> starts() {
		Arbitrary<Long> seconds = Arbitraries.longs().between(FIRST_START, LAST_START);
		return Combinators.combine(seconds, fractions()).as(Instant::ofEpochSecond);
	}

	@Provide
	Arbitrary<Duration> durations() {
		Arbitrary<Long> seconds = Arbitraries.longs().between(0, TWENTY_BUSINESS_DAYS);
		return Combinators.combine(seconds, fractions()).as(Duration::ofSeconds);
	}

	@Provide
	Arbitrary<Duration> positiveDurations() {
		return durations().filter((duration) -> !duration.isZero());
	}

	/** Mostly whole seconds, as range bounds are, and sometimes a fraction. */
	private static Arbitrary<Integer> fractions() {
		return Arbitraries.frequencyOf(
				Tuple.of(3, Arbitraries.just(0)),
				Tuple.of(1, Arbitraries.integers().between(1, 999_999_999)));
	}

	@Property
	void deadlineOfAPositiveDurationIsWorkingTimeOrARangeEnd(@ForAll("calendars") BusinessCalendar calendar,
			@ForAll("starts") Instant start, @ForAll("positiveDurations") Duration duration) {
		Instant deadline = calendar.addBusinessTime(start, duration);
		assertThat(calendar.isWorkingTime(deadline) || calendar.isWorkingTime(deadline.minusNanos(1)))
			.as("%s is working time or the end of a range", deadline)
			.isTrue();
	}

	@Property
	void addingTwoDurationsInTurnIsAddingTheirSum(@ForAll("calendars") BusinessCalendar calendar,
			@ForAll("starts") Instant start, @ForAll("positiveDurations") Duration first,
			@ForAll("positiveDurations") Duration second) {
		Instant inTurn = calendar.addBusinessTime(calendar.addBusinessTime(start, first), second);
		assertThat(inTurn).isEqualTo(calendar.addBusinessTime(start, first.plus(second)));
	}

	@Property
	void businessTimeFromStartToDeadlineIsTheAddedDuration(@ForAll("calendars") BusinessCalendar calendar,
			@ForAll("starts") Instant start, @ForAll("durations") Duration duration) {
		Instant deadline = calendar.addBusinessTime(start, duration);
		assertThat(calendar.businessTimeBetween(start, deadline)).isEqualTo(duration);
	}

	@Property
	void businessTimeMatchesADayByDayCount(@ForAll("calendars") BusinessCalendar calendar,
			@ForAll("starts") Instant from, @ForAll("starts") Instant to) {
		Duration expected = DayByDay.businessTimeBetween(calendar, from, to);
		assertThat(calendar.businessTimeBetween(from, to)).isEqualTo(expected);
	}

	@Property
	void nextOpeningIsTheFirstWorkingInstant(@ForAll("calendars") BusinessCalendar calendar,
			@ForAll("starts") Instant instant) {
		Instant opening = calendar.nextOpening(instant);
		assertThat(calendar.isWorkingTime(opening)).isTrue();
		assertThat(calendar.businessTimeBetween(instant, opening)).isZero();
		assertThat(opening.equals(instant) || !calendar.isWorkingTime(opening.minusNanos(1))).isTrue();
	}

}
