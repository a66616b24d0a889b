package org.guichet.calendars;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/** A day, or days, when the team does not work, whatever the weekday's ranges. */
public sealed interface Holiday {

	boolean covers(LocalDate date);

	static Holiday on(LocalDate date) {
		return new OnDate(date);
	}

	/** From {@code first} to {@code last}, both included. */
	static Holiday between(LocalDate first, LocalDate last) {
		return new Between(first, last);
	}

	static Holiday yearly(MonthDay day) {
		return new Yearly(day);
	}

	/** A movable feast: Easter Monday is 1 day after Easter, Ascension 39, Whit Monday 50. */
	static Holiday daysAfterEaster(int days) {
		return new EasterRelative(days);
	}

	record OnDate(LocalDate date) implements Holiday {

		public OnDate {
			Objects.requireNonNull(date, "date");
		}

		@Override
		public boolean covers(LocalDate date) {
			return this.date.equals(date);
		}

	}

	record Between(LocalDate first, LocalDate last) implements Holiday {

		public Between {
			Objects.requireNonNull(first, "first");
			Objects.requireNonNull(last, "last");
			if (last.isBefore(first)) {
				throw new InvalidCalendarException("holidays", "calendar.invalid.holiday-order",
						"A holiday period must not end before it starts: " + first + " to " + last, first.toString(),
						last.toString());
			}
		}

		@Override
		public boolean covers(LocalDate date) {
			return !date.isBefore(this.first) && !date.isAfter(this.last);
		}

	}

	/** The same day every year; February 29 only in leap years. */
	record Yearly(MonthDay day) implements Holiday {

		public Yearly {
			Objects.requireNonNull(day, "day");
		}

		@Override
		public boolean covers(LocalDate date) {
			return date.getMonthValue() == this.day.getMonthValue() && date.getDayOfMonth() == this.day.getDayOfMonth();
		}

	}

	/** Days after Easter Sunday (negative before it), kept within Easter's year: -80 to 250. */
	record EasterRelative(int daysAfterEaster) implements Holiday {

		public EasterRelative {
			if (daysAfterEaster < -80 || daysAfterEaster > 250) {
				throw new InvalidCalendarException("holidays", "calendar.invalid.easter-offset",
						"A holiday relative to Easter must fall within Easter's year (-80 to 250 days): " + daysAfterEaster,
						daysAfterEaster);
			}
		}

		@Override
		public boolean covers(LocalDate date) {
			return Easter.sunday(date.getYear()).plusDays(this.daysAfterEaster).equals(date);
		}

	}

}
