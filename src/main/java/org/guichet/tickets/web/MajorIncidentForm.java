package org.guichet.tickets.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an agent typed in the ticket page's "major incident" part: the reason of the flag
 * ({@code reason}), the numbers of the tickets to attach as children ({@code tickets}, separated
 * by spaces or commas, {@code 12} or {@code #12}), or the major incident to attach this ticket to
 * ({@code major}, its id).
 */
public class MajorIncidentForm implements Serializable {

	private @Nullable String reason;

	private @Nullable String tickets;

	private @Nullable Long major;

	private @Nullable Long version;

	/**
	 * The ticket numbers typed in {@code tickets}, in order.
	 *
	 * @throws org.guichet.system.InvalidInputException (field {@code tickets}) for a part that is
	 * not a number; no part gives an empty list
	 */
	List<Long> numbers() {
		List<Long> numbers = new ArrayList<>();
		for (String part : (tickets == null ? "" : tickets).split("[\\s,;]+")) {
			if (!part.isBlank()) {
				numbers.add(RelationsForm.number("tickets", part));
			}
		}
		return numbers;
	}

	public @Nullable String getReason() {
		return reason;
	}

	public void setReason(@Nullable String reason) {
		this.reason = reason;
	}

	public @Nullable String getTickets() {
		return tickets;
	}

	public void setTickets(@Nullable String tickets) {
		this.tickets = tickets;
	}

	public @Nullable Long getMajor() {
		return major;
	}

	public void setMajor(@Nullable Long major) {
		this.major = major;
	}

	public @Nullable Long getVersion() {
		return version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
