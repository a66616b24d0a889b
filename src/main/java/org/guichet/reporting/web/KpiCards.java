package org.guichet.reporting.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.reporting.Kpi;
import org.guichet.reporting.KpiComparison;
import org.guichet.reporting.KpiTarget;
import org.guichet.reporting.KpiUnit;
import org.guichet.reporting.presentation.KpiFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a report's KPIs into cards: values written for the reader, the trend against the
 * previous period judged better or worse, the target and its verdict, the drill-down link.
 */
@Component
class KpiCards {

	/**
	 * Which way a KPI is better when it has no target to say so: times, reopenings, backlog and
	 * escalations are better lower; compliance, satisfaction and resolution at first contact or
	 * level better higher; volumes are neither.
	 */
	private static final Map<String, KpiComparison> BETTER = Map.ofEntries(
			Map.entry(Kpi.MEAN_RESOLUTION_TIME, KpiComparison.AT_MOST),
			Map.entry(Kpi.MEDIAN_RESOLUTION_TIME, KpiComparison.AT_MOST),
			Map.entry(Kpi.MEAN_TIME_TO_OWN, KpiComparison.AT_MOST),
			Map.entry(Kpi.MEAN_TIME_TO_FIRST_RESPONSE, KpiComparison.AT_MOST),
			Map.entry(Kpi.SLA_COMPLIANCE, KpiComparison.AT_LEAST), Map.entry(Kpi.REOPEN_RATE, KpiComparison.AT_MOST),
			Map.entry(Kpi.BACKLOG, KpiComparison.AT_MOST), Map.entry(Kpi.SATISFACTION, KpiComparison.AT_LEAST),
			Map.entry(Kpi.FIRST_CONTACT_RESOLUTION, KpiComparison.AT_LEAST),
			Map.entry(Kpi.FIRST_LEVEL_RESOLUTION, KpiComparison.AT_LEAST),
			Map.entry(Kpi.ESCALATION_RATE, KpiComparison.AT_MOST));

	private final KpiFormat format;

	private final MessageSource messages;

	KpiCards(KpiFormat format, MessageSource messages) {
		this.format = format;
		this.messages = messages;
	}

	/** The card of a headline KPI, with its labelled details. */
	KpiCard card(Kpi kpi, Locale locale) {
		List<KpiCard> details = kpi.details()
			.stream()
			.filter(detail -> messages.getMessage("reports.kpi." + detail.name(), null, null, locale) != null)
			.map(detail -> card(detail, List.of(), locale))
			.toList();
		return card(kpi, details, locale);
	}

	private KpiCard card(Kpi kpi, List<KpiCard> details, Locale locale) {
		KpiTarget target = kpi.target();
		return new KpiCard(kpi.name(), written(kpi.unit(), kpi.value(), locale), kpi.count(),
				kpi.count() == 0 ? null : ReportLinks.tickets(kpi.drillDown()), trend(kpi, locale),
				target == null ? null : messages.getMessage(target.comparison() == KpiComparison.AT_LEAST
						? "reports.target.at-least" : "reports.target.at-most",
						new Object[] { format.format(kpi.unit(), target.value(), locale) }, locale),
				kpi.met(), details);
	}

	private KpiCard.Trend trend(Kpi kpi, Locale locale) {
		Double now = kpi.value();
		Double before = kpi.previousValue();
		String previous = written(kpi.unit(), before, locale);
		if (now == null || before == null) {
			return new KpiCard.Trend("NONE", previous, null);
		}
		int compared = Double.compare(rounded(kpi.unit(), now), rounded(kpi.unit(), before));
		if (compared == 0) {
			return new KpiCard.Trend("SAME", previous, "same");
		}
		KpiComparison better = kpi.target() != null ? kpi.target().comparison() : BETTER.get(kpi.name());
		String judgement = better == null ? null
				: (compared > 0) == (better == KpiComparison.AT_LEAST) ? "better" : "worse";
		return new KpiCard.Trend(compared > 0 ? "UP" : "DOWN", previous, judgement);
	}

	/** The value as the card shows it, so that a change too small to show is no change. */
	private static double rounded(KpiUnit unit, double value) {
		return switch (unit) {
			case DURATION -> Math.round(value / 60.0);
			case RATIO -> Math.round(value * 1000);
			case RATING -> Math.round(value * 10);
			case COUNT -> Math.round(value);
		};
	}

	private @Nullable String written(KpiUnit unit, @Nullable Double value, Locale locale) {
		return value == null ? null : format.format(unit, value, locale);
	}

}
