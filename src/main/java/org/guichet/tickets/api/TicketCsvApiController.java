package org.guichet.tickets.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.directory.CurrentUser;
import org.guichet.tickets.InvalidTicketFilterException;
import org.guichet.tickets.TicketColumn;
import org.guichet.tickets.TicketExport;
import org.guichet.tickets.TicketFilter;
import org.guichet.tickets.TicketQuery;
import org.guichet.tickets.TicketSort;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ticket list as CSV, every page of it: {@code GET /api/v1/tickets.csv}, or
 * {@code GET /api/v1/tickets} with {@code Accept: text/csv}, with the list's own filter
 * parameters ({@link TicketFilter}) and every column ({@link TicketExport} says the format).
 */
@RestController
class TicketCsvApiController {

	private final TicketExport export;

	private final MessageSource messages;

	TicketCsvApiController(TicketExport export, MessageSource messages) {
		this.export = export;
		this.messages = messages;
	}

	@GetMapping(path = { "/api/v1/tickets.csv", "/api/v1/tickets" }, produces = "text/csv")
	@PreAuthorize("isAuthenticated()")
	@TicketFilterParameters
	void csv(HttpServletRequest request, HttpServletResponse response, @AuthenticationPrincipal CurrentUser by)
			throws IOException {
		TicketQuery query = TicketFilter.parse(request.getParameterMap()).toQuery(null, TicketSort.NEWEST);
		export.download(query, TicketColumn.ALL, by, LocaleContextHolder.getLocale(), response);
	}

	@ExceptionHandler(InvalidTicketFilterException.class)
	ResponseEntity<ProblemDetail> invalidFilter(InvalidTicketFilterException ex) {
		return FilterProblems.of(ex, messages);
	}

}
