package org.guichet.reporting.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A KPI as its dashboard card shows it: everything already written for the reader.
 *
 * @param name the KPI's stable name, also the key of its label ({@code reports.kpi.<name>}) and
 * definition ({@code reports.kpi.<name>.definition})
 * @param value the value written in the reader's language, null when no ticket was counted
 * @param count the tickets behind the value
 * @param link the agent's list of those tickets, null when no list shows exactly them
 * @param trend the comparison with the previous period
 * @param target the target written ({@code ≥ 95 %}), null when none is set
 * @param met whether the target is met, null without target or value
 * @param details the KPI's parts that have a label, in the report's order
 */
record KpiCard(String name, @Nullable String value, long count, @Nullable String link, Trend trend,
		@Nullable String target, @Nullable Boolean met, List<KpiCard> details) {

	/**
	 * @param direction UP, DOWN, SAME, or NONE when either period has no value
	 * @param previous the previous period's value written, null when none
	 * @param judgement {@code better}, {@code worse} or {@code same}; null when the KPI has no
	 * better direction (volumes) or there is nothing to compare
	 */
	record Trend(String direction, @Nullable String previous, @Nullable String judgement) {
	}

}
