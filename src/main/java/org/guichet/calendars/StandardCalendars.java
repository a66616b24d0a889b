package org.guichet.calendars;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.time.DayOfWeek;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** Ready-made calendars, for the demonstration data and for tests. */
public final class StandardCalendars {

	/** The eight fixed French public holidays and the three that follow Easter: Monday, Ascension, Whit Monday. */
	public static final List<Holiday> FRENCH_PUBLIC_HOLIDAYS = List.of(
			Holiday.yearly(MonthDay.of(1, 1)), Holiday.yearly(MonthDay.of(5, 1)), Holiday.yearly(MonthDay.of(5, 8)),
			Holiday.yearly(MonthDay.of(7, 14)), Holiday.yearly(MonthDay.of(8, 15)), Holiday.yearly(MonthDay.of(11, 1)),
			Holiday.yearly(MonthDay.of(11, 11)), Holiday.yearly(MonthDay.of(12, 25)),
			Holiday.daysAfterEaster(1), Holiday.daysAfterEaster(39), Holiday.daysAfterEaster(50));

	private static final BusinessCalendar FRENCH_OFFICE = BusinessCalendar.builder(ZoneId.of("Europe/Paris"))
		.open("08:30", "12:00", MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)
		.open("13:30", "17:30", MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)
		.holidays(FRENCH_PUBLIC_HOLIDAYS)
		.build();

	private static final BusinessCalendar TWENTY_FOUR_SEVEN = BusinessCalendar.builder(ZoneOffset.UTC)
		.open("00:00", "24:00", DayOfWeek.values())
		.build();

	private StandardCalendars() {
	}

	/** Europe/Paris, Monday to Friday 08:30-12:00 and 13:30-17:30 (7.5 hours a day), French public holidays. */
	public static BusinessCalendar frenchOffice() {
		return FRENCH_OFFICE;
	}

	/** Every instant is working time; in UTC, since without closures the zone changes nothing. */
	public static BusinessCalendar twentyFourSeven() {
		return TWENTY_FOUR_SEVEN;
	}

}
