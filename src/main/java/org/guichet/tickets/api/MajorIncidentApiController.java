package org.guichet.tickets.api;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.guichet.directory.CurrentUser;
import org.guichet.tickets.MajorIncidents;
import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A ticket as a major incident (docs/API.md, "Major incidents"): flagging it, removing the flag,
 * its children. Changes are the IT team's (an agent who works on the ticket, or a supervisor):
 * 403 for anyone else; refusals are problem+json with {@code code} and {@code field}.
 */
@RestController
@RequestMapping(path = "/api/v1/tickets/{id}/major-incident", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("isAuthenticated()")
class MajorIncidentApiController {

	private final MajorIncidents majorIncidents;

	private final ApiTransactions transactions;

	MajorIncidentApiController(MajorIncidents majorIncidents, ApiTransactions transactions) {
		this.majorIncidents = majorIncidents;
		this.transactions = transactions;
	}

	/**
	 * @param reason why the priority is major (at most 500 characters); "Major incident" when absent
	 * @param version the ticket's version, when given (409 when it changed)
	 */
	record Flag(@Nullable String reason, @Nullable Long version) {
	}

	/** @param tickets the ids of the tickets to attach as children, all or none */
	record Children(@NotNull List<Long> tickets) {
	}

	/** Flags the ticket: its priority becomes MAJOR; answers the ticket ({@code majorIncident: true}). */
	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	TicketJson flag(@PathVariable long id, @RequestBody(required = false) @Nullable Flag request,
			@AuthenticationPrincipal CurrentUser by) {
		Flag flag = request == null ? new Flag(null, null) : request;
		return transactions.write(() -> majorIncidents.flag(new TicketId(id), flag.reason(), flag.version(), by),
				ticket -> TicketJson.of(ticket, by));
	}

	/** Removes the flag; the priority goes back to the matrix's. Answers the ticket. */
	@DeleteMapping
	TicketJson unflag(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			@AuthenticationPrincipal CurrentUser by) {
		return transactions.write(() -> majorIncidents.unflag(new TicketId(id), version, by),
				ticket -> TicketJson.of(ticket, by));
	}

	/** The ticket's children that the caller may see, by number. */
	@GetMapping("/children")
	List<TicketJson.TicketRef> children(@PathVariable long id, @AuthenticationPrincipal CurrentUser by) {
		return transactions.read(() -> majorIncidents.children(new TicketId(id), by)
			.stream()
			.map(TicketJson.TicketRef::of)
			.toList());
	}

	/** Attaches tickets to the major incident as its children; answers them. */
	@PostMapping(path = "/children", consumes = MediaType.APPLICATION_JSON_VALUE)
	List<TicketJson.TicketRef> attach(@PathVariable long id, @Validated @RequestBody Children request,
			@AuthenticationPrincipal CurrentUser by) {
		return transactions.write(() -> majorIncidents.attach(new TicketId(id), request.tickets(), by),
				children -> children.stream().map(TicketJson.TicketRef::of).toList());
	}

}
