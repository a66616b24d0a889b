package org.guichet.tickets.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.directory.CurrentUser;
import org.guichet.tickets.InvalidTicketFilterException;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/tickets.csv}: the ticket list as CSV ({@link TicketCsvDownload}); the same
 * list answers {@code GET /api/v1/tickets} with {@code Accept: text/csv}.
 */
@RestController
class TicketCsvApiController {

	private final TicketCsvDownload csv;

	private final MessageSource messages;

	TicketCsvApiController(TicketCsvDownload csv, MessageSource messages) {
		this.csv = csv;
		this.messages = messages;
	}

	@GetMapping(path = "/api/v1/tickets.csv", produces = TicketCsvDownload.TEXT_CSV)
	@PreAuthorize("isAuthenticated()")
	@TicketFilterParameters
	void csv(HttpServletRequest request, HttpServletResponse response, @AuthenticationPrincipal CurrentUser by)
			throws IOException {
		csv.answer(request, response, by);
	}

	@ExceptionHandler(InvalidTicketFilterException.class)
	ResponseEntity<ProblemDetail> invalidFilter(InvalidTicketFilterException ex) {
		return FilterProblems.of(ex, messages);
	}

}
