package org.guichet.reporting;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.system.ForbiddenException;
import org.springframework.stereotype.Service;

/**
 * The rebuild command of the KPIs' daily figures ({@code kpi_day}, docs/KPIS.md "Daily figures"),
 * for after a restore: every day is computed again from the facts in the background, and reports
 * read the facts until it is done (a million tickets: about half a minute).
 */
@Service
public class KpiDaysRebuild {

	private final KpiDaysKeeper keeper;

	KpiDaysRebuild(KpiDaysKeeper keeper) {
		this.keeper = keeper;
	}

	/**
	 * Marks every day the facts count something on to be computed again.
	 *
	 * @return how many days are to be computed
	 * @throws ForbiddenException for anyone but an administrator
	 */
	public int rebuild(CurrentUser by) {
		if (!by.has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("kpi-days.rebuild.admin-only",
					"Only an administrator rebuilds the daily KPI figures");
		}
		return keeper.rebuild();
	}

}
