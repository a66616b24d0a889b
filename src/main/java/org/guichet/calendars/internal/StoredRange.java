package org.guichet.calendars.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.guichet.calendars.TimeRange;
import org.guichet.calendars.WorkingRange;

/** A weekly working range, bounds in seconds of the day (86,400 for 24:00). */
@Embeddable
record StoredRange(@Enumerated(EnumType.STRING) @Column(name = "day_of_week") DayOfWeek day,
		@Column(name = "start_second") int startSecond, @Column(name = "end_second") int endSecond) {

	static StoredRange of(WorkingRange range) {
		TimeRange time = range.time();
		return new StoredRange(range.day(), time.startSecond(), time.endSecond());
	}

	WorkingRange toWorkingRange() {
		return WorkingRange.of(this.day, timeRange(this.startSecond, this.endSecond));
	}

	static TimeRange timeRange(int startSecond, int endSecond) {
		return new TimeRange(LocalTime.ofSecondOfDay(startSecond), LocalTime.ofSecondOfDay(endSecond % 86_400));
	}

}
