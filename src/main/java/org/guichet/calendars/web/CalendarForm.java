package org.guichet.calendars.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.guichet.calendars.InvalidCalendarException;
import org.guichet.calendars.api.CalendarJson.CalendarBody;
import org.guichet.calendars.api.CalendarJson.CalendarView;
import org.guichet.calendars.api.CalendarJson.DayRange;
import org.guichet.calendars.api.CalendarJson.HolidayJson;
import org.guichet.calendars.api.CalendarJson.Opening;
import org.guichet.calendars.api.CalendarJson.Range;
import org.guichet.system.OneLine;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A calendar as the administration form edits it, row by row. It becomes the API's
 * {@link CalendarBody}, so the page and the API validate a calendar alike and a refusal names
 * the same field, e.g. {@code ranges[2]}.
 */
class CalendarForm {

	@NotBlank
	@Size(max = 120)
	@OneLine
	private @Nullable String name;

	private String timeZone = "";

	private List<RangeRow> ranges = new ArrayList<>();

	private List<HolidayRow> holidays = new ArrayList<>();

	private List<OpeningRow> exceptionalOpenings = new ArrayList<>();

	private long version;

	/** A new calendar: the given zone, Monday to Friday 08:30-12:00 and 13:30-17:30. */
	static CalendarForm initial(String timeZone) {
		CalendarForm form = new CalendarForm();
		form.timeZone = timeZone;
		for (DayOfWeek day : Arrays.copyOfRange(DayOfWeek.values(), 0, 5)) {
			form.ranges.add(new RangeRow(day, "08:30", "12:00"));
			form.ranges.add(new RangeRow(day, "13:30", "17:30"));
		}
		return form;
	}

	static CalendarForm of(CalendarView view) {
		CalendarForm form = new CalendarForm();
		form.name = view.name();
		form.timeZone = view.timeZone();
		view.ranges().forEach((range) -> form.ranges.add(new RangeRow(range.day(), range.from(), range.to())));
		view.holidays().forEach((holiday) -> form.holidays.add(HolidayRow.of(holiday)));
		view.exceptionalOpenings().forEach((opening) -> form.exceptionalOpenings.add(OpeningRow.of(opening)));
		form.version = view.version();
		return form;
	}

	/**
	 * The calendar as the API receives it.
	 * @throws InvalidCalendarException when a holiday lacks the dates of its kind, or an
	 * exceptional opening its date or ranges
	 */
	CalendarBody toBody() {
		List<DayRange> dayRanges = ranges.stream()
			.map((row) -> new DayRange(row.getDay(), blankIfNull(row.getFrom()), blankIfNull(row.getTo())))
			.toList();
		List<HolidayJson> holidayList = new ArrayList<>();
		for (int i = 0; i < holidays.size(); i++) {
			holidayList.add(holidays.get(i).toJson("holidays[" + i + "]"));
		}
		List<Opening> openings = new ArrayList<>();
		for (int i = 0; i < exceptionalOpenings.size(); i++) {
			openings.add(exceptionalOpenings.get(i).toJson("exceptionalOpenings[" + i + "]"));
		}
		return new CalendarBody(blankIfNull(name).strip(), timeZone, dayRanges, holidayList, openings, version);
	}

	/** Adds an empty row to {@code ranges}, {@code holidays} or {@code exceptionalOpenings}. */
	void addRow(String list) {
		switch (list) {
			case "ranges" -> ranges.add(new RangeRow(DayOfWeek.MONDAY, "", ""));
			case "holidays" -> holidays.add(new HolidayRow());
			case "exceptionalOpenings" -> exceptionalOpenings.add(new OpeningRow());
			default -> throw new IllegalArgumentException("No list " + list);
		}
	}

	/** Removes a row, named as {@code ranges:3}; an unknown row is ignored, as when the page was sent twice. */
	void removeRow(String row) {
		String[] parts = row.split(":");
		int index = parts.length == 2 && parts[1].matches("\\d{1,4}") ? Integer.parseInt(parts[1]) : -1;
		List<?> list = switch (parts[0]) {
			case "ranges" -> ranges;
			case "holidays" -> holidays;
			case "exceptionalOpenings" -> exceptionalOpenings;
			default -> List.of();
		};
		if (index >= 0 && index < list.size()) {
			list.remove(index);
		}
	}

