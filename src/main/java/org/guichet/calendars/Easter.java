package org.guichet.calendars;

import java.time.LocalDate;

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus). */
final class Easter {

	private Easter() {
	}

	static LocalDate sunday(int year) {
		int golden = year % 19;
		int century = year / 100;
		int yearOfCentury = year % 100;
		int leapCenturies = century / 4;
		int centuryRemainder = century % 4;
		int lunarCorrection = (century + 8) / 25;
		int solarCorrection = (century - lunarCorrection + 1) / 3;
		int epact = (19 * golden + century - leapCenturies - solarCorrection + 15) % 30;
		int weekdayShift = (32 + 2 * centuryRemainder + 2 * (yearOfCentury / 4) - epact - yearOfCentury % 4) % 7;
		int lateFullMoon = (golden + 11 * epact + 22 * weekdayShift) / 451;
		int monthAndDay = epact + weekdayShift - 7 * lateFullMoon + 114;
		return LocalDate.of(year, monthAndDay / 31, monthAndDay % 31 + 1);
	}

}
