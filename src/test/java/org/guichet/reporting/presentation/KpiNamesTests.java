package org.guichet.reporting.presentation;

import java.util.Locale;

import org.guichet.reporting.Kpi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One name per KPI, and a detail standing alone says which KPI it is a part of. */
class KpiNamesTests {

	private final KpiNames names = new KpiNames(ReportingMessages.bundles());

	@Test
	void aHeadlineIsCalledAsOnItsDashboardCard() {
		assertThat(names.name("meanTimeToOwn", Locale.ENGLISH)).isEqualTo("Mean time to take in charge");
		assertThat(names.name("meanTimeToOwn", Locale.FRENCH)).isEqualTo("Délai moyen de prise en charge");
	}

	@Test
	void aDetailStandingAloneNamesItsKpi() {
		assertThat(names.name("meanTimeToOwn.business", Locale.ENGLISH))
			.isEqualTo("Mean time to take in charge (business)");
		assertThat(names.name("reopenRate.reopened", Locale.ENGLISH)).isEqualTo("Reopen rate — Reopened");
		assertThat(names.name("escalationRate.escalated", Locale.FRENCH)).isEqualTo("Taux d’escalade — Escaladés");
	}

	@Test
	void everyKpiATargetMaySetOnHasANameOfItsOwnInBothLanguages() {
		for (Locale locale : new Locale[] { Locale.ENGLISH, Locale.FRENCH }) {
			for (String kpi : Kpi.NAMES) {
				String name = names.name(kpi, locale);
				assertThat(name).as(kpi).isNotEqualTo(kpi).doesNotContain("{").doesNotMatch(".*[a-z][A-Z].*");
			}
		}
	}

}
