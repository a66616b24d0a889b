package org.guichet.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.guichet.calendars.BusinessCalendar;
import org.guichet.tickets.HistoryEntry;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketEvents.TicketStatusChanged;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * Computes a ticket's clocks again from its audit trail: to repair clocks stored wrong, and when
 * a ticket's policy, the policy itself or its calendar changes. It reads only recorded facts —
 * the status changes with their pending reasons, the changes of priority and type, the first
 * response — and sends them through the same transition table as the live events.
 */
final class SlaReplay {

	private SlaReplay() {
	}

	/**
	 * @param trail the ticket's history, oldest first
	 * @param now the instant the stored state is computed for
	 * @return the clocks, empty when {@code policy} has no targets for the ticket's first type and
	 * priority
	 */
	static Optional<TicketSla> replay(Ticket ticket, List<HistoryEntry> trail, SlaPolicy policy,
			BusinessCalendar calendar, Instant now) {
		TicketType type = first(trail, "type").map(TicketType::valueOf).orElse(ticket.getType());
		Priority priority = first(trail, "priority").map(Priority::valueOf).orElse(ticket.getPriority());
		Optional<SlaTargets> initial = policy.targetsFor(type, priority);
		if (initial.isEmpty()) {
			return Optional.empty();
		}
		TicketSla sla = new TicketSla(ticket.id().value(), type, policy.getId(), initial.get(), ticket.getCreatedAt(),
				calendar);
		Instant firstResponse = policy.getTtoMetBy() == TtoTrigger.FIRST_RESPONSE ? ticket.getFirstResponseAt() : null;
		PendingReason pendingReason = null;
		for (HistoryEntry entry : trail) {
			if (firstResponse != null && firstResponse.isBefore(entry.getAt())) {
				sla.owned(firstResponse, calendar);
				firstResponse = null;
			}
			String value = entry.getNewValue();
			switch (entry.getField()) {
				case "pendingReason" -> pendingReason = value == null ? null : PendingReason.valueOf(value);
				case "status" -> {
					if (entry.getOldValue() != null && value != null) {
						ClockReactions.statusChanged(sla,
								new TicketStatusChanged(ticket.id(), Status.valueOf(entry.getOldValue()),
										Status.valueOf(value), pendingReason, entry.getAt()),
								type, priority, policy, calendar);
					}
				}
				case "priority" -> priority = Priority.valueOf(value);
				case "type" -> type = TicketType.valueOf(value);
				default -> {
					continue;
				}
			}
			if (entry.getField().equals("priority") || entry.getField().equals("type")) {
				ClockReactions.reclassified(sla, type, priority, policy, calendar);
			}
		}
		if (firstResponse != null && !sla.isStopped()) {
			sla.owned(firstResponse, calendar);
		}
		sla.refresh(now);
		return Optional.of(sla);
	}

	private static Optional<String> first(List<HistoryEntry> trail, String field) {
		return trail.stream().filter(e -> e.getField().equals(field)).findFirst().map(SlaReplay::oldValue);
	}

	private static @Nullable String oldValue(HistoryEntry entry) {
		return entry.getOldValue();
	}

}
