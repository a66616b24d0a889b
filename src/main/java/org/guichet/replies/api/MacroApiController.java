package org.guichet.replies.api;

import java.net.URI;
import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.replies.InvalidDefinitionException;
import org.guichet.replies.Macro;
import org.guichet.replies.Macros;
import org.guichet.system.IfMatch;
import org.guichet.tickets.Priority;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Macros, for the IT team: those one may apply (own and shared with one's groups), managed by
 * their owner or, shared ones, by the group's supervisors and administrators; and applying one
 * to a ticket, all or nothing.
 */
@RestController
@PreAuthorize(CannedReplyApiController.AGENTS)
class MacroApiController {

	private static final String BASE = "/api/v1/macros";

	private final Macros macros;

	private final MessageSource messages;

	MacroApiController(Macros macros, MessageSource messages) {
		this.macros = macros;
		this.messages = messages;
	}

	/** The macros the caller may apply, by name; with {@code managed=true}, those the caller manages. */
	@GetMapping(path = BASE, produces = MediaType.APPLICATION_JSON_VALUE)
	List<MacroJson> list(@RequestParam(defaultValue = "false") boolean managed,
			@AuthenticationPrincipal CurrentUser me) {
		return (managed ? macros.manageable(me) : macros.usable(me)).stream().map(MacroJson::of).toList();
	}

	@GetMapping(path = BASE + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	MacroJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		return MacroJson.of(macros.get(id, me));
	}

	@PostMapping(path = BASE, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<MacroJson> create(@RequestBody MacroJson json, @AuthenticationPrincipal CurrentUser me) {
		Macro macro = macros.create(json.definition(), me);
		return ResponseEntity.created(URI.create(BASE + "/" + macro.getId())).body(MacroJson.of(macro));
	}

	/**
	 * Replaces the steps, made on the version named by {@code If-Match} or the body's {@code version}
	 * (428 without either; 412 {@code record.version-stale} with {@code currentVersion} when it is not the
	 * current one).
	 */
	@PutMapping(path = BASE + "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	MacroJson update(@PathVariable long id, @RequestBody MacroJson json, @RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal CurrentUser me) {
		return MacroJson.of(macros.update(id, IfMatch.required(ifMatch, json.version()), json.definition(), me));
	}

	@DeleteMapping(BASE + "/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		macros.delete(id, me);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Applies the macro to the ticket, all or nothing. The ticket's version the caller saw comes in
	 * {@code If-Match} (its ETag, e.g. {@code "3"}) or in the body's {@code version}; without
	 * either, no version check. 412 {@code ticket.version-stale} with {@code currentVersion} when the
	 * ticket changed since, or the refusal of the step that failed (an illegal transition, a read-only ticket…).
	 */
	@PostMapping(path = "/api/v1/tickets/{ticketId}/macros/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	Applied apply(@PathVariable long ticketId, @PathVariable long id,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable Apply body, @AuthenticationPrincipal CurrentUser me) {
		Long version = IfMatch.expected(ifMatch, body == null ? null : body.version());
		Ticket ticket = macros.apply(id, new TicketId(ticketId), version, me);
		return new Applied(ticket.id().value(), ticket.getNumber(), ticket.getStatus(), ticket.getPriority(),
				ticket.getVersion());
	}

	@ExceptionHandler(InvalidDefinitionException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidDefinitionException ex) {
		return DefinitionProblems.of(ex, messages);
	}

	/** @param version the ticket's version the caller saw; null for no check */
	record Apply(@Nullable Long version) {
	}

	/** The ticket after the macro: what the caller needs to refresh its view. */
	record Applied(long id, String number, Status status, Priority priority, long version) {
	}

}
