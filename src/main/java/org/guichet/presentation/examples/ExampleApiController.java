package org.guichet.presentation.examples;

import java.time.Instant;
import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.presentation.ForTheItTeam;
import org.guichet.system.MultiLine;
import org.guichet.tickets.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The example tickets through the API: {@code PUT /api/v1/tickets/{id}/example} with
 * {@code {"reason": "…", "kind": "LESSON"}} marks a ticket (again), {@code DELETE} unmarks it
 * (204, also when it was not one), {@code GET /api/v1/examples?page=0&size=25} lists them newest
 * first. The IT team only ({@link ForTheItTeam}: a requester gets 403); a ticket one may not see
 * gets 404.
 */
@RestController
@ForTheItTeam
class ExampleApiController {

	private final ExampleTickets examples;

	ExampleApiController(ExampleTickets examples) {
		this.examples = examples;
	}

	/** @param kind one of {@link ExampleKind}; null or absent: none */
	record MarkRequest(@MultiLine String reason, @Nullable ExampleKind kind) {
	}

	record TicketRef(long id, String number, @Nullable String title) {
	}

	record MarkedBy(long id, String fullName) {
	}

	/** An example as the API gives it; the ticket's title is null when the caller may not see it. */
	record ExampleJson(TicketRef ticket, String reason, @Nullable ExampleKind kind, MarkedBy markedBy,
			Instant markedAt) {

		static ExampleJson of(Example example) {
			return new ExampleJson(new TicketRef(example.ticketId(), example.number(), example.title()),
					example.reason(), example.kind(), new MarkedBy(example.markedById(), example.markedByName()),
					example.markedAt());
		}

	}

	record ExamplePageJson(List<ExampleJson> items, int page, int size, boolean hasNext) {
	}

	@PutMapping(path = "/api/v1/tickets/{id}/example", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ExampleJson mark(@PathVariable long id, @RequestBody MarkRequest request, @AuthenticationPrincipal CurrentUser by) {
		return ExampleJson.of(examples.mark(new TicketId(id), request.reason(), request.kind(), by));
	}

	@DeleteMapping("/api/v1/tickets/{id}/example")
	ResponseEntity<Void> unmark(@PathVariable long id, @AuthenticationPrincipal CurrentUser by) {
		examples.unmark(new TicketId(id), by);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(path = "/api/v1/examples", produces = MediaType.APPLICATION_JSON_VALUE)
	ExamplePageJson list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size,
			@AuthenticationPrincipal CurrentUser reader) {
		ExamplePage found = examples.page(page, size, reader);
		return new ExamplePageJson(found.items().stream().map(ExampleJson::of).toList(), found.page(), found.size(),
				found.hasNext());
	}

}
