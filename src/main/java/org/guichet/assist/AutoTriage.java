package org.guichet.assist;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.guichet.tickets.AutomaticTriage;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketEvents.TicketCreated;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Auto-triage: once a ticket's registration is committed, the assistant's suggestions at least as
 * confident as the administrator's second threshold are applied to it, Guichet being the actor,
 * and recorded in its history as the assistant's. Fields a person or the catalogue decided are
 * left alone ({@link SettledFields}), and the group only goes to a ticket that has none: where a
 * routing rule matched, the routing decided. Off while the threshold is not set.
 * <p>
 * It runs after the registration's commit, on the registering thread, in a transaction of its
 * own: a failure here never loses a ticket, and a ticket the assistant could not triage (the
 * process stopped in between) is simply triaged by a person, the suggestions still shown.
 */
@Component
class AutoTriage {

	private final AssistSettings settings;

	private final TriageSuggestions triage;

	private final SettledFields settledFields;

	private final TicketManagement tickets;

	private final AutomaticTriage automatic;

	private final MessageSource messages;

	private final Locale language;

	private final TransactionTemplate ownTransaction;

	AutoTriage(AssistSettings settings, TriageSuggestions triage, SettledFields settledFields, TicketManagement tickets,
			AutomaticTriage automatic, MessageSource messages, PlatformTransactionManager transactions,
			@Value("${guichet.default-language:fr}") String defaultLanguage) {
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.settings = settings;
		this.triage = triage;
		this.settledFields = settledFields;
		this.tickets = tickets;
		this.automatic = automatic;
		this.messages = messages;
		this.language = Locale.forLanguageTag(defaultLanguage);
	}

	/** Reads the setting in the registration's connection (off: nothing more), triages in a transaction of its own. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(TicketCreated created) {
		Double threshold = settings.autoApplyThreshold();
		if (threshold != null && triage.ready()) {
			ownTransaction.executeWithoutResult(status -> triage(created, threshold));
		}
	}

	private void triage(TicketCreated created, double threshold) {
		Ticket ticket = tickets.find(created.ticket());
		Set<TriageField> settled = settledFields.of(ticket);
		List<FieldSuggestion> sure = triage
			.suggest(ticket.getTitle(), ticket.getDescription(), ticket.getRequester().getId(), language)
			.stream()
			.filter(s -> s.confidence() >= threshold && !settled.contains(s.field()))
			.filter(s -> s.field() != TriageField.GROUP || ticket.getGroup() == null)
			.toList();
		if (sure.isEmpty()) {
			return;
		}
		automatic.apply(ticket.id(), triageOf(sure), TicketSuggestions.HISTORY_FIELD,
				messages.getMessage("assist.auto-triage.history", new Object[] { Math.round(threshold * 100),
						sure.stream().map(this::described).collect(Collectors.joining(" ; ")) }, language));
	}

	private String described(FieldSuggestion suggestion) {
		return messages.getMessage("assist.suggestion.history",
				new Object[] { messages.getMessage("assist.field." + suggestion.field(), null, language),
						suggestion.label(), Math.round(suggestion.confidence() * 100) },
				language);
	}

	private static AutomaticTriage.Triage triageOf(List<FieldSuggestion> sure) {
		String type = valueOf(sure, TriageField.TYPE);
		String category = valueOf(sure, TriageField.CATEGORY);
		String urgency = valueOf(sure, TriageField.URGENCY);
		String group = valueOf(sure, TriageField.GROUP);
		return new AutomaticTriage.Triage(type == null ? null : TicketType.valueOf(type),
				category == null ? null : Long.valueOf(category), urgency == null ? null : Urgency.valueOf(urgency),
				group == null ? null : Long.valueOf(group));
	}

	private static @Nullable String valueOf(List<FieldSuggestion> sure, TriageField field) {
		return sure.stream().filter(s -> s.field() == field).map(FieldSuggestion::value).findFirst().orElse(null);
	}

}
