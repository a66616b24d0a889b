package org.guichet.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * How many tickets were open at the end of each day of a period (from the spans each ticket was
 * open: NEW, ASSIGNED, IN_PROGRESS or PENDING).
 *
 * @param period the days
 * @param days one point per day of the period, in order
 */
public record BacklogTrend(DateRange period, List<Point> days) {

	public BacklogTrend {
		days = List.copyOf(days);
	}

	/**
	 * @param day a local day in {@code guichet.time-zone}
	 * @param open the tickets open at the day's end (the next day's 00:00 local, docs/KPIS.md "Open spans"); for today,
	 * the tickets open now
	 */
	public record Point(LocalDate day, long open) {
	}

}
