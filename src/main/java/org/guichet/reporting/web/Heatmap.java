package org.guichet.reporting.web;

import java.util.ArrayList;
import java.util.List;

import org.guichet.reporting.Volumes;
import org.jspecify.annotations.Nullable;

/**
 * The tickets created by weekday (rows, Monday first) and hour of the day (columns, 0–23), shaded
 * in six steps from none to the busiest cell.
 *
 * @param days seven rows, ISO weekday 1 (Monday) to 7
 */
record Heatmap(List<Day> days) {

	/** The number of shades above "none". */
	static final int SHADES = 5;

	/**
	 * @param weekday ISO weekday, 1 = Monday
	 * @param hours 24 cells, hour 0 first
	 */
	record Day(int weekday, List<Cell> hours) {
	}

	/**
	 * @param hour 0–23
	 * @param count tickets created
	 * @param shade 0 for none, 1 to {@link #SHADES} from the fewest to the most
	 * @param link the agent's list of those tickets, null when none
	 */
	record Cell(int hour, long count, int shade, @Nullable String link) {
	}

	/** The heatmap of a period's volumes; cells not in {@code volumes} have no ticket. */
	static Heatmap of(Volumes volumes) {
		long[][] counts = new long[7][24];
		String[][] links = new String[7][24];
		long most = 0;
		for (Volumes.HeatmapCell cell : volumes.heatmap()) {
			counts[cell.weekday() - 1][cell.hour()] = cell.created();
			links[cell.weekday() - 1][cell.hour()] = ReportLinks.tickets(cell.drillDown());
			most = Math.max(most, cell.created());
		}
		List<Day> days = new ArrayList<>();
		for (int day = 0; day < 7; day++) {
			List<Cell> hours = new ArrayList<>();
			for (int hour = 0; hour < 24; hour++) {
				long count = counts[day][hour];
				int shade = count == 0 ? 0 : (int) Math.max(1, Math.ceil(SHADES * (double) count / most));
				hours.add(new Cell(hour, count, shade, count == 0 ? null : links[day][hour]));
			}
			days.add(new Day(day + 1, hours));
		}
		return new Heatmap(days);
	}

}
