package org.guichet.reporting.presentation;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The name of a KPI or of one of its details for people, from the one set of keys the dashboard
 * uses ({@code reports.kpi.<name>}): a headline KPI by its own name; a detail
 * ({@code meanTimeToOwn.business}) standing alone — on the targets page, in the service review —
 * by its full name {@code reports.kpi.<name>.full} when the bundle has one, else its parent's name
 * and its own ({@code Mean time to take in charge — In business time}). The dashboard shows a
 * detail's own short label under its parent's card.
 */
@Component
public class KpiNames {

	private final MessageSource messages;

	public KpiNames(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * @param kpi a KPI's stable name or a detail's ({@code parent.detail})
	 * @return its name standing alone, in the reader's language; the stable name itself when the
	 * bundles know it not
	 */
	public String name(String kpi, Locale locale) {
		int dot = kpi.indexOf('.');
		if (dot < 0) {
			return messages.getMessage("reports.kpi." + kpi, null, kpi, locale);
		}
		String full = messages.getMessage("reports.kpi." + kpi + ".full", null, null, locale);
		if (full != null) {
			return full;
		}
		String own = messages.getMessage("reports.kpi." + kpi, null, null, locale);
		if (own == null) {
			return kpi;
		}
		return messages.getMessage("reports.kpi.detail-name", new Object[] { name(kpi.substring(0, dot), locale), own },
				locale);
	}

}
