package org.guichet.reporting;

import java.time.ZoneId;
import java.util.List;

import org.guichet.assist.SelfServiceOffers;
import org.guichet.directory.CurrentUser;
import org.guichet.knowledge.DeflectionFigures;
import org.guichet.knowledge.Deflections;
import org.guichet.system.ForbiddenException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The self-service deflection rate over a filter's period (docs/KPIS.md "Deflection"), from the
 * knowledge base's suggestion sessions ({@link Deflections}): the sessions of the portal's
 * new-ticket form started in the period where articles were suggested, and of them those a
 * suggested article answered. It counts sessions, not tickets: the filter's dimensions do not
 * narrow it, and it has no drill-down.
 */
@Service
public class DeflectionKpi {

	/** The KPI's name in the API and the bundles. */
	public static final String NAME = "deflectionRate";

	private final Deflections deflections;

	private final SelfServiceOffers selfService;

	private final ZoneId zone;

	DeflectionKpi(Deflections deflections, SelfServiceOffers selfService,
			@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.deflections = deflections;
		this.selfService = selfService;
		this.zone = zone;
	}

	/**
	 * The deflection rate of the filter's period, compared with its previous period: value
	 * deflections / sessions with a suggestion shown (0–1, null when none), count those sessions;
	 * details {@code deflectionRate.ofOpened} (deflections / sessions where a suggestion was
	 * opened), {@code deflectionRate.opened} and {@code deflectionRate.deflected} (counts), and
	 * {@code deflectionRate.selfServiceResolved}: the tickets resolved in the period by their
	 * requester with the article offered to them (a count of tickets, outside the rate: a ticket was
	 * filed, then answered by the knowledge base).
	 *
	 * @throws ForbiddenException for anyone outside the IT team
	 */
	public Kpi of(KpiFilter filter, CurrentUser user) {
		if (!user.isAgent()) {
			throw new ForbiddenException("kpis.agents-only", "Only the IT team sees the desk's figures");
		}
		DeflectionFigures now = figures(filter.period());
		DeflectionFigures before = figures(filter.previousPeriod());
		List<Kpi> details = List.of(
				new Kpi(NAME + ".ofOpened", KpiUnit.RATIO, now.rateOfOpened(), now.opened(), before.rateOfOpened(), null,
						null, null, List.of()),
				new Kpi(NAME + ".opened", KpiUnit.COUNT, (double) now.opened(), now.opened(), (double) before.opened(),
						null, null, null, List.of()),
				new Kpi(NAME + ".deflected", KpiUnit.COUNT, (double) now.deflected(), now.deflected(),
						(double) before.deflected(), null, null, null, List.of()),
				selfServiceResolved(filter));
		return new Kpi(NAME, KpiUnit.RATIO, now.rate(), now.shown(), before.rate(), null, null, null, details);
	}

	/** The tickets resolved by self-service in the period and in the previous one ({@link SelfServiceOffers#resolvedBetween}). */
	private Kpi selfServiceResolved(KpiFilter filter) {
		long now = selfService.resolvedBetween(filter.period().start(zone), filter.period().end(zone));
		long before = selfService.resolvedBetween(filter.previousPeriod().start(zone), filter.previousPeriod().end(zone));
		return new Kpi(NAME + ".selfServiceResolved", KpiUnit.COUNT, (double) now, now, (double) before, null, null, null,
				List.of());
	}

	/** The period's figures, as {@link Deflections#figures} counts them. */
	public DeflectionFigures figures(DateRange period) {
		return deflections.figures(period.start(zone), period.end(zone));
	}

}
