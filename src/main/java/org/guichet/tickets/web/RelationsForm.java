package org.guichet.tickets.web;

import java.io.Serializable;

import org.guichet.system.InvalidInputException;
import org.guichet.tickets.TicketRelation;
import org.jspecify.annotations.Nullable;

/**
 * What an agent typed in one of the ticket page's forms about other tickets and people: a link
 * ({@code relation}, {@code ticket}), a merge ({@code into}), an observer ({@code username}).
 * Numbers are typed as the page shows them, {@code 12} or {@code #12}.
 */
public class RelationsForm implements Serializable {

	private @Nullable TicketRelation relation = TicketRelation.RELATED_TO;

	private @Nullable String ticket;

	private @Nullable String into;

	private @Nullable String username;

	private @Nullable Long version;

	/**
	 * The ticket number typed in {@code field}.
	 *
	 * @throws InvalidInputException (the field) when it is empty or not a number
	 */
	static long number(String field, @Nullable String typed) {
		String text = typed == null ? "" : typed.strip();
		if (text.startsWith("#")) {
			text = text.substring(1).strip();
		}
		if (text.isEmpty()) {
			throw new InvalidInputException(field, "ticket.link.number-required", "Enter the other ticket's number");
		}
		try {
			long number = Long.parseLong(text);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// answered below, as a number out of range
		}
		throw new InvalidInputException(field, "ticket.link.number", "Enter a ticket number, such as 12 or #12",
				typed == null ? "" : typed);
	}

	public @Nullable TicketRelation getRelation() {
		return relation;
	}

	public void setRelation(@Nullable TicketRelation relation) {
		this.relation = relation;
	}

	public @Nullable String getTicket() {
		return ticket;
	}

	public void setTicket(@Nullable String ticket) {
		this.ticket = ticket;
	}

	public @Nullable String getInto() {
		return into;
	}

	public void setInto(@Nullable String into) {
		this.into = into;
	}

	public @Nullable String getUsername() {
		return username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable Long getVersion() {
		return version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
