package org.guichet.reporting.api;

import org.guichet.directory.CurrentUser;
import org.guichet.reporting.KpiDaysRebuild;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rebuild command of the KPIs' daily figures, for after a restore: every day is computed
 * again from the ticket facts in the background (202, with how many days). Administrators only
 * (403 problem+json otherwise).
 */
@RestController
class KpiDaysApiController {

	private final KpiDaysRebuild days;

	KpiDaysApiController(KpiDaysRebuild days) {
		this.days = days;
	}

	/** How many days are to be computed again. */
	record Queued(int days) {
	}

	@PostMapping(path = "/api/v1/admin/kpi-days/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	Queued rebuild(@AuthenticationPrincipal CurrentUser caller) {
		return new Queued(days.rebuild(caller));
	}

}
