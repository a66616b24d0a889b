package org.guichet.tickets.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.guichet.directory.CurrentUser;
import org.guichet.system.DomainException;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.TicketChanges;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.Transition;
import org.guichet.tickets.TicketAction;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Takes an action on each ticket selected in a list, one ticket at a time, each through
 * {@link TicketManagement} in its own transaction, with the version the list showed: whatever
 * the rules refuse for one ticket (permission, status, a change since) is reported for that
 * ticket and leaves the others done.
 */
@Component
class BulkActions {

	/**
	 * What became of one selected ticket.
	 *
	 * @param number the ticket's number, e.g. {@code #1042}
	 * @param done whether the action was taken
	 * @param reason why it was refused, in the reader's language; null when done
	 */
	record Outcome(long id, String number, boolean done, @Nullable String reason) implements Serializable {
	}

	/**
	 * The label of the bulk form's field a refusal names, by the name the domain gives the
	 * field: a refusal is told in the words of the form, never by an internal name.
	 */
	static final Map<String, String> FIELD_LABELS = Map.ofEntries(Map.entry("ticket", "queues.bulk.selection"),
			Map.entry("action", "queues.bulk.action"), Map.entry("groupId", "tickets.column.group"),
			Map.entry("assigneeId", "tickets.column.assignee"), Map.entry("transition", "queues.bulk.transition"),
			Map.entry("pendingReason", "queues.bulk.pendingReason"), Map.entry("solution", "queues.bulk.solution"),
			Map.entry("solutionKind", "queues.bulk.solution"), Map.entry("priority", "tickets.column.priority"),
			Map.entry("reason", "queues.bulk.reason"), Map.entry("priorityOverrideReason", "queues.bulk.reason"),
			Map.entry("back", "queues.bulk.selection"));

	private final TicketManagement tickets;

	private final MessageSource messages;

	BulkActions(TicketManagement tickets, MessageSource messages) {
		this.tickets = tickets;
		this.messages = messages;
	}

	/**
	 * Checks what the action needs whatever the ticket, before touching any.
	 *
	 * @throws InvalidInputException naming the field missing or the selection at fault
	 */
	void check(BulkForm form) {
		if (form.tickets().isEmpty()) {
			throw new InvalidInputException("ticket", "bulk.none-selected", "Select at least one ticket");
		}
		if (form.tickets().size() > BulkForm.MAX_TICKETS) {
			throw new InvalidInputException("ticket", "bulk.too-many", "Too many tickets", BulkForm.MAX_TICKETS);
		}
		if (form.action() == null) {
			throw new InvalidInputException("action", "bulk.action-required", "Choose an action");
		}
		switch (form.action()) {
			case ASSIGN -> {
				if (form.groupId() == null && form.assigneeId() == null) {
					throw new InvalidInputException("groupId", "bulk.assign-target", "Choose a group or a technician");
				}
			}
			case STATUS -> {
				if (form.transition() == null || !BulkForm.TRANSITIONS.contains(form.transition())) {
					throw new InvalidInputException("transition", "bulk.transition-required", "Choose a status change");
				}
			}
			case PRIORITY -> {
				if (form.priority() == null) {
					throw new InvalidInputException("priority", "bulk.priority-required", "Choose a priority");
				}
			}
			case TAKE -> {
			}
		}
		form.tickets().forEach(BulkActions::parse);
	}

	/** Acts on every selected ticket, in the order selected; {@link #check} first. */
	List<Outcome> apply(BulkForm form, CurrentUser by, Locale locale) {
		List<Outcome> outcomes = new ArrayList<>();
		for (String selected : form.tickets()) {
			long[] idAndVersion = parse(selected);
			TicketId id = new TicketId(idAndVersion[0]);
			long version = idAndVersion[1];
			try {
				act(form, id, version, by);
				outcomes.add(new Outcome(id.value(), id.toString(), true, null));
			}
			catch (DomainException ex) {
				String key = "ticket.stale".equals(ex.messageKey()) ? "bulk.stale" : ex.messageKey();
				outcomes.add(new Outcome(id.value(), id.toString(), false,
						inWords(ex.field(), messages.getMessage(key, ex.arguments(), ex.getMessage(), locale), locale)));
			}
			catch (OptimisticLockingFailureException ex) {
				outcomes.add(new Outcome(id.value(), id.toString(), false,
						messages.getMessage("bulk.stale", new Object[] { id.toString() }, locale)));
			}
		}
		return outcomes;
	}

	/**
	 * A refusal's message with the label of the field at fault in front, when the refusal names
	 * a field of the form ("Solution (to resolve): this field is required…").
	 *
	 * @param field the domain's name of the field; null when the refusal names none
	 */
	String inWords(@Nullable String field, String message, Locale locale) {
		String label = field == null ? null : FIELD_LABELS.get(field);
		return label == null ? message
				: messages.getMessage("bulk.refused-field", new Object[] { messages.getMessage(label, null, locale), message },
						locale);
	}

	/** The label of a field of the bulk form, in the reader's language; the name itself when it has none. */
	String label(String field, Locale locale) {
		String label = FIELD_LABELS.get(field);
		return label == null ? field : messages.getMessage(label, null, locale);
	}

	/** The tickets of the selection, by id, to select again on the list; the ones that cannot be read are left out. */
	static List<Long> ids(List<String> selection) {
		List<Long> ids = new ArrayList<>();
		for (String selected : selection) {
			try {
				ids.add(parse(selected)[0]);
			}
			catch (InvalidInputException ex) {
				// not a ticket of the list: nothing to select again
			}
		}
		return ids;
	}

	private void act(BulkForm form, TicketId id, long version, CurrentUser by) {
		BulkForm.Action action = Objects.requireNonNull(form.action(), "checked before");
		switch (action) {
			case ASSIGN -> tickets.assign(id, form.groupId(), form.assigneeId(), version, by);
			case TAKE -> tickets.transition(id, Transition.of(TicketAction.TAKE), version, by);
			case STATUS -> tickets.transition(id, new Transition(form.transition(), blankToNull(form.reason()),
					form.pendingReason(), blankToNull(form.solution()), form.solutionKind()), version, by);
			case PRIORITY -> tickets.update(id, new TicketChanges(null, null, null, null, null, null, form.priority(),
					blankToNull(form.reason()), false, null), version, by);
		}
	}

	private static long[] parse(String selected) {
		String[] parts = selected.split(":");
		try {
			if (parts.length == 2) {
				return new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]) };
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new InvalidInputException("ticket", "bulk.selection-invalid", "Not a ticket of the list", selected);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
