package org.guichet.demo;

import java.time.Duration;
import java.util.List;

import org.guichet.demo.DemoOrganisation.Organisation;
import org.guichet.directory.CurrentUser;
import org.guichet.reporting.Kpi;
import org.guichet.reporting.KpiComparison;
import org.guichet.reporting.KpiTarget;
import org.guichet.reporting.KpiTargets;
import org.springframework.stereotype.Component;

/**
 * The demo desk's KPI targets, set by its administrator through {@link KpiTargets} as a desk
 * would set its own: the usual commitments of an IT service desk, some of which the demo's four
 * months meet (time to own, first-contact resolution, backlog) and some of which they miss (SLA
 * compliance, satisfaction, reopen rate), so that the reports show both.
 */
@Component
class DemoKpiTargets {

	private final KpiTargets targets;

	DemoKpiTargets(KpiTargets targets) {
		this.targets = targets;
	}

	void create(Organisation organisation) {
		targets.replace(List.of(new KpiTarget(Kpi.SLA_COMPLIANCE, KpiComparison.AT_LEAST, 0.95),
				new KpiTarget(Kpi.MEAN_TIME_TO_OWN, KpiComparison.AT_MOST, Duration.ofHours(2).toSeconds()),
				new KpiTarget(Kpi.SATISFACTION, KpiComparison.AT_LEAST, 0.8),
				new KpiTarget(Kpi.REOPEN_RATE, KpiComparison.AT_MOST, 0.05),
				new KpiTarget(Kpi.FIRST_CONTACT_RESOLUTION, KpiComparison.AT_LEAST, 0.2),
				new KpiTarget(Kpi.BACKLOG, KpiComparison.AT_MOST, 30)), new CurrentUser(organisation.person("admin")));
	}

}
