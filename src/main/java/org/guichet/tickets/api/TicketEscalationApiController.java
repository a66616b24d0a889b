package org.guichet.tickets.api;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.Size;
import org.guichet.directory.CurrentUser;
import org.guichet.system.MultiLine;
import org.guichet.tickets.EscalationKind;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A ticket's escalations: an agent escalates it to a higher support level or to a supervisor;
 * the list also shows those its SLA policy's levels made. Escalations are the IT team's own work:
 * anyone else gets 404, reading or writing (see {@link TicketManagement#internal}).
 */
@RestController
@RequestMapping(path = "/api/v1/tickets/{id}/escalations", produces = MediaType.APPLICATION_JSON_VALUE)
class TicketEscalationApiController {

	private final TicketManagement tickets;

	private final ApiTransactions transactions;

	TicketEscalationApiController(TicketManagement tickets, ApiTransactions transactions) {
		this.tickets = tickets;
		this.transactions = transactions;
	}

	/**
	 * @param kind FUNCTIONAL (with {@code groupId}, optionally {@code assigneeId}) or
	 * HIERARCHICAL
	 * @param version the version the escalation was decided on, when given
	 */
	record EscalationRequest(EscalationKind kind, @Nullable Long groupId, @Nullable Long assigneeId,
			@Nullable @Size(max = 2000) @MultiLine String reason, @Nullable Long version) {
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	List<EscalationJson> list(@PathVariable long id, @AuthenticationPrincipal CurrentUser by) {
		return transactions.read(
				() -> tickets.escalations(new TicketId(id), by).stream().map(EscalationJson::of).toList());
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<EscalationJson> escalate(@PathVariable long id, @Validated @RequestBody EscalationRequest request,
			@AuthenticationPrincipal CurrentUser by) {
		EscalationJson escalation = transactions.write(() -> tickets.escalate(new TicketId(id), request.kind(),
				request.groupId(), request.assigneeId(), request.reason(), request.version(), by), EscalationJson::of);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/escalations"))
			.body(escalation);
	}

}
