package org.guichet.reporting;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One KPI over a filter's period, compared with the previous period of the same length and with
 * its target. Definitions (formula, population, clock, edge cases): docs/KPIS.md "KPIs".
 *
 * @param name the stable camelCase name ({@link #NAMES}); a detail is named
 * {@code <kpi>.<detail>}, e.g. {@code slaCompliance.tto}
 * @param unit what {@code value} measures
 * @param value in {@code unit} (whole seconds for a duration, 0–1 for a ratio); null when no ticket
 * was counted (a rate over no ticket, a mean of nothing)
 * @param count the number of tickets behind the value (the population of a rate, the tickets a
 * time is averaged over, the tickets counted)
 * @param previousValue the same KPI over the previous period ({@link KpiFilter#previousPeriod()}); null
 * when nothing was counted then
 * @param target the administrator's target, null when none is set
 * @param met whether {@code value} meets the target; null without target or without value
 * @param drillDown the ticket-list parameters (DESIGN9 §2) that list exactly the {@code count}
 * tickets; null when no combination of those parameters lists exactly them (docs/KPIS.md says
 * which, and which detail lists its parts)
 * @param details the KPI's parts (other clock, percentiles, breakdowns, the numerator of a rate),
 * each a KPI with its own name, count and drill-down; empty when none
 */
public record Kpi(String name, KpiUnit unit, @Nullable Double value, long count, @Nullable Double previousValue,
		@Nullable KpiTarget target, @Nullable Boolean met, @Nullable Map<String, String> drillDown,
		List<Kpi> details) {

	public static final String MEAN_RESOLUTION_TIME = "meanResolutionTime";

	public static final String MEDIAN_RESOLUTION_TIME = "medianResolutionTime";

	public static final String MEAN_TIME_TO_OWN = "meanTimeToOwn";

	public static final String MEAN_TIME_TO_FIRST_RESPONSE = "meanTimeToFirstResponse";

	public static final String SLA_COMPLIANCE = "slaCompliance";

	public static final String REOPEN_RATE = "reopenRate";

	public static final String BACKLOG = "backlog";

	public static final String SATISFACTION = "satisfaction";

	public static final String FIRST_CONTACT_RESOLUTION = "firstContactResolution";

	public static final String FIRST_LEVEL_RESOLUTION = "firstLevelResolution";

	public static final String ESCALATION_RATE = "escalationRate";

	public static final String APPROVAL_DELAY = "approvalDelay";

	public static final String VOLUMES = "volumes";

	/** The KPIs of a report, in the order it gives them (recurring incidents are their own part). */
	public static final List<String> HEADLINES = List.of(MEAN_RESOLUTION_TIME, MEDIAN_RESOLUTION_TIME,
			MEAN_TIME_TO_OWN, MEAN_TIME_TO_FIRST_RESPONSE, SLA_COMPLIANCE, REOPEN_RATE, BACKLOG, SATISFACTION,
			FIRST_CONTACT_RESOLUTION, FIRST_LEVEL_RESOLUTION, ESCALATION_RATE, APPROVAL_DELAY, VOLUMES);

	/**
	 * Every name a target may be set on (the headlines and the details with a value of their own),
	 * with the unit of its value, in the order of the report.
	 */
	public static final Map<String, KpiUnit> UNITS = units();

	/** Every name a target may be set on: the keys of {@link #UNITS}. */
	public static final Set<String> NAMES = UNITS.keySet();

	private static Map<String, KpiUnit> units() {
		Map<String, KpiUnit> units = new LinkedHashMap<>();
		for (String name : List.of(MEAN_RESOLUTION_TIME, "meanResolutionTime.business", MEDIAN_RESOLUTION_TIME,
				"medianResolutionTime.p90", "medianResolutionTime.business", "medianResolutionTime.businessP90",
				MEAN_TIME_TO_OWN, "meanTimeToOwn.business", MEAN_TIME_TO_FIRST_RESPONSE, APPROVAL_DELAY)) {
			units.put(name, KpiUnit.DURATION);
		}
		for (String name : List.of(SLA_COMPLIANCE, "slaCompliance.tto", REOPEN_RATE, SATISFACTION,
				"satisfaction.responseRate", FIRST_CONTACT_RESOLUTION, FIRST_LEVEL_RESOLUTION, ESCALATION_RATE)) {
			units.put(name, KpiUnit.RATIO);
		}
		units.put("satisfaction.average", KpiUnit.RATING);
		for (String name : List.of("slaCompliance.ttrBreaches", "slaCompliance.ttoBreaches", BACKLOG,
				"approvalDelay.refused", VOLUMES)) {
			units.put(name, KpiUnit.COUNT);
		}
		return Collections.unmodifiableMap(units);
	}

	public Kpi {
		details = List.copyOf(details);
		drillDown = drillDown == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(drillDown));
	}

	/** The detail of that full name ({@code slaCompliance.tto}), searched at any depth. */
	public Optional<Kpi> detail(String detailName) {
		for (Kpi detail : details) {
			if (detail.name.equals(detailName)) {
				return Optional.of(detail);
			}
			Optional<Kpi> deeper = detail.detail(detailName);
			if (deeper.isPresent()) {
				return deeper;
			}
		}
		return Optional.empty();
	}

}
