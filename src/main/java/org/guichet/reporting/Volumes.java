package org.guichet.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The volumes of a period: tickets created, resolved and closed per day or week, the tickets
 * created by each dimension, and the weekday × hour heatmap of creations. Every count carries the
 * ticket-list parameters (DESIGN9 §2) that list exactly its tickets.
 *
 * @param period the days counted
 * @param granularity the step of {@code series}
 * @param series one point per step, in order, steps without tickets included
 * @param byDimension per dimension, one count per value met (most tickets first, then by key); a
 * ticket without a value (no group, no technician, no category) is not in that dimension
 * @param heatmap one cell per (weekday, hour) with at least one ticket, by weekday then hour
 */
public record Volumes(DateRange period, Granularity granularity, List<Point> series,
		Map<VolumeDimension, List<DimensionCount>> byDimension, List<HeatmapCell> heatmap) {

	/**
	 * @param start the step's first day (local)
	 * @param end the step's last day (local), included
	 * @param created tickets created in the step
	 * @param resolved tickets whose standing resolution falls in the step
	 * @param closed tickets closed in the step
	 * @param drillDowns the ticket-list parameters that list each count's tickets, by the name of the
	 * count: {@code created}, {@code resolved}, {@code closed}
	 */
	public record Point(LocalDate start, LocalDate end, long created, long resolved, long closed,
			Map<String, Map<String, String>> drillDowns) {

		public Point {
			drillDowns = Map.copyOf(drillDowns);
		}

	}

	/**
	 * @param key the value: an enum name, or an id for a category, group or technician
	 * @param label its name to show (category path, group name, technician's full name); the key
	 * when nothing better is known
	 * @param created tickets created in the period with that value now
	 * @param drillDown the ticket-list parameters that list them
	 */
	public record DimensionCount(String key, @Nullable String label, long created, Map<String, String> drillDown) {
	}

	/**
	 * @param weekday ISO weekday of creation, 1 = Monday, local
	 * @param hour hour of creation, 0–23, local
	 * @param created tickets created in the period at that weekday and hour
	 * @param drillDown the ticket-list parameters that list them
	 */
	public record HeatmapCell(int weekday, int hour, long created, Map<String, String> drillDown) {
	}

}
