package org.guichet.reporting;

import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Computes the dashboard's default report and backlog trend once while the application starts,
 * before it reports itself ready, so that the first person to open the dashboard does not pay
 * for the code's first run (class loading, the JIT compiler, the database's caches). The results
 * are not kept: the first request still computes its figures from the database. Skipped when the
 * daily figures are not computed yet (a first start, a restore: the facts would be read ticket by
 * ticket). Off with {@code guichet.kpis.warm-up=false}.
 */
@Component
@ConditionalOnProperty(name = "guichet.kpis.warm-up", havingValue = "true", matchIfMissing = true)
class KpiWarmUp implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(KpiWarmUp.class);

	private final Kpis kpis;

	private final KpiReports reports;

	private final KpiSeries series;

	private final KpiTargets targets;

	private final KpiDaysKeeper keeper;

	private final Clock clock;

	KpiWarmUp(Kpis kpis, KpiReports reports, KpiSeries series, KpiTargets targets, KpiDaysKeeper keeper, Clock clock) {
		this.kpis = kpis;
		this.reports = reports;
		this.series = series;
		this.targets = targets;
		this.keeper = keeper;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		long started = System.nanoTime();
		try {
			if (!keeper.ready()) {
				log.info("KPI warm-up skipped: the daily figures are being computed");
				return;
			}
			KpiFilter filter = kpis.parse(Map.of());
			reports.report(filter, clock.instant(), targets.byName());
			series.backlogTrend(filter, clock.instant());
			log.info("KPI warm-up: the dashboard's default figures computed in {} ms", (System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException e) {
			log.warn("KPI warm-up failed; the first dashboard will be slower", e);
		}
	}

}
