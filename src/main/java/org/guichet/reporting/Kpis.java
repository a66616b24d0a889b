package org.guichet.reporting;

import java.time.LocalDate;

import org.guichet.directory.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * The desk's KPIs over a filter, for the people allowed to see them: supervisors and
 * administrators see every ticket's figures; a technician sees their own figures and their
 * groups'; a requester sees none (403). Results are kept {@code guichet.kpis.max-age} per
 * (filter, scope). Read-only: computed over the tickets module's published read model.
 */
@Service
public class Kpis {

	/** Today in {@code guichet.time-zone}: the date the filters' presets count from. */
	public LocalDate today() {
		throw new UnsupportedOperationException("being built");
	}

	/**
	 * The filter narrowed to what the user may see: unchanged for a supervisor or an
	 * administrator; for a technician, their own figures ({@code technician} = themselves) when it
	 * names neither a group nor a technician.
	 *
	 * @throws org.guichet.system.ForbiddenException for a requester, and for a technician whose
	 * filter names another technician or a group they are not a member of
	 */
	public KpiFilter scoped(KpiFilter filter, CurrentUser user) {
		throw new UnsupportedOperationException("being built");
	}

	/**
	 * Every KPI over the filter's period, each with its previous-period value and target.
	 *
	 * @throws org.guichet.system.ForbiddenException as {@link #scoped}
	 */
	public KpiReport report(KpiFilter filter, CurrentUser user) {
		throw new UnsupportedOperationException("being built");
	}

	/**
	 * The tickets open at the end of each day of the filter's period.
	 *
	 * @throws org.guichet.system.ForbiddenException as {@link #scoped}
	 */
	public BacklogTrend backlogTrend(KpiFilter filter, CurrentUser user) {
		throw new UnsupportedOperationException("being built");
	}

	/**
	 * The volumes of the filter's period per day or week, by dimension, and the heatmap.
	 *
	 * @throws org.guichet.system.ForbiddenException as {@link #scoped}
	 */
	public Volumes volumes(KpiFilter filter, Granularity granularity, CurrentUser user) {
		throw new UnsupportedOperationException("being built");
	}

}
