package org.guichet.reporting;

import java.util.List;
import java.util.Map;

import org.guichet.system.InvalidInputException;
import org.guichet.tickets.TicketFilter;

/**
 * A KPI request's parameters hold values that do not fit (400): the message is the first
 * refusal's, {@link #errors()} lists them all, and the API gives them as the problem's
 * {@code errors} member ({@code field}, {@code code}, {@code value}), as for ticket lists.
 */
public class InvalidKpiFilterException extends InvalidInputException {

	private final List<TicketFilter.Error> errors;

	/** @param errors at least one */
	public InvalidKpiFilterException(List<TicketFilter.Error> errors) {
		super(errors.get(0).field(), errors.get(0).code(), errors.get(0).englishMessage(), errors.get(0).arguments());
		this.errors = List.copyOf(errors);
		property("errors", this.errors.stream()
			.map(error -> Map.of("field", error.field(), "code", error.code(), "value", error.value()))
			.toList());
	}

	/** Every refusal, in the order of the parameters. */
	public List<TicketFilter.Error> errors() {
		return errors;
	}

}