	private static String blankIfNull(@Nullable String text) {
		return text == null ? "" : text;
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public void setTimeZone(@Nullable String timeZone) {
		this.timeZone = blankIfNull(timeZone);
	}

	public List<RangeRow> getRanges() {
		return ranges;
	}

	public void setRanges(List<RangeRow> ranges) {
		this.ranges = ranges;
	}

	public List<HolidayRow> getHolidays() {
		return holidays;
	}

	public void setHolidays(List<HolidayRow> holidays) {
		this.holidays = holidays;
	}

	public List<OpeningRow> getExceptionalOpenings() {
		return exceptionalOpenings;
	}

	public void setExceptionalOpenings(List<OpeningRow> exceptionalOpenings) {
		this.exceptionalOpenings = exceptionalOpenings;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	/** Working hours on a day of the week; times as typed, {@code HH:mm}, {@code 24:00} as an end. */
	public static class RangeRow {

		private DayOfWeek day = DayOfWeek.MONDAY;

		private @Nullable String from;

		private @Nullable String to;

		public RangeRow() {
		}

		RangeRow(DayOfWeek day, String from, String to) {
			this.day = day;
			this.from = from;
			this.to = to;
		}

		public DayOfWeek getDay() {
			return day;
		}

		public void setDay(@Nullable DayOfWeek day) {
			this.day = day == null ? DayOfWeek.MONDAY : day;
		}

		public @Nullable String getFrom() {
			return from;
		}

		public void setFrom(@Nullable String from) {
			this.from = from;
		}

		public @Nullable String getTo() {
			return to;
		}

		public void setTo(@Nullable String to) {
			this.to = to;
		}

	}

	/** The kinds of holiday the domain knows, as the form offers them. */
	public enum HolidayKind {

		DATE, PERIOD, YEARLY, EASTER

	}

	/** A holiday of any kind: only the values its kind needs are read. */
	public static class HolidayRow {

		private HolidayKind kind = HolidayKind.DATE;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private @Nullable LocalDate date;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private @Nullable LocalDate lastDate;

		private @Nullable String monthDay;

		private @Nullable Integer daysAfterEaster;

		@Size(max = 120)
		private @Nullable String label;

		static HolidayRow of(HolidayJson json) {
			HolidayRow row = new HolidayRow();
			row.label = json.label();
			if (json.date() != null) {
				row.date = json.date();
			}
			else if (json.from() != null) {
				row.kind = HolidayKind.PERIOD;
				row.date = json.from();
				row.lastDate = json.to();
			}
			else if (json.monthDay() != null) {
				row.kind = HolidayKind.YEARLY;
				row.monthDay = json.monthDay();
			}
			else {
				row.kind = HolidayKind.EASTER;
				row.daysAfterEaster = json.daysAfterEaster();
			}
			return row;
		}

		HolidayJson toJson(String field) {
			String text = label == null || label.isBlank() ? null : label.strip();
			HolidayJson json = switch (kind) {
				case DATE -> date == null ? null : new HolidayJson(date, null, null, null, null, text);
				case PERIOD -> date == null || lastDate == null ? null
						: new HolidayJson(null, date, lastDate, null, null, text);
				case YEARLY -> monthDay == null || monthDay.isBlank() ? null
						: new HolidayJson(null, null, null, monthDay.strip(), null, text);
				case EASTER -> daysAfterEaster == null ? null
						: new HolidayJson(null, null, null, null, daysAfterEaster, text);
			};
			if (json == null) {
				throw new InvalidCalendarException(field, "admin.calendars.holiday.incomplete",
						"Fill in the date(s) of the holiday for its kind");
			}
			if (!OneLine.Check.holds(text)) {
				throw new InvalidCalendarException(field, OneLine.CODE, "A holiday's label is one line");
			}
			return json;
		}

		public HolidayKind getKind() {
			return kind;
		}

		public void setKind(@Nullable HolidayKind kind) {
			this.kind = kind == null ? HolidayKind.DATE : kind;
		}

		public @Nullable LocalDate getDate() {
			return date;
		}

		public void setDate(@Nullable LocalDate date) {
			this.date = date;
		}

		public @Nullable LocalDate getLastDate() {
			return lastDate;
		}

		public void setLastDate(@Nullable LocalDate lastDate) {
			this.lastDate = lastDate;
		}

		public @Nullable String getMonthDay() {
			return monthDay;
		}

		public void setMonthDay(@Nullable String monthDay) {
			this.monthDay = monthDay;
		}

		public @Nullable Integer getDaysAfterEaster() {
			return daysAfterEaster;
		}

		public void setDaysAfterEaster(@Nullable Integer daysAfterEaster) {
			this.daysAfterEaster = daysAfterEaster;
		}

		public @Nullable String getLabel() {
			return label;
		}

		public void setLabel(@Nullable String label) {
			this.label = label;
		}

	}

	/** A date with its own ranges, typed on one line: {@code 09:00-12:00 14:00-18:00}. */
	public static class OpeningRow {

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private @Nullable LocalDate date;

		private @Nullable String ranges;

		static OpeningRow of(Opening opening) {
			OpeningRow row = new OpeningRow();
			row.date = opening.date();
			row.ranges = String.join(" ", opening.ranges().stream().map((range) -> range.from() + "-" + range.to()).toList());
			return row;
		}

		Opening toJson(String field) {
			if (date == null) {
				throw new InvalidCalendarException(field, "admin.calendars.opening.date-required",
						"Give the date of the exceptional opening");
			}
			List<Range> times = new ArrayList<>();
			for (String range : blankIfNull(ranges).strip().split("[\\s,;]+")) {
				String[] bounds = range.split("-");
				if (bounds.length != 2) {
					throw new InvalidCalendarException(field + ".ranges", "calendar.invalid.time",
							"Write the ranges as HH:mm-HH:mm: " + range, range);
				}
				times.add(new Range(bounds[0], bounds[1]));
			}
			return new Opening(date, times);
		}

		public @Nullable LocalDate getDate() {
			return date;
		}

		public void setDate(@Nullable LocalDate date) {
			this.date = date;
		}

		public @Nullable String getRanges() {
			return ranges;
		}

		public void setRanges(@Nullable String ranges) {
			this.ranges = ranges;
		}

	}

}
