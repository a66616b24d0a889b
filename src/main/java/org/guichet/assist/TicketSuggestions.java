package org.guichet.assist;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.User;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketChanges;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assistant's suggestions on an existing ticket, for the agent's ticket page: what it would
 * set, and the suggestion applied at an agent's click, through the tickets module's public API,
 * with the agent as the one who made the change, and recorded in the ticket's history as the
 * assistant's suggestion they accepted ({@code assistSuggestion}).
 */
@Service
public class TicketSuggestions {

	/** The history field of an accepted suggestion, labelled {@code agent.history.field.assistSuggestion}. */
	public static final String HISTORY_FIELD = "assistSuggestion";

	/**
	 * A suggestion for a ticket, and whether the ticket already has that value.
	 *
	 * @param alreadySet the ticket's field holds the suggested value: nothing to apply
	 */
	public record Suggestion(FieldSuggestion suggestion, boolean alreadySet) {
	}

	private final TicketManagement tickets;

	private final TriageSuggestions triage;

	private final MessageSource messages;

	private final SupportGroupRepository groups;

	private final SettledFields settledFields;

	TicketSuggestions(TicketManagement tickets, TriageSuggestions triage, MessageSource messages,
			SupportGroupRepository groups, SettledFields settledFields) {
		this.tickets = tickets;
		this.settledFields = settledFields;
		this.groups = groups;
		this.triage = triage;
		this.messages = messages;
	}

	/**
	 * The suggestions for an open ticket the reader may work on.
	 *
	 * @return the suggestions above the threshold, in the order of {@link TriageField}, but for the
	 * fields a person or the catalogue decided ({@link SettledFields}); empty for a ticket no longer open, for a reader who may not work on it, and when there is no model
	 * @throws org.guichet.system.NotFoundException when the reader may not see the ticket
	 */
	@Transactional(readOnly = true)
	public List<Suggestion> forTicket(TicketId id, CurrentUser reader, Locale locale) {
		Ticket ticket = tickets.get(id, reader);
		if (!Status.OPEN.contains(ticket.getStatus()) || !tickets.mayWorkOn(ticket, reader)) {
			return List.of();
		}
		Set<TriageField> settled = settledFields.of(ticket);
		return triage.suggest(ticket.getTitle(), ticket.getDescription(), ticket.getRequester().getId(), locale)
			.stream()
			.filter(s -> !settled.contains(s.field()))
			.map(s -> new Suggestion(s, s.value().equals(current(ticket, s.field()))))
			.toList();
	}

	/**
	 * Applies the assistant's suggestion for one field, as it stands now, and records it in the
	 * ticket's history with the agent who accepted it. Changing the group keeps the technician when
	 * they belong to the new group, and leaves the ticket to the group's queue otherwise.
	 *
	 * @param value the value the agent saw suggested: refused when the suggestion changed since
	 * @return the suggestion applied
	 * @throws InvalidInputException (field {@code value}, {@code assist.suggestion.gone}) when the
	 * assistant no longer suggests that value for that field, ({@code assist.suggestion.already-set})
	 * when the ticket already has it, and as the tickets module refuses the change
	 * @throws org.guichet.system.NotFoundException when the agent may not see the ticket, or 403 when they may
	 * not work on it (the tickets module's rules)
	 */
	@Transactional
	public FieldSuggestion accept(TicketId id, TriageField field, String value, CurrentUser by, Locale locale) {
		Suggestion suggested = forTicket(id, by, locale).stream()
			.filter(s -> s.suggestion().field() == field && s.suggestion().value().equals(value))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("value", "assist.suggestion.gone",
					"The assistant no longer suggests this value: reload the ticket", value));
		if (suggested.alreadySet()) {
			// another tab, or another agent, applied it meanwhile: nothing to change or record
			throw new InvalidInputException("value", "assist.suggestion.already-set",
					"The ticket already has this value: nothing was changed", value);
		}
		FieldSuggestion suggestion = suggested.suggestion();
		Ticket ticket = tickets.get(id, by);
		switch (field) {
			case CATEGORY -> tickets.update(id, changes(null, Long.valueOf(value), null), null, by);
			case TYPE -> tickets.update(id, changes(TicketType.valueOf(value), null, null), null, by);
			case URGENCY -> tickets.update(id, changes(null, null, Urgency.valueOf(value)), null, by);
			case GROUP -> {
				User assignee = ticket.getAssignee();
				long groupId = Long.parseLong(value);
				boolean member = assignee != null
						&& groups.findById(groupId).map(g -> g.hasMember(assignee.id().value())).orElse(false);
				tickets.assign(id, groupId, member ? assignee.getId() : null, null, by);
			}
		}
		tickets.recordWork(id, HISTORY_FIELD, null, messages.getMessage("assist.suggestion.history",
				new Object[] { messages.getMessage("assist.field." + field, null, locale), suggestion.label(),
						Math.round(suggestion.confidence() * 100) },
				locale), by);
		return suggestion;
	}

	private static TicketChanges changes(@Nullable TicketType type, @Nullable Long categoryId, @Nullable Urgency urgency) {
		return new TicketChanges(null, null, type, categoryId, urgency, null, null, null, false, null);
	}

	private static @Nullable String current(Ticket ticket, TriageField field) {
		return switch (field) {
			case CATEGORY -> ticket.getCategory() == null ? null : String.valueOf(ticket.getCategory().getId());
			case TYPE -> ticket.getType().name();
			case URGENCY -> ticket.getUrgency().name();
			case GROUP -> ticket.getGroup() == null ? null : String.valueOf(ticket.getGroup().getId());
		};
	}

}
