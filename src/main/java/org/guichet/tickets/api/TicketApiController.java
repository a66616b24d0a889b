package org.guichet.tickets.api;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.guichet.directory.CurrentUser;
import org.guichet.system.IfMatch;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.InvalidTicketFilterException;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketDetails;
import org.guichet.tickets.TicketFilter;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketQuery;
import org.guichet.tickets.TicketSort;
import org.guichet.tickets.Transition;
import org.guichet.tickets.api.TicketRequests.Assign;
import org.guichet.tickets.api.TicketRequests.CreateTicket;
import org.guichet.tickets.api.TicketRequests.Rating;
import org.guichet.tickets.api.TicketRequests.TransitionRequest;
import org.guichet.tickets.api.TicketRequests.UpdateTicket;
import org.guichet.tickets.api.TimelineJson.HistoryJson;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Tickets and their lifecycle. Who may see and change a ticket is decided by
 * {@link TicketManagement}; a ticket the caller may not see answers 404.
 */
@RestController
@RequestMapping(path = "/api/v1/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
class TicketApiController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final TicketManagement tickets;

	private final ApiTransactions transactions;

	private final MessageSource messages;

	private final List<TicketDetails> details;

	private final TicketCsvDownload csv;

	TicketApiController(TicketManagement tickets, ApiTransactions transactions, MessageSource messages,
			List<TicketDetails> details, TicketCsvDownload csv) {
		this.tickets = tickets;
		this.transactions = transactions;
		this.messages = messages;
		this.details = details;
		this.csv = csv;
	}

	/**
	 * Registers a ticket. A retry with the same {@code Idempotency-Key} returns the ticket made
	 * the first time, even when both requests arrive together.
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<TicketJson> create(@Valid @RequestBody CreateTicket request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey,
			@AuthenticationPrincipal CurrentUser by) {
		Supplier<Ticket> register = () -> tickets.register(request.toDemand(), by, idempotencyKey);
		TicketJson ticket;
		try {
			ticket = transactions.write(register, created -> json(created, by));
		}
		catch (DataIntegrityViolationException duplicate) {
			if (idempotencyKey == null) {
				throw duplicate;
			}
			// the same key was used by a concurrent request that won: answer with its ticket
			ticket = transactions.write(register, created -> json(created, by));
		}
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").build(ticket.id());
		return ResponseEntity.created(location).eTag(ticket.etag()).body(ticket);
	}

	/**
	 * One page of the tickets the caller may see, filtered by {@link TicketFilter}'s parameters
	 * (every ticket, newest first, by default); a value that does not fit answers 400 naming
	 * every parameter at fault. With {@code Accept: text/csv} (and not JSON), the whole list as
	 * {@link TicketCsvDownload}.
	 */
	@GetMapping(produces = { MediaType.APPLICATION_JSON_VALUE, TicketCsvDownload.TEXT_CSV })
	@PreAuthorize("isAuthenticated()")
	@TicketFilterParameters
	@Nullable TicketPageJson list(HttpServletRequest request, HttpServletResponse response,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
			@AuthenticationPrincipal CurrentUser by) throws IOException {
		if (wantsCsv(accept)) {
			csv.answer(request, response, by);
			return null;
		}
		TicketQuery query = TicketFilter.parse(request.getParameterMap()).toQuery(null, TicketSort.NEWEST);
		return transactions.read(() -> TicketPageJson.of(tickets.search(query, by), by));
	}

	@GetMapping("/{id}")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<TicketJson> show(@PathVariable long id, @AuthenticationPrincipal CurrentUser by) {
		return withEtag(transactions.read(() -> json(tickets.get(new TicketId(id), by), by)));
	}

	/**
	 * Changes fields. The change must name the version it was made on ({@code If-Match} or
	 * {@code version}): 428 without it, 412 when the ticket changed since.
	 */
	@PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<TicketJson> update(@PathVariable long id, @Valid @RequestBody UpdateTicket request,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal CurrentUser by) {
		long version = Versions.required(ifMatch, request.version());
		return withEtag(change(by,
				() -> tickets.update(new TicketId(id), request.toChanges(), version, by)));
	}

	@PostMapping(path = "/{id}/assign", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<TicketJson> assign(@PathVariable long id, @RequestBody Assign request,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal CurrentUser by) {
		Long version = IfMatch.expected(ifMatch, request.version());
		return withEtag(change(by, () -> tickets.assign(new TicketId(id), request.groupId(),
				request.assigneeId(), version, by)));
	}

	@PostMapping(path = "/{id}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<TicketJson> transition(@PathVariable long id, @Valid @RequestBody TransitionRequest request,
			@RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal CurrentUser by) {
		Long version = IfMatch.expected(ifMatch, request.version());
		Transition transition = toTransition(request);
		return withEtag(change(by, () -> tickets.transition(new TicketId(id), transition, version, by)));
	}

	@PostMapping(path = "/{id}/satisfaction", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<TicketJson> rate(@PathVariable long id, @Valid @RequestBody Rating request,
			@AuthenticationPrincipal CurrentUser by) {
		return withEtag(
				change(by, () -> tickets.rate(new TicketId(id), request.rating(), request.comment(), by)));
	}

	@GetMapping("/{id}/history")
	@PreAuthorize("isAuthenticated()")
	List<HistoryJson> history(@PathVariable long id, @AuthenticationPrincipal CurrentUser by) {
		return transactions
			.read(() -> tickets.history(new TicketId(id), by).stream().map(HistoryJson::of).toList());
	}

	/** The tickets linked to this one that the caller may see, oldest link first. */
	@GetMapping("/{id}/links")
	@PreAuthorize("isAuthenticated()")
	List<TicketJson.LinkJson> links(@PathVariable long id, @AuthenticationPrincipal CurrentUser by) {
		return transactions
			.read(() -> tickets.links(new TicketId(id), by).stream().map(TicketJson.LinkJson::of).toList());
	}

	@ExceptionHandler(InvalidTicketFilterException.class)
	ResponseEntity<ProblemDetail> invalidFilter(InvalidTicketFilterException ex) {
		return FilterProblems.of(ex, messages);
	}

	private TicketJson change(CurrentUser by, Supplier<Ticket> change) {
		return transactions.write(change, changed -> json(changed, by));
	}

	/** One ticket with the details other modules show with it to this reader, such as its SLA. */
	private TicketJson json(Ticket ticket, CurrentUser reader) {
		Map<String, Object> shown = new LinkedHashMap<>();
		for (TicketDetails module : details) {
			module.of(ticket.id(), reader).ifPresent(value -> shown.put(module.name(), value));
		}
		return TicketJson.of(ticket, reader, shown);
	}

	private static Transition toTransition(TransitionRequest request) {
		TicketAction action = request.action();
		if (action == TicketAction.PENDING) {
			return new Transition(action, null, pendingReason(request.reason()), null, null);
		}
		return new Transition(action, request.reason(), null, request.solution(), request.solutionKind());
	}

	private static PendingReason pendingReason(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "field.required", "Say what the ticket waits for");
		}
		try {
			return PendingReason.valueOf(reason.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("reason", "ticket.pending.reason-unknown",
					"A pending reason is USER, SUPPLIER or APPROVAL", reason);
		}
	}

	/** Whether the client asks for CSV rather than JSON: text/csv named, application/json not. */
	private static boolean wantsCsv(@Nullable String accept) {
		if (accept == null) {
			return false;
		}
		List<MediaType> types = MediaType.parseMediaTypes(accept);
		return types.stream().anyMatch(type -> type.equalsTypeAndSubtype(MediaType.parseMediaType(TicketCsvDownload.TEXT_CSV)))
				&& types.stream().noneMatch(type -> type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON));
	}

	private static ResponseEntity<TicketJson> withEtag(TicketJson ticket) {
		return ResponseEntity.ok().eTag(ticket.etag()).body(ticket);
	}

}
