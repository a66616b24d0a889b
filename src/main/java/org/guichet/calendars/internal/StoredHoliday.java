package org.guichet.calendars.internal;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.guichet.calendars.Holiday;
import org.jspecify.annotations.Nullable;

/** A holiday of any kind in one row: only the columns of its kind are set. */
@Embeddable
record StoredHoliday(@Enumerated(EnumType.STRING) @Column(name = "kind") Kind kind,
		@Column(name = "first_date") @Nullable LocalDate firstDate, @Column(name = "last_date") @Nullable LocalDate lastDate,
		@Column(name = "yearly_month") @Nullable Integer yearlyMonth, @Column(name = "yearly_day") @Nullable Integer yearlyDay,
		@Column(name = "days_after_easter") @Nullable Integer daysAfterEaster, @Column(name = "label") @Nullable String label) {

	enum Kind {

		ON, BETWEEN, YEARLY, EASTER_OFFSET

	}

	static StoredHoliday of(Holiday holiday, @Nullable String label) {
		if (holiday instanceof Holiday.OnDate on) {
			return new StoredHoliday(Kind.ON, on.date(), null, null, null, null, label);
		}
		if (holiday instanceof Holiday.Between between) {
			return new StoredHoliday(Kind.BETWEEN, between.first(), between.last(), null, null, null, label);
		}
		if (holiday instanceof Holiday.Yearly yearly) {
			return new StoredHoliday(Kind.YEARLY, null, null, yearly.day().getMonthValue(), yearly.day().getDayOfMonth(),
					null, label);
		}
		Holiday.EasterRelative easter = (Holiday.EasterRelative) holiday;
		return new StoredHoliday(Kind.EASTER_OFFSET, null, null, null, null, easter.daysAfterEaster(), label);
	}

	Holiday toHoliday() {
		return switch (this.kind) {
			case ON -> Holiday.on(Objects.requireNonNull(this.firstDate));
			case BETWEEN -> Holiday.between(Objects.requireNonNull(this.firstDate), Objects.requireNonNull(this.lastDate));
			case YEARLY -> Holiday.yearly(
					MonthDay.of(Objects.requireNonNull(this.yearlyMonth), Objects.requireNonNull(this.yearlyDay)));
			case EASTER_OFFSET -> Holiday.daysAfterEaster(Objects.requireNonNull(this.daysAfterEaster));
		};
	}

}
