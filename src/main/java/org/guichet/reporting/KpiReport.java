package org.guichet.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Every KPI of a filter, as computed at {@code asOf} (results are kept {@code guichet.kpis.max-age}).
 *
 * <p>
 * <b>Recurring incidents</b> ({@code recurringIncidents}) are not part of it: clustering a year of
 * incidents' titles does not fit the report's time budget, so {@link Kpis#recurringIncidents}
 * computes them on their own request, for the same filter (docs/KPIS.md, "Recurring incidents").
 *
 * @param asOf when the figures were computed (UTC)
 * @param filter the filter as applied: the caller's, narrowed to their scope
 * @param period the days counted ({@code filter.period()})
 * @param previousPeriod the days compared with ({@link KpiFilter#previousPeriod()})
 * @param kpis each KPI by its name ({@link Kpi#HEADLINES}, in that order)
 * @param breaches the SLA breaches whose deadline fell in the period, latest deadline first, at most
 * {@link #MAX_LISTED} (all of them: {@code slaCompliance.ttoBreaches} and
 * {@code slaCompliance.ttrBreaches} drill down)
 * @param comments the satisfaction comments of tickets closed in the period, latest closed first, at most
 * {@link #MAX_LISTED}
 */
public record KpiReport(Instant asOf, KpiFilter filter, DateRange period, DateRange previousPeriod,
		Map<String, Kpi> kpis, List<Breach> breaches, List<SatisfactionComment> comments) {

	/** The most breaches and comments a report lists. */
	public static final int MAX_LISTED = 100;

	public KpiReport {
		kpis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kpis));
		breaches = List.copyOf(breaches);
		comments = List.copyOf(comments);
	}

	/**
	 * The KPI of that name, a headline ({@code slaCompliance}) or a detail ({@code slaCompliance.tto}).
	 *
	 * @throws NoSuchElementException for a name the report has not
	 */
	public Kpi kpi(String name) {
		Kpi headline = kpis.get(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
		if (headline == null) {
			throw new NoSuchElementException("No KPI " + name);
		}
		if (headline.name().equals(name)) {
			return headline;
		}
		return headline.detail(name).orElseThrow(() -> new NoSuchElementException("No KPI " + name));
	}

}
