package org.guichet.tickets.api;

import org.guichet.directory.CurrentUser;
import org.guichet.tickets.TicketFactsRebuild;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rebuild command of the ticket facts the KPIs read, for after a restore: every ticket is
 * queued and its facts are derived again from its history in the background (202, with how many
 * tickets wait). Administrators only (403 problem+json otherwise).
 */
@RestController
class TicketFactsApiController {

	private final TicketFactsRebuild facts;

	TicketFactsApiController(TicketFactsRebuild facts) {
		this.facts = facts;
	}

	/** How many tickets wait for their facts to be derived. */
	record Queued(long queued) {
	}

	@PostMapping(path = "/api/v1/admin/ticket-facts/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	Queued rebuild(@AuthenticationPrincipal CurrentUser caller) {
		return new Queued(facts.rebuild(caller));
	}

}
