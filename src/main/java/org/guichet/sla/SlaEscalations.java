package org.guichet.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.guichet.calendars.BusinessCalendar;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.User;
import org.guichet.notifications.NotificationEvent;
import org.guichet.notifications.Notifications;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fires the automatic escalation levels of a ticket's SLA policy, each once, in order.
 * <p>
 * A level fires only while its clock runs, and is skipped for good once its clock is met. Firing
 * first inserts the row (ticket, level) into {@code sla_escalation_fired}, in the transaction
 * that then applies the level's actions: when another node fires the same level at the same
 * time, one of the two inserts fails on the primary key and that node's transaction rolls back
 * whole, so the actions, history and notifications exist once.
 */
@Component
class SlaEscalations {

	private final EscalationLevelRepository levels;

	private final JdbcTemplate jdbc;

	private final TicketManagement tickets;

	private final Notifications notifications;

	SlaEscalations(EscalationLevelRepository levels, JdbcTemplate jdbc, TicketManagement tickets,
			Notifications notifications) {
		this.levels = levels;
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.notifications = notifications;
	}

	/** Tells the clock when its next level is due, so that the periodic check comes then. */
	void schedule(TicketSla sla, @Nullable SlaPolicy policy, BusinessCalendar calendar) {
		sla.escalateNextAt(next(sla, policy).map(level -> dueAt(sla, level, calendar)).orElse(null));
	}

	/** Fires, in order, every level due by {@code now}, then schedules the next one. */
	void fireDue(TicketSla sla, SlaPolicy policy, BusinessCalendar calendar, Instant now) {
		Optional<EscalationLevel> level = next(sla, policy);
		while (level.isPresent() && !dueAt(sla, level.get(), calendar).isAfter(now)) {
			fire(sla.getTicketId(), policy, level.get(), now);
			level = next(sla, policy);
		}
		schedule(sla, policy, calendar);
	}

	/**
	 * As {@link #schedule} for the clocks of many tickets (clocks started late, in a batch): each
	 * policy's levels are read once, and the levels already fired by one query for all the tickets.
	 */
	void schedule(List<Scheduling> clocks) {
		Map<Long, List<EscalationLevel>> levelsByPolicy = new HashMap<>();
		List<Long> withLevels = new ArrayList<>();
		for (Scheduling scheduling : clocks) {
			if (!levelsOf(scheduling.policy(), levelsByPolicy).isEmpty()) {
				withLevels.add(scheduling.sla().getTicketId());
			}
		}
		Map<Long, Set<Long>> fired = firedOf(withLevels);
		for (Scheduling scheduling : clocks) {
			TicketSla sla = scheduling.sla();
			sla.escalateNextAt(next(sla, levelsOf(scheduling.policy(), levelsByPolicy),
					fired.getOrDefault(sla.getTicketId(), Set.of()))
				.map(level -> dueAt(sla, level, scheduling.calendar()))
				.orElse(null));
		}
	}

	/** A ticket's clocks to schedule, with their policy and its calendar. */
	record Scheduling(TicketSla sla, SlaPolicy policy, BusinessCalendar calendar) {
	}

	private Optional<EscalationLevel> next(TicketSla sla, @Nullable SlaPolicy policy) {
		if (policy == null || policy.getId() == null) {
			return Optional.empty();
		}
		List<EscalationLevel> ordered = levels.findByPolicyIdOrderByPosition(policy.getId());
		if (ordered.isEmpty()) {
			return Optional.empty();
		}
		return next(sla, ordered, new HashSet<>(jdbc.queryForList(
				"select level_id from sla_escalation_fired where ticket_id = ?", Long.class, sla.getTicketId())));
	}

	/** The first of the policy's levels, in order, not fired and whose clock is not met, when its clock runs. */
	private static Optional<EscalationLevel> next(TicketSla sla, List<EscalationLevel> ordered, Set<Long> fired) {
		for (EscalationLevel level : ordered) {
			if (!fired.contains(level.getId()) && !met(sla, level.getClock())) {
				return sla.runs(level.getClock()) ? Optional.of(level) : Optional.empty();
			}
		}
		return Optional.empty();
	}

	private List<EscalationLevel> levelsOf(SlaPolicy policy, Map<Long, List<EscalationLevel>> levelsByPolicy) {
		Long id = policy.getId();
		return id == null ? List.of() : levelsByPolicy.computeIfAbsent(id, levels::findByPolicyIdOrderByPosition);
	}

	/** The levels already fired for each of these tickets, by ticket id; a ticket without any is left out. */
	private Map<Long, Set<Long>> firedOf(List<Long> ticketIds) {
		Map<Long, Set<Long>> fired = new HashMap<>();
		if (!ticketIds.isEmpty()) {
			new NamedParameterJdbcTemplate(jdbc).query(
					"select ticket_id, level_id from sla_escalation_fired where ticket_id in (:ids)",
					Map.of("ids", ticketIds),
					row -> {
						fired.computeIfAbsent(row.getLong(1), id -> new HashSet<>()).add(row.getLong(2));
					});
		}
		return fired;
	}

	private static boolean met(TicketSla sla, SlaClock clock) {
		return (clock == SlaClock.TTO ? sla.getOwnedAt() : sla.getResolvedAt()) != null;
	}

	private static Instant dueAt(TicketSla sla, EscalationLevel level, BusinessCalendar calendar) {
		return sla.dueAt(level.getClock(), level.getPercent(), level.offset(), calendar);
	}

	private void fire(long ticketId, SlaPolicy policy, EscalationLevel level, Instant now) {
		jdbc.update("insert into sla_escalation_fired (ticket_id, level_id, fired_at) values (?, ?, ?)", ticketId,
				level.getId(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
		String label = policy.getName() + " · " + (level.getPosition() + 1) + " · " + level.when();
		Ticket after = tickets.escalateAutomatically(new TicketId(ticketId), label, level.isRaisePriority(),
				level.isReassign(), level.getReassignGroupId(), level.getObserverId(), now);
		notifications.notify(NotificationEvent.SLA_ESCALATION, recipients(level, after), ticketId, "notification.level-fired", after.id().toString(),
				after.getTitle(), label);
	}

	/**
	 * Those responsible for the ticket once the level acted, so that a level that moves the
	 * ticket tells the people it now belongs to: its technician (the members of its group when
	 * it has none), the technician's manager, the members of its group.
	 */
	private static Set<Long> recipients(EscalationLevel level, Ticket after) {
		Set<Long> recipients = new LinkedHashSet<>();
		User technician = after.getAssignee();
		SupportGroup group = after.getGroup();
		if (level.isNotifyTechnician()) {
			if (technician != null) {
				recipients.add(technician.getId());
			}
			else if (group != null) {
				group.getMembers().stream().map(User::getId).forEach(recipients::add);
			}
		}
		if (level.isNotifySupervisor() && technician != null && technician.getManager() != null) {
			recipients.add(technician.getManager().getId());
		}
		if (level.isNotifyGroup() && group != null) {
			group.getMembers().stream().map(User::getId).forEach(recipients::add);
		}
		return recipients;
	}

}
