package org.guichet.tickets.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.directory.CurrentUser;
import org.guichet.tickets.TicketColumn;
import org.guichet.tickets.TicketExport;
import org.guichet.tickets.TicketFilter;
import org.guichet.tickets.TicketSort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The API's CSV of a ticket list: the request's filter parameters ({@link TicketFilter}, every
 * ticket newest first by default), every page and every column ({@link TicketExport} says the
 * format), in the caller's language.
 */
@Component
class TicketCsvDownload {

	static final String TEXT_CSV = "text/csv";

	private final TicketExport export;

	TicketCsvDownload(TicketExport export) {
		this.export = export;
	}

	/** @throws org.guichet.tickets.InvalidTicketFilterException before writing anything */
	void answer(HttpServletRequest request, HttpServletResponse response, CurrentUser by) throws IOException {
		export.download(TicketFilter.parse(request.getParameterMap()).toQuery(null, TicketSort.NEWEST),
				TicketColumn.ALL, by, LocaleContextHolder.getLocale(), response);
	}

}
