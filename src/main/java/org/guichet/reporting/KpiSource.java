package org.guichet.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.guichet.reporting.KpiQueries.Closed;
import org.guichet.reporting.KpiQueries.Created;
import org.guichet.reporting.KpiQueries.Resolved;
import org.guichet.reporting.KpiQueries.Verdicts;

/**
 * The figures of one filter's tickets, from wherever {@link KpiSources} found them: the facts
 * ticket by ticket, or the daily figures. Both give exactly the same numbers (docs/KPIS.md
 * "Daily figures"). Periods are whole local days in {@code guichet.time-zone}.
 */
interface KpiSource {

	/** The figures of the period's tickets by each edge. */
	record Figures(Resolved resolved, Created created, Closed closed, Verdicts tto, Verdicts ttr) {
	}

	Figures figures(DateRange period);

	/**
	 * The tickets open at each instant (docs/KPIS.md "Open spans").
	 *
	 * @param instants in increasing order, at least one; each a local midnight, or at or after
	 * every instant the facts hold (now)
	 */
	List<Long> openAt(List<Instant> instants);

	/**
	 * The period's tickets per local day by edge, days without any left out of each map, and the
	 * tickets created per local ISO weekday and hour, read together (the volumes' series and
	 * heatmap: the daily figures' rows of the period are read once for all four).
	 *
	 * @param created tickets created per day
	 * @param resolved tickets whose standing resolution fell on the day
	 * @param closed tickets closed on the day
	 * @param heatmap {weekday, hour, count} for the counts above 0, by weekday then hour
	 */
	record DayCounts(Map<LocalDate, Long> created, Map<LocalDate, Long> resolved, Map<LocalDate, Long> closed,
			List<long[]> heatmap) {
	}

	DayCounts dayCounts(DateRange period);

	/** Tickets created in the period by value of one dimension, as {@link KpiQueries#createdBy} gives them. */
	List<Map.Entry<String, Long>> createdBy(VolumeDimension dimension, DateRange period);

}
