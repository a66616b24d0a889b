package org.guichet.calendars.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.guichet.calendars.BusinessCalendar;
import org.guichet.calendars.ExceptionalOpening;
import org.guichet.calendars.Holiday;
import org.guichet.calendars.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * A named business calendar as stored: the parts of a {@link BusinessCalendar} as it normalised
 * them (ranges merged, holidays without duplicates), plus the holidays' optional labels.
 */
@Entity
@Table(name = "business_calendar")
public class StoredCalendar {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String name = "";

	@Column(name = "time_zone")
	private String timeZone = "";

	@Version
	private long version;

	@ElementCollection
	@CollectionTable(name = "business_calendar_range", joinColumns = @JoinColumn(name = "calendar_id"))
	@OrderColumn(name = "list_index")
	private List<StoredRange> ranges = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "business_calendar_holiday", joinColumns = @JoinColumn(name = "calendar_id"))
	@OrderColumn(name = "list_index")
	private List<StoredHoliday> holidays = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "business_calendar_opening", joinColumns = @JoinColumn(name = "calendar_id"))
	@OrderColumn(name = "list_index")
	private List<StoredOpeningRange> openings = new ArrayList<>();

	protected StoredCalendar() {
	}

	public StoredCalendar(String name, BusinessCalendar calendar, Map<Holiday, String> holidayLabels) {
		redefine(name, calendar, holidayLabels);
	}

	/** Replaces the whole definition; labels of holidays that the calendar does not hold are ignored. */
	public void redefine(String name, BusinessCalendar calendar, Map<Holiday, String> holidayLabels) {
		this.name = name;
		this.timeZone = calendar.zone().getId();
		this.ranges.clear();
		calendar.ranges().forEach((range) -> this.ranges.add(StoredRange.of(range)));
		this.holidays.clear();
		calendar.holidays().forEach((holiday) -> this.holidays.add(StoredHoliday.of(holiday, holidayLabels.get(holiday))));
		this.openings.clear();
		for (ExceptionalOpening opening : calendar.exceptionalOpenings()) {
			opening.ranges().forEach((range) -> this.openings.add(StoredOpeningRange.of(opening.date(), range)));
		}
	}

	/** Builds the calendar again, which validates it as when it was saved. */
	public BusinessCalendar toBusinessCalendar() {
		BusinessCalendar.Builder builder = BusinessCalendar.builder(ZoneId.of(this.timeZone));
		this.ranges.forEach((range) -> builder.range(range.toWorkingRange()));
		this.holidays.forEach((holiday) -> builder.holiday(holiday.toHoliday()));
		Map<LocalDate, List<TimeRange>> openingRanges = new LinkedHashMap<>();
		for (StoredOpeningRange range : this.openings) {
			openingRanges.computeIfAbsent(range.date(), (date) -> new ArrayList<>()).add(range.toTimeRange());
		}
		openingRanges.forEach((date, times) -> builder.exceptionalOpening(new ExceptionalOpening(date, times)));
		return builder.build();
	}

	/** The labels of the holidays that have one. */
	public Map<Holiday, String> holidayLabels() {
		Map<Holiday, String> labels = new LinkedHashMap<>();
		for (StoredHoliday holiday : this.holidays) {
			if (holiday.label() != null) {
				labels.put(holiday.toHoliday(), holiday.label());
			}
		}
		return labels;
	}

	public long getId() {
		return Objects.requireNonNull(this.id, "not saved yet");
	}

	public String getName() {
		return this.name;
	}

	public long getVersion() {
		return this.version;
	}

}
