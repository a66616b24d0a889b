package org.guichet.presentation.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.guichet.reporting.Kpi;
import org.guichet.reporting.KpiReport;
import org.guichet.reporting.presentation.KpiFormat;
import org.guichet.reporting.presentation.KpiNames;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The KPI summary of the pack: each headline KPI of the period written as the dashboard and the
 * service review write it (the reporting module's own names and formats).
 */
@Component
class PackKpis {

	private final KpiNames names;

	private final KpiFormat format;

	PackKpis(KpiNames names, KpiFormat format) {
		this.names = names;
		this.format = format;
	}

	/**
	 * One KPI as the summary shows it.
	 *
	 * @param value the period's value, null when nothing was counted
	 * @param previous the previous period's, null when nothing was counted then
	 * @param target the target's value, null when none is set
	 * @param met whether the value meets the target, null without either
	 */
	public record Row(String name, @Nullable String value, long count, @Nullable String previous, @Nullable String target,
			@Nullable Boolean met) {
	}

	List<Row> rows(KpiReport report, Locale locale) {
		List<Row> rows = new ArrayList<>();
		for (String name : Kpi.HEADLINES) {
			Kpi kpi = report.kpis().get(name);
			if (kpi == null) {
				continue;
			}
			rows.add(new Row(names.name(name, locale), written(kpi, kpi.value(), locale), kpi.count(),
					written(kpi, kpi.previousValue(), locale),
					kpi.target() == null ? null : written(kpi, kpi.target().value(), locale), kpi.met()));
		}
		return rows;
	}

	private @Nullable String written(Kpi kpi, @Nullable Double value, Locale locale) {
		return value == null ? null : format.format(kpi.unit(), value, locale);
	}

}
