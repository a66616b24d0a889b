package org.guichet.reporting;

import java.util.List;

import org.guichet.directory.CurrentUser;
import org.springframework.stereotype.Service;

/** The administrators' targets of the KPIs (at most one per KPI name). */
@Service
public class KpiTargets {

	/**
	 * Every target set, by KPI name.
	 *
	 * @throws org.guichet.system.ForbiddenException for a requester
	 */
	public List<KpiTarget> list(CurrentUser user) {
		throw new UnsupportedOperationException("being built");
	}

	/**
	 * Replaces every target by these (none: no target at all).
	 *
	 * @return the targets now set, by KPI name
	 * @throws org.guichet.system.ForbiddenException for anyone but an administrator
	 * @throws org.guichet.system.InvalidInputException for an unknown KPI name, a KPI named twice, a
	 * ratio outside 0–1, a rating outside 1–5, a negative duration or count
	 */
	public List<KpiTarget> replace(List<KpiTarget> targets, CurrentUser user) {
		throw new UnsupportedOperationException("being built");
	}

}
