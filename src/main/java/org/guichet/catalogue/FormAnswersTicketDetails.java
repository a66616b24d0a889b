package org.guichet.catalogue;

import java.util.Optional;

import org.guichet.directory.CurrentUser;
import org.guichet.tickets.TicketDetails;
import org.guichet.tickets.TicketId;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows a ticket's form answers with the ticket, under {@code formAnswers}, in the reader's
 * language; absent when the ticket was not filed through the catalogue.
 */
@Component
class FormAnswersTicketDetails implements TicketDetails {

	private final CatalogueRequests requests;

	FormAnswersTicketDetails(CatalogueRequests requests) {
		this.requests = requests;
	}

	@Override
	public String name() {
		return "formAnswers";
	}

	@Override
	public Optional<Object> of(TicketId ticket, CurrentUser reader) {
		return requests.answersOf(ticket, reader, LocaleContextHolder.getLocale()).map(Object.class::cast);
	}

}
