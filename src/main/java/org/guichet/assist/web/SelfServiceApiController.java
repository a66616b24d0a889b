package org.guichet.assist.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.guichet.assist.SelfServiceOffers;
import org.guichet.directory.CurrentUser;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/tickets/{id}/self-service-resolution}: the requester says the article
 * offered for their ticket solved their problem (its JSON's {@code selfService.offered}); the
 * ticket is resolved by self-service and closed. 400 naming {@code articleId} when it is missing
 * or not the article offered, 403 for anyone but the requester, 409 when no article is offered
 * now (someone took the ticket, it is resolved…).
 */
@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "Tickets")
class SelfServiceApiController {

	private final SelfServiceOffers offers;

	SelfServiceApiController(SelfServiceOffers offers) {
		this.offers = offers;
	}

	@PostMapping(path = "/api/v1/tickets/{id}/self-service-resolution", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The requester resolves their ticket with the article offered to them (self-service): "
			+ "resolved and closed at once")
	ResolutionJson resolve(@PathVariable long id, @RequestBody ResolutionRequest request,
			@AuthenticationPrincipal CurrentUser by) {
		Ticket ticket = offers.resolve(new TicketId(id), request.articleId(), SelfServiceOffers.WayIn.API, by);
		return new ResolutionJson(id, ticket.getStatus().name(), String.valueOf(ticket.getSolutionKind()),
				request.articleId(), ticket.getResolvedAt());
	}

	/** @param articleId the article offered */
	record ResolutionRequest(long articleId) {
	}

	/**
	 * The ticket once resolved.
	 *
	 * @param status {@code CLOSED}
	 * @param solutionKind {@code SELF_SERVICE}
	 * @param resolvedAt when (UTC)
	 */
	record ResolutionJson(long ticketId, String status, String solutionKind, long articleId,
			@Nullable Instant resolvedAt) {
	}

}
