package org.guichet.tickets;

import java.util.List;
import java.util.Map;

import org.guichet.system.InvalidInputException;

/**
 * A ticket list's parameters hold values that do not fit (400): the message is the first
 * refusal's, {@link #errors()} lists them all, and the API gives them as the problem's
 * {@code errors} member ({@code field}, {@code code}, {@code value}).
 */
public class InvalidTicketFilterException extends InvalidInputException {

	private final List<TicketFilter.Error> errors;

	/** @param errors at least one */
	public InvalidTicketFilterException(List<TicketFilter.Error> errors) {
		super(errors.get(0).field(), errors.get(0).code(), errors.get(0).englishMessage(), errors.get(0).arguments());
		this.errors = List.copyOf(errors);
		property("errors", this.errors.stream()
			.map(error -> Map.of("field", error.field(), "code", error.code(), "value", error.value()))
			.toList());
	}

	public List<TicketFilter.Error> errors() {
		return errors;
	}

}
