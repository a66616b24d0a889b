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

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/**
 * Properties of the business-time arithmetic for starts in 2026-2030 and durations up to about
 * twenty business days, on the French office, on a calendar with odd ranges in Paris (seconds,
 * touching and midnight-crossing ranges, ranges in the daylight-saving hours, an opening on a
 * holiday), and on one in Santiago de Chile, whose clocks change at midnight.
 * <p>
 * Each property is checked on {@value #SAMPLES} samples drawn from a fixed seed, so that a
 * failure names the sample and replays identically.
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

	private static final int SAMPLES = 1000;

	private static final long SEED = 20261128L;

	private static final List<BusinessCalendar> CALENDARS = List.of(StandardCalendars.frenchOffice(), ODD_RANGES,
			SANTIAGO_EVENINGS);

	/** One draw of the inputs a property may need. */
	record Sample(BusinessCalendar calendar, Instant start, Instant otherStart, Duration duration,
			Duration positive, Duration otherPositive) {
	}

	private static void forAll(Consumer<Sample> property) {
		Random random = new Random(SEED);
		for (int i = 0; i < SAMPLES; i++) {
			Sample sample = new Sample(CALENDARS.get(random.nextInt(CALENDARS.size())), start(random), start(random),
					duration(random, 0), duration(random, 1), duration(random, 1));
			try {
				property.accept(sample);
			}
			catch (AssertionError failure) {
				throw new AssertionError("Sample " + i + " of seed " + SEED + ": " + sample, failure);
			}
		}
	}

	private static Instant start(Random random) {
		return Instant.ofEpochSecond(FIRST_START + (long) (random.nextDouble() * (LAST_START - FIRST_START)),
				fraction(random));
	}

	private static Duration duration(Random random, long minSeconds) {
		return Duration.ofSeconds(minSeconds + (long) (random.nextDouble() * TWENTY_BUSINESS_DAYS), fraction(random));
	}

	/** Mostly whole seconds, as range bounds are, and sometimes a fraction. */
	private static int fraction(Random random) {
		return random.nextInt(4) == 0 ? 1 + random.nextInt(999_999_999) : 0;
	}

	@Test
	void deadlineOfAPositiveDurationIsWorkingTimeOrARangeEnd() {
		forAll(s -> {
			Instant deadline = s.calendar().addBusinessTime(s.start(), s.positive());
			assertThat(s.calendar().isWorkingTime(deadline) || s.calendar().isWorkingTime(deadline.minusNanos(1)))
				.as("%s is working time or the end of a range", deadline)
				.isTrue();
		});
	}

	@Test
	void addingTwoDurationsInTurnIsAddingTheirSum() {
		forAll(s -> {
			BusinessCalendar calendar = s.calendar();
			Instant inTurn = calendar.addBusinessTime(calendar.addBusinessTime(s.start(), s.positive()),
					s.otherPositive());
			assertThat(inTurn).isEqualTo(calendar.addBusinessTime(s.start(), s.positive().plus(s.otherPositive())));
		});
	}

	@Test
	void businessTimeFromStartToDeadlineIsTheAddedDuration() {
		forAll(s -> {
			Instant deadline = s.calendar().addBusinessTime(s.start(), s.duration());
			assertThat(s.calendar().businessTimeBetween(s.start(), deadline)).isEqualTo(s.duration());
		});
	}

	@Test
	void businessTimeMatchesADayByDayCount() {
		forAll(s -> assertThat(s.calendar().businessTimeBetween(s.start(), s.otherStart()))
			.isEqualTo(DayByDay.businessTimeBetween(s.calendar(), s.start(), s.otherStart())));
	}

	@Test
	void nextOpeningIsTheFirstWorkingInstant() {
		forAll(s -> {
			BusinessCalendar calendar = s.calendar();
			Instant opening = calendar.nextOpening(s.start());
			assertThat(calendar.isWorkingTime(opening)).isTrue();
			assertThat(calendar.businessTimeBetween(s.start(), opening)).isZero();
			assertThat(opening.equals(s.start()) || !calendar.isWorkingTime(opening.minusNanos(1))).isTrue();
		});
	}

}
