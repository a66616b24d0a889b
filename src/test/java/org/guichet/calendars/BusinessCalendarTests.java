package org.guichet.calendars;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked cases. Unless stated, the calendar is the French office: Europe/Paris, Monday to
 * Friday 08:30-12:00 and 13:30-17:30 (7.5 hours a day), French public holidays. In 2027,
 * January 4 is a Monday, Easter is March 28 (also the day clocks go forward) and clocks go back
 * on October 31.
 */
class BusinessCalendarTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final BusinessCalendar office = StandardCalendars.frenchOffice();

	/** The instant of a Paris wall-clock time; in the repeated hour of October, its first occurrence. */
	private static Instant paris(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
	}

	private static Duration hours(double hours) {
		return Duration.ofMinutes(Math.round(hours * 60));
	}

	private static BusinessCalendar.Builder officeHours() {
		return BusinessCalendar.builder(PARIS)
			.open("08:30", "12:00", DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
					DayOfWeek.FRIDAY)
			.open("13:30", "17:30", DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
					DayOfWeek.FRIDAY);
	}

	@Nested
	class Deadlines {

		@Test
		void deadlineWithinOneRangeIsStartPlusDuration() {
			assertThat(office.addBusinessTime(paris("2027-01-05T09:00"), hours(2))).isEqualTo(paris("2027-01-05T11:00"));
		}

		@Test
		void deadlineCrossingLunchBreakResumesAtAfternoonOpening() {
			// 3h until 12:00, the fourth hour from 13:30
			assertThat(office.addBusinessTime(paris("2027-01-05T09:00"), hours(4))).isEqualTo(paris("2027-01-05T14:30"));
		}

		@Test
		void deadlineStartingFridayAfternoonSkipsWeekend() {
			// 1.5h on Friday until 17:30, 2.5h on Monday from 08:30
			assertThat(office.addBusinessTime(paris("2027-01-08T16:00"), hours(4))).isEqualTo(paris("2027-01-11T11:00"));
		}

		@Test
		void deadlineLandingExactlyAtRangeEndStaysThere() {
			assertThat(office.addBusinessTime(paris("2027-01-05T09:00"), hours(3))).isEqualTo(paris("2027-01-05T12:00"));
		}

		@Test
		void fullDayFromOpeningEndsAtClosingTheSameDay() {
			assertThat(office.addBusinessTime(paris("2027-01-05T08:30"), hours(7.5))).isEqualTo(paris("2027-01-05T17:30"));
		}

		@Test
		void startBeforeOpeningCountsFromOpening() {
			assertThat(office.addBusinessTime(paris("2027-01-05T07:00"), hours(1))).isEqualTo(paris("2027-01-05T09:30"));
		}

		@Test
		void startDuringLunchCountsFromAfternoonOpening() {
			assertThat(office.addBusinessTime(paris("2027-01-05T12:30"), hours(1))).isEqualTo(paris("2027-01-05T14:30"));
		}

		@Test
		void startInTheEveningCountsFromNextMorning() {
			assertThat(office.addBusinessTime(paris("2027-01-05T19:00"), hours(1))).isEqualTo(paris("2027-01-06T09:30"));
		}

		@Test
		void startOnSaturdayCountsFromMondayOpening() {
			assertThat(office.addBusinessTime(paris("2027-01-09T10:00"), hours(1))).isEqualTo(paris("2027-01-11T09:30"));
		}

		@Test
		void startOnHolidayCountsFromNextWorkingDay() {
			// Thursday 2027-11-11, Armistice
			assertThat(office.addBusinessTime(paris("2027-11-11T10:00"), hours(1))).isEqualTo(paris("2027-11-12T09:30"));
		}

		@Test
		void startExactlyAtRangeStartCountsImmediately() {
			assertThat(office.addBusinessTime(paris("2027-01-05T08:30"), hours(1))).isEqualTo(paris("2027-01-05T09:30"));
		}

		@Test
		void startExactlyAtRangeEndCountsFromNextRange() {
			assertThat(office.addBusinessTime(paris("2027-01-05T12:00"), hours(1))).isEqualTo(paris("2027-01-05T14:30"));
		}

		@Test
		void zeroDurationReturnsStartUnchangedEvenOutsideWorkingTime() {
			assertThat(office.addBusinessTime(paris("2027-01-09T10:00"), Duration.ZERO)).isEqualTo(paris("2027-01-09T10:00"));
		}

		@Test
		void negativeDurationIsRefused() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> office.addBusinessTime(paris("2027-01-05T09:00"), Duration.ofMinutes(-1)))
				.withMessageContaining("negative");
		}

		@Test
		void easterMonday2027IsSkipped() {
			// Friday 1.5h; Monday March 29 is Easter Monday; Tuesday from 08:30 for 2.5h.
			// Clocks go forward on Sunday night, which changes nothing to office hours.
			assertThat(office.addBusinessTime(paris("2027-03-26T16:00"), hours(4))).isEqualTo(paris("2027-03-30T11:00"));
		}

		@Test
		void ascensionThursdayIsSkipped() {
			assertThat(office.addBusinessTime(paris("2027-05-05T17:00"), hours(1))).isEqualTo(paris("2027-05-07T09:00"));
		}

		@Test
		void whitMondayIsSkipped() {
			assertThat(office.addBusinessTime(paris("2027-05-14T17:00"), hours(1))).isEqualTo(paris("2027-05-18T09:00"));
		}

		@Test
		void yearlyHolidayIsSkippedInLaterYears() {
			// Monday 2028-05-01, Labour Day
			assertThat(office.addBusinessTime(paris("2028-04-28T17:00"), hours(1))).isEqualTo(paris("2028-05-02T09:00"));
		}

		@Test
		void everyDayOfAHolidayPeriodIsSkipped() {
			BusinessCalendar summerClosure = officeHours()
				.holiday(Holiday.between(LocalDate.parse("2027-08-02"), LocalDate.parse("2027-08-13")))
				.build();
			assertThat(summerClosure.addBusinessTime(paris("2027-07-30T17:00"), hours(1)))
				.isEqualTo(paris("2027-08-16T09:00"));
		}

		@Test
		void singleDateHolidayIsSkippedOnlyThatYear() {
			BusinessCalendar calendar = officeHours().holiday(Holiday.on(LocalDate.parse("2027-01-06"))).build();
			assertThat(calendar.addBusinessTime(paris("2027-01-05T17:00"), hours(1))).isEqualTo(paris("2027-01-07T09:00"));
			// Thursday 2028-01-06 is a working day
			assertThat(calendar.addBusinessTime(paris("2028-01-05T17:00"), hours(1))).isEqualTo(paris("2028-01-06T09:00"));
		}

		@Test
		void exceptionalSaturdayOpeningCountsAsWorkingTime() {
			BusinessCalendar calendar = officeHours()
				.exceptionalOpening(ExceptionalOpening.of(LocalDate.parse("2027-01-09"), TimeRange.of("09:00", "12:00")))
				.build();
			// 0.5h on Friday, 1.5h on Saturday from 09:00
			assertThat(calendar.addBusinessTime(paris("2027-01-08T17:00"), hours(2))).isEqualTo(paris("2027-01-09T10:30"));
		}

		@Test
		void exceptionalOpeningOnAHolidayWinsOverTheHoliday() {
			BusinessCalendar calendar = officeHours()
				.holidays(StandardCalendars.FRENCH_PUBLIC_HOLIDAYS)
				.exceptionalOpening(ExceptionalOpening.of(LocalDate.parse("2027-11-11"), TimeRange.of("10:00", "12:00")))
				.build();
			assertThat(calendar.addBusinessTime(paris("2027-11-10T17:00"), hours(1.5))).isEqualTo(paris("2027-11-11T11:00"));
		}

		@Test
		void exceptionalOpeningReplacesTheWeekdayRanges() {
			BusinessCalendar calendar = officeHours()
				.exceptionalOpening(ExceptionalOpening.of(LocalDate.parse("2027-01-05"), TimeRange.of("14:00", "16:00")))
				.build();
			// Tuesday morning is closed: from 09:00 counting starts at 14:00; 2h end the day, then Wednesday
			assertThat(calendar.addBusinessTime(paris("2027-01-05T09:00"), hours(3))).isEqualTo(paris("2027-01-06T09:30"));
		}

		@Test
		void deadlineAcrossChristmasAndNewYearSkipsBothHolidays() {
			// Thu 2026-12-24 from 14:00: 3.5h; Fri 25 Christmas; Mon 28 to Thu 31: 4 x 7.5h = 30h (33.5h);
			// Fri 2027-01-01 New Year; Monday 4: 3.5h by 12:00 and 0.5h from 13:30
			assertThat(office.addBusinessTime(paris("2026-12-24T14:00"), hours(37.5))).isEqualTo(paris("2027-01-04T14:00"));
		}

		@Test
		void twentyBusinessDaysFromMondayOpeningEndFourFridaysLaterAtClosingTime() {
			assertThat(office.addBusinessTime(paris("2027-01-04T08:30"), hours(20 * 7.5)))
				.isEqualTo(paris("2027-01-29T17:30"));
		}

		@Test
		void fractionOfASecondBeyondRangeEndContinuesAtNextOpening() {
			Instant start = paris("2027-01-05T09:00").plusMillis(250);
			assertThat(office.addBusinessTime(start, hours(3))).isEqualTo(paris("2027-01-05T13:30").plusMillis(250));
		}

		@Test
		void fractionOfASecondOutsideWorkingTimeIsNotCounted() {
			Instant start = paris("2027-01-09T10:00").plusMillis(700);
			assertThat(office.addBusinessTime(start, hours(1))).isEqualTo(paris("2027-01-11T09:30"));
		}

	}

	@Nested
	class BusinessTimeBetween {

		@Test
		void lunchBreakIsNotCounted() {
			// 09:00-12:00 and 13:30-15:00
			assertThat(office.businessTimeBetween(paris("2027-01-05T09:00"), paris("2027-01-05T15:00"))).isEqualTo(hours(4.5));
		}

		@Test
		void weekendIsNotCounted() {
			assertThat(office.businessTimeBetween(paris("2027-01-08T16:00"), paris("2027-01-11T10:00"))).isEqualTo(hours(3));
		}

		@Test
		void reversedInstantsGiveTheNegatedBusinessTime() {
			assertThat(office.businessTimeBetween(paris("2027-01-11T10:00"), paris("2027-01-08T16:00"))).isEqualTo(hours(-3));
		}

		@Test
		void sameInstantGivesZero() {
			assertThat(office.businessTimeBetween(paris("2027-01-05T09:00"), paris("2027-01-05T09:00"))).isZero();
		}

		@Test
		void spanOutsideWorkingTimeGivesZero() {
			assertThat(office.businessTimeBetween(paris("2027-01-09T08:00"), paris("2027-01-10T20:00"))).isZero();
		}

		@Test
		void wholeWeekWithoutHolidayCountsFiveDays() {
			assertThat(office.businessTimeBetween(paris("2027-01-04T00:00"), paris("2027-01-11T00:00"))).isEqualTo(hours(37.5));
		}

		@Test
		void easterWeekendCountsFridayOnly() {
			assertThat(office.businessTimeBetween(paris("2027-03-26T08:30"), paris("2027-03-30T08:30"))).isEqualTo(hours(7.5));
		}

		@Test
		void christmasToNewYearCountsFiveWorkingDays() {
			// Thu 24, then Mon 28 to Thu 31; Christmas, New Year and the weekends are closed
			assertThat(office.businessTimeBetween(paris("2026-12-24T00:00"), paris("2027-01-02T00:00")))
				.isEqualTo(hours(5 * 7.5));
		}

		@Test
		void yearOfFrenchOfficeCountsWorkingDaysWithoutHolidays() {
			// 2027 has 261 weekdays; of its 11 holidays, May 1 and 8, August 15 and December 25 fall on a weekend
			assertThat(office.businessTimeBetween(paris("2027-01-01T00:00"), paris("2028-01-01T00:00")))
				.isEqualTo(hours((261 - 7) * 7.5));
		}

		@Test
		void betweenStartAndDeadlineIsTheAddedDuration() {
			Instant start = paris("2026-12-24T14:00");
			assertThat(office.businessTimeBetween(start, paris("2027-01-04T14:00"))).isEqualTo(hours(37.5));
		}

		@Test
		void fractionsOfASecondCountOnlyInWorkingTime() {
			Instant from = paris("2027-01-05T11:59:59").plusMillis(500);
			Instant to = paris("2027-01-05T13:30").plusMillis(200);
			assertThat(office.businessTimeBetween(from, to)).isEqualTo(Duration.ofMillis(700));
		}

		@Test
		void twentyFourSevenCountsElapsedTime() {
			BusinessCalendar always = StandardCalendars.twentyFourSeven();
			Instant start = Instant.parse("2027-03-27T12:00:00Z");
			assertThat(always.businessTimeBetween(start, Instant.parse("2027-03-29T12:00:00Z"))).isEqualTo(hours(48));
			assertThat(always.addBusinessTime(start, hours(36))).isEqualTo(Instant.parse("2027-03-29T00:00:00Z"));
		}

	}

	@Nested
	class DaylightSaving {

		private final BusinessCalendar nights = BusinessCalendar.builder(PARIS)
			.open("01:00", "04:00", DayOfWeek.values())
			.build();

		private final BusinessCalendar allDayInParis = BusinessCalendar.builder(PARIS)
			.open("00:00", "24:00", DayOfWeek.values())
			.build();

		@Test
		void rangeOverTheSkippedHourLastsTwoRealHours() {
			// 01:00 CET is 00:00Z, 04:00 CEST is 02:00Z
			assertThat(nights.businessTimeBetween(paris("2027-03-28T00:00"), paris("2027-03-28T12:00"))).isEqualTo(hours(2));
		}

		@Test
		void deadlineInsideTheSkippedHourRangeIsRealElapsedTime() {
			// 01:30 CET (00:30Z) plus one real hour is 01:30Z, 03:30 CEST
			assertThat(nights.addBusinessTime(paris("2027-03-28T01:30"), hours(1))).isEqualTo(paris("2027-03-28T03:30"));
		}

		@Test
		void rangeOverTheRepeatedHourLastsFourRealHours() {
			// 01:00 CEST is 23:00Z the day before, 04:00 CET is 03:00Z
			assertThat(nights.businessTimeBetween(paris("2027-10-31T00:00"), paris("2027-10-31T12:00"))).isEqualTo(hours(4));
		}

		@Test
		void deadlineInsideTheRepeatedHourCanFallOnItsSecondOccurrence() {
			// 01:00 CEST (23:00Z) plus two real hours is 01:00Z: 02:00 CET, the second 02:00 of the night
			assertThat(nights.addBusinessTime(paris("2027-10-31T01:00"), hours(2)))
				.isEqualTo(Instant.parse("2027-10-31T01:00:00Z"));
			assertThat(nights.addBusinessTime(paris("2027-10-31T01:00"), hours(3))).isEqualTo(paris("2027-10-31T03:00"));
		}

		@Test
		void bothOccurrencesOfTheRepeatedHourAreWorkingTime() {
			assertThat(nights.isWorkingTime(Instant.parse("2027-10-31T00:30:00Z"))).isTrue();
			assertThat(nights.isWorkingTime(Instant.parse("2027-10-31T01:30:00Z"))).isTrue();
		}

		@Test
		void dayWhenClocksGoForwardHasTwentyThreeHours() {
			assertThat(allDayInParis.businessTimeBetween(paris("2027-03-28T00:00"), paris("2027-03-29T00:00")))
				.isEqualTo(hours(23));
		}

		@Test
		void dayWhenClocksGoBackHasTwentyFiveHours() {
			assertThat(allDayInParis.businessTimeBetween(paris("2027-10-31T00:00"), paris("2027-11-01T00:00")))
				.isEqualTo(hours(25));
		}

		@Test
		void rangesThatTheSkippedHourPushesOntoEachOtherCountOnce() {
			BusinessCalendar calendar = BusinessCalendar.builder(PARIS)
				.open("01:00", "02:30", SUNDAY)
				.open("03:10", "05:00", SUNDAY)
				.build();
			// a normal Sunday: 1.5h + 1h50
			assertThat(calendar.businessTimeBetween(paris("2027-03-21T00:00"), paris("2027-03-22T00:00")))
				.isEqualTo(Duration.ofMinutes(200));
			// 01:00 CET = 00:00Z; 02:30 does not exist and becomes 03:30 CEST = 01:30Z, past 03:10 CEST = 01:10Z;
			// together they cover 00:00Z to 05:00 CEST = 03:00Z
			assertThat(calendar.businessTimeBetween(paris("2027-03-28T00:00"), paris("2027-03-29T00:00")))
				.isEqualTo(hours(3));
		}

		@Test
		void officeHoursAroundClocksGoingBackAreUnchanged() {
			// Friday 2027-10-29 to Monday 2027-11-01 (All Saints' Day): Friday only
			assertThat(office.businessTimeBetween(paris("2027-10-29T00:00"), paris("2027-11-02T00:00"))).isEqualTo(hours(7.5));
		}

	}

	@Nested
	class WorkingTimeAndOpenings {

		@Test
		void rangeStartIsWorkingTime() {
			assertThat(office.isWorkingTime(paris("2027-01-05T08:30"))).isTrue();
		}

		@Test
		void rangeEndIsNotWorkingTimeButTheInstantBeforeIs() {
			assertThat(office.isWorkingTime(paris("2027-01-05T12:00"))).isFalse();
			assertThat(office.isWorkingTime(paris("2027-01-05T12:00").minusNanos(1))).isTrue();
		}

		@Test
		void weekendAndHolidayAreNotWorkingTime() {
			assertThat(office.isWorkingTime(paris("2027-01-09T10:00"))).isFalse();
			assertThat(office.isWorkingTime(paris("2027-03-29T10:00"))).isFalse();
		}

		@Test
		void exceptionalOpeningIsWorkingTime() {
			BusinessCalendar calendar = officeHours()
				.exceptionalOpening(ExceptionalOpening.of(LocalDate.parse("2027-01-09"), TimeRange.of("09:00", "12:00")))
				.build();
			assertThat(calendar.isWorkingTime(paris("2027-01-09T10:00"))).isTrue();
			assertThat(calendar.isWorkingTime(paris("2027-01-09T12:00"))).isFalse();
		}

		@Test
		void nextOpeningOfAWorkingInstantIsItself() {
			Instant instant = paris("2027-01-05T10:00").plusNanos(42);
			assertThat(office.nextOpening(instant)).isEqualTo(instant);
		}

		@Test
		void nextOpeningDuringLunchIsTheAfternoonOpening() {
			assertThat(office.nextOpening(paris("2027-01-05T12:00"))).isEqualTo(paris("2027-01-05T13:30"));
		}

		@Test
		void nextOpeningOnFridayEveningIsMondayMorning() {
			assertThat(office.nextOpening(paris("2027-01-08T17:30"))).isEqualTo(paris("2027-01-11T08:30"));
		}

		@Test
		void nextOpeningOnChristmasEveEveningSkipsChristmasAndTheWeekend() {
			assertThat(office.nextOpening(paris("2026-12-24T18:00"))).isEqualTo(paris("2026-12-28T08:30"));
		}

		@Test
		void rangesTouchingAtMidnightFormOneSpan() {
			BusinessCalendar nightShift = BusinessCalendar.builder(PARIS)
				.open("22:00", "24:00", MONDAY)
				.open("00:00", "06:00", TUESDAY)
				.build();
			assertThat(nightShift.addBusinessTime(paris("2027-01-04T23:00"), hours(2))).isEqualTo(paris("2027-01-05T01:00"));
			assertThat(nightShift.isWorkingTime(paris("2027-01-05T00:00"))).isTrue();
			assertThat(nightShift.nextOpening(paris("2027-01-05T06:00"))).isEqualTo(paris("2027-01-11T22:00"));
		}

		@Test
		void workingRangesOnADateApplyHolidaysAndOpenings() {
			assertThat(office.workingRangesOn(LocalDate.parse("2027-03-29"))).isEmpty();
			assertThat(office.workingRangesOn(LocalDate.parse("2027-03-30")))
				.containsExactly(TimeRange.of("08:30", "12:00"), TimeRange.of("13:30", "17:30"));
		}

	}

	@Nested
	class Validation {

		@Test
		void calendarWithoutWorkingTimeIsRefused() {
			assertThatThrownBy(() -> BusinessCalendar.builder(PARIS).build())
				.isInstanceOfSatisfying(InvalidCalendarException.class, (ex) -> {
					assertThat(ex.field()).isEqualTo("ranges");
					assertThat(ex.messageKey()).isEqualTo("calendar.invalid.no-working-time");
				})
				.hasMessageContaining("could ever be met");
		}

		@Test
		void calendarWithOnlyExceptionalOpeningsIsRefused() {
			assertThatThrownBy(() -> BusinessCalendar.builder(PARIS)
				.exceptionalOpening(ExceptionalOpening.of(LocalDate.parse("2027-01-09"), TimeRange.of("09:00", "12:00")))
				.build())
				.isInstanceOfSatisfying(InvalidCalendarException.class,
						(ex) -> assertThat(ex.messageKey()).isEqualTo("calendar.invalid.no-working-time"));
		}

		@Test
		void rangeEndingBeforeItStartsIsRefused() {
			assertThatThrownBy(() -> new WorkingRange(MONDAY, LocalTime.of(18, 0), LocalTime.of(9, 0)))
				.isInstanceOfSatisfying(InvalidCalendarException.class, (ex) -> {
					assertThat(ex.field()).isEqualTo("ranges");
					assertThat(ex.messageKey()).isEqualTo("calendar.invalid.range-order");
				})
				.hasMessageContaining("18:00-09:00");
		}

		@Test
		void emptyRangeIsRefused() {
			assertThatThrownBy(() -> TimeRange.of("09:00", "09:00")).isInstanceOf(InvalidCalendarException.class);
		}

		@Test
		void midnightAsEndMeansEndOfDayAndTheWholeDayIsAccepted() {
			assertThat(TimeRange.of("22:00", "24:00").length()).isEqualTo(hours(2));
			assertThat(new TimeRange(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).length()).isEqualTo(hours(24));
		}

		@Test
		void endOfDayWrittenAsLocalTimeMaxIsRefusedWithAHint() {
			assertThatThrownBy(() -> new TimeRange(LocalTime.of(22, 0), LocalTime.MAX))
				.isInstanceOfSatisfying(InvalidCalendarException.class,
						(ex) -> assertThat(ex.messageKey()).isEqualTo("calendar.invalid.sub-second-bound"))
				.hasMessageContaining("use 00:00");
		}

		@Test
		void overlappingAndTouchingRangesOfADayAreMerged() {
			BusinessCalendar calendar = BusinessCalendar.builder(PARIS)
				.open("08:00", "10:00", MONDAY)
				.open("09:00", "12:00", MONDAY)
				.open("12:00", "13:00", MONDAY)
				.open("14:00", "15:00", MONDAY)
				.build();
			assertThat(calendar.ranges()).containsExactly(new WorkingRange(MONDAY, LocalTime.of(8, 0), LocalTime.of(13, 0)),
					new WorkingRange(MONDAY, LocalTime.of(14, 0), LocalTime.of(15, 0)));
			assertThat(calendar.businessTimeBetween(paris("2027-01-04T00:00"), paris("2027-01-05T00:00"))).isEqualTo(hours(6));
		}

		@Test
		void twoExceptionalOpeningsOnOneDateAreRefused() {
			LocalDate saturday = LocalDate.parse("2027-01-09");
			assertThatThrownBy(() -> officeHours().exceptionalOpening(ExceptionalOpening.of(saturday, TimeRange.of("09:00", "10:00")))
				.exceptionalOpening(ExceptionalOpening.of(saturday, TimeRange.of("11:00", "12:00")))
				.build())
				.isInstanceOfSatisfying(InvalidCalendarException.class, (ex) -> {
					assertThat(ex.field()).isEqualTo("exceptionalOpenings");
					assertThat(ex.messageKey()).isEqualTo("calendar.invalid.duplicate-opening");
				});
		}

		@Test
		void exceptionalOpeningWithoutRangesIsRefused() {
			assertThatThrownBy(() -> new ExceptionalOpening(LocalDate.parse("2027-01-09"), List.of()))
				.isInstanceOfSatisfying(InvalidCalendarException.class,
						(ex) -> assertThat(ex.messageKey()).isEqualTo("calendar.invalid.empty-opening"));
		}

		@Test
		void holidayPeriodEndingBeforeItStartsIsRefused() {
			assertThatThrownBy(() -> Holiday.between(LocalDate.parse("2027-08-13"), LocalDate.parse("2027-08-02")))
				.isInstanceOfSatisfying(InvalidCalendarException.class, (ex) -> {
					assertThat(ex.field()).isEqualTo("holidays");
					assertThat(ex.messageKey()).isEqualTo("calendar.invalid.holiday-order");
				});
		}

		@Test
		void calendarsWithTheSameDefinitionAreEqual() {
			List<Holiday> holidaysInAnotherOrder = new ArrayList<>(StandardCalendars.FRENCH_PUBLIC_HOLIDAYS);
			Collections.reverse(holidaysInAnotherOrder);
			BusinessCalendar sameAsOffice = officeHours().holidays(holidaysInAnotherOrder).build();
			assertThat(sameAsOffice).isEqualTo(office).hasSameHashCodeAs(office);
			assertThat(officeHours().build()).isNotEqualTo(office);
		}

		@Test
		void deadlineBeyondYear9999IsRefusedAtOnce() {
			assertThatThrownBy(() -> office.addBusinessTime(paris("2027-01-05T09:00"), Duration.ofDays(365L * 8000)))
				.isInstanceOf(java.time.DateTimeException.class)
				.hasMessageContaining("10000");
		}

		@Test
		void instantsBeyondYear9999AreRefused() {
			assertThatThrownBy(() -> office.isWorkingTime(Instant.parse("+10000-01-01T00:00:00Z")))
				.isInstanceOf(java.time.DateTimeException.class);
		}

	}

	@Test
	void saturdayIsClosedInTheFrenchOfficeAndOpenAroundTheClockInTwentyFourSeven() {
		Instant saturday = paris("2027-01-09T03:00");
		assertThat(office.isWorkingTime(saturday)).isFalse();
		assertThat(StandardCalendars.twentyFourSeven().isWorkingTime(saturday)).isTrue();
		assertThat(StandardCalendars.twentyFourSeven().ranges())
			.contains(new WorkingRange(SATURDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
	}

}
