package org.guichet.calendars.api;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.guichet.calendars.BusinessCalendar;
import org.guichet.calendars.ExceptionalOpening;
import org.guichet.calendars.Holiday;
import org.guichet.calendars.InvalidCalendarException;
import org.guichet.calendars.NamedCalendar;
import org.guichet.calendars.TimeRange;
import org.guichet.calendars.WorkingRange;
import org.guichet.calendars.api.CalendarJson.CalendarBody;
import org.guichet.calendars.api.CalendarJson.CalendarView;
import org.guichet.calendars.api.CalendarJson.DayRange;
import org.guichet.calendars.api.CalendarJson.HolidayJson;
import org.guichet.calendars.api.CalendarJson.Opening;
import org.guichet.calendars.api.CalendarJson.Range;
import org.jspecify.annotations.Nullable;

/**
 * Turns the JSON of a calendar into a {@link BusinessCalendar}, which validates it, and back. A
 * refusal names the element at fault, e.g. {@code ranges[1]} or {@code exceptionalOpenings[0].ranges[2]}.
 */
public final class CalendarMapping {

	private CalendarMapping() {
	}

	/** The calendar and the labels of its holidays. */
	public record Definition(BusinessCalendar calendar, Map<Holiday, String> holidayLabels) {

	}

	public static Definition definition(CalendarBody body, ZoneId defaultZone) {
		BusinessCalendar.Builder builder = BusinessCalendar.builder(zone(body.timeZone(), defaultZone));
		List<DayRange> ranges = body.ranges();
		for (int i = 0; i < ranges.size(); i++) {
			DayRange range = ranges.get(i);
			builder.range(WorkingRange.of(range.day(), timeRange(range.from(), range.to(), "ranges[" + i + "]")));
		}
		Map<Holiday, String> labels = new LinkedHashMap<>();
		List<HolidayJson> holidays = body.holidays();
		for (int i = 0; i < holidays.size(); i++) {
			Holiday holiday = holiday(holidays.get(i), "holidays[" + i + "]");
			builder.holiday(holiday);
			if (holidays.get(i).label() != null) {
				labels.put(holiday, holidays.get(i).label());
			}
		}
		List<Opening> openings = body.exceptionalOpenings();
		for (int i = 0; i < openings.size(); i++) {
			builder.exceptionalOpening(opening(openings.get(i), "exceptionalOpenings[" + i + "]"));
		}
		return new Definition(builder.build(), labels);
	}

	public static CalendarView view(NamedCalendar named) {
		BusinessCalendar calendar = named.calendar();
		return new CalendarView(named.id(), named.name(), calendar.zone().getId(),
				calendar.ranges()
					.stream()
					.map((range) -> new DayRange(range.day(), start(range.from()), end(range.to())))
					.toList(),
				calendar.holidays().stream().map((holiday) -> json(holiday, named.holidayLabels().get(holiday))).toList(),
				calendar.exceptionalOpenings()
					.stream()
					.map((opening) -> new Opening(opening.date(),
							opening.ranges().stream().map((range) -> new Range(start(range.from()), end(range.to()))).toList()))
					.toList(),
				named.version());
	}

	static ZoneId zone(@Nullable String timeZone, ZoneId defaultZone) {
		if (timeZone == null || timeZone.isBlank()) {
			return defaultZone;
		}
		try {
			return ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			throw new InvalidCalendarException("timeZone", "calendar.invalid.time-zone",
					"Unknown time zone " + timeZone + ": use a region name such as Europe/Paris", timeZone);
		}
	}

	private static TimeRange timeRange(String from, String to, String field) {
		try {
			return TimeRange.of(from, to);
		}
		catch (InvalidCalendarException ex) {
			throw ex.at(field);
		}
		catch (DateTimeException ex) {
			throw new InvalidCalendarException(field, "calendar.invalid.time",
					"Write times of day as HH:mm, from 00:00 to 24:00: " + from + "-" + to, from + "-" + to);
		}
	}

	private static Holiday holiday(HolidayJson json, String field) {
		int forms = ((json.date() != null) ? 1 : 0) + ((json.from() != null || json.to() != null) ? 1 : 0)
				+ ((json.monthDay() != null) ? 1 : 0) + ((json.daysAfterEaster() != null) ? 1 : 0);
		if (forms != 1 || (json.from() == null) != (json.to() == null)) {
			throw new InvalidCalendarException(field, "calendar.invalid.holiday-kind",
					"A holiday is one of: a date; from and to; a monthDay (MM-dd) every year; daysAfterEaster");
		}
		try {
			if (json.date() != null) {
				return Holiday.on(json.date());
			}
			if (json.from() != null && json.to() != null) {
				return Holiday.between(json.from(), json.to());
			}
			if (json.monthDay() != null) {
				return Holiday.yearly(monthDay(json.monthDay(), field));
			}
			return Holiday.daysAfterEaster(Objects.requireNonNull(json.daysAfterEaster()));
		}
		catch (InvalidCalendarException ex) {
			throw ex.at(field);
		}
	}

	private static MonthDay monthDay(String text, String field) {
		try {
			return MonthDay.parse(text.startsWith("--") ? text : "--" + text);
		}
		catch (DateTimeException ex) {
			throw new InvalidCalendarException(field, "calendar.invalid.month-day",
					"Write a yearly holiday as MM-dd, e.g. 12-25 for Christmas: " + text, text);
		}
	}

	private static ExceptionalOpening opening(Opening json, String field) {
		List<Range> ranges = json.ranges() == null ? List.of() : json.ranges();
		List<TimeRange> times = new ArrayList<>();
		for (int i = 0; i < ranges.size(); i++) {
			times.add(timeRange(ranges.get(i).from(), ranges.get(i).to(), field + ".ranges[" + i + "]"));
		}
		try {
			return new ExceptionalOpening(json.date(), times);
		}
		catch (InvalidCalendarException ex) {
			throw ex.at(field);
		}
	}

	private static HolidayJson json(Holiday holiday, @Nullable String label) {
		if (holiday instanceof Holiday.OnDate on) {
			return new HolidayJson(on.date(), null, null, null, null, label);
		}
		if (holiday instanceof Holiday.Between between) {
			return new HolidayJson(null, between.first(), between.last(), null, null, label);
		}
		if (holiday instanceof Holiday.Yearly yearly) {
			return new HolidayJson(null, null, null, yearly.day().toString().substring(2), null, label);
		}
		return new HolidayJson(null, null, null, null, ((Holiday.EasterRelative) holiday).daysAfterEaster(), label);
	}

	private static String start(LocalTime time) {
		return time.toString();
	}

	/** An end of 00:00 is midnight at the end of the day. */
	private static String end(LocalTime time) {
		return time.equals(LocalTime.MIDNIGHT) ? "24:00" : time.toString();
	}

}
