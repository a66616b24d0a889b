package org.guichet.calendars.internal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.guichet.calendars.TimeRange;

/** One working range of an exceptional opening; an opening is the rows of its date. */
@Embeddable
record StoredOpeningRange(@Column(name = "opening_date") LocalDate date, @Column(name = "start_second") int startSecond,
		@Column(name = "end_second") int endSecond) {

	static StoredOpeningRange of(LocalDate date, TimeRange range) {
		return new StoredOpeningRange(date, range.startSecond(), range.endSecond());
	}

	TimeRange toTimeRange() {
		return StoredRange.timeRange(this.startSecond, this.endSecond);
	}

}
