package org.guichet.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.sla.EscalationLevels;
import org.guichet.sla.EscalationLevels.LevelDefinition;
import org.guichet.sla.EscalationTrigger;
import org.guichet.sla.SlaClock;
import org.guichet.sla.SlaManagement;
import org.guichet.sla.SlaPolicies;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaPolicies.Definition;
import org.guichet.sla.SlaPolicies.TargetDefinition;
import org.guichet.tickets.Priority;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketRepository;
import org.guichet.tickets.TicketType;
import org.springframework.stereotype.Component;

/**
 * The demo's business calendars and SLA policies: office hours for everyone, around the clock
 * for VIP requesters. The demo's past tickets are measured against them as if the policies had
 * always existed, and so are the tickets registered afterwards.
 */
@Component
class DemoServiceLevels {

	private static final int BATCH = 100;

	private final Calendars calendars;

	private final SlaPolicies policies;

	private final EscalationLevels escalationLevels;

	private final SlaManagement sla;

	private final TicketRepository tickets;

	private final EntityManager entityManager;

	DemoServiceLevels(Calendars calendars, SlaPolicies policies, EscalationLevels escalationLevels,
			SlaManagement sla, TicketRepository tickets, EntityManager entityManager) {
		this.calendars = calendars;
		this.policies = policies;
		this.escalationLevels = escalationLevels;
		this.sla = sla;
		this.tickets = tickets;
		this.entityManager = entityManager;
	}

	void create(List<TicketId> past) {
		long office = calendars.define("Bureaux France", StandardCalendars.frenchOffice()).id();
		long always = calendars.define("24/7", StandardCalendars.twentyFourSeven()).id();
		policies.save(null, null, new Definition("Direction (VIP)", always, 1, false, null, true, true, true, null,
				null, null, null, true, targets(1)));
		SlaPolicy standard = policies.save(null, null, new Definition("Standard", office, 10, true, null, true, true,
				true, null, null, null, null, null, targets(STANDARD)));
		startClocks(past);
		// Levels come after the past tickets' clocks: the demo does not start by escalating tickets
		// that were late long ago. 75 % of the time to resolve: the technician and the group are told; one business hour
		// past the deadline: priority one step up and the ticket goes to the first N2 group
		escalationLevels.replace(standard.getId(), null, List.of(
				new LevelDefinition(null, SlaClock.TTR, EscalationTrigger.SHARE, 75, null, true, false, true, false, false,
						null, null),
				new LevelDefinition(null, SlaClock.TTR, EscalationTrigger.AFTER, null, Duration.ofHours(1), false, true,
						false, true, true, null, null)));
	}

	/**
	 * Starts the past tickets' clocks {@value #BATCH} tickets at a time, read together and started
	 * in one pass, emptying the persistence context after each batch: every query flushes it first,
	 * and a context holding all the tickets and their history made the load quadratic.
	 */
	private void startClocks(List<TicketId> past) {
		for (int from = 0; from < past.size(); from += BATCH) {
			List<Long> ids = past.subList(from, Math.min(past.size(), from + BATCH)).stream().map(TicketId::value).toList();
			Map<Long, Ticket> batch = tickets.findAllById(ids).stream().collect(Collectors.toMap(t -> t.id().value(), t -> t));
			sla.startLate(ids.stream().map(batch::get).toList());
			entityManager.flush();
			entityManager.clear();
		}
	}

	/** Time to own and time to resolve of each priority, in its order, in the strictest policy's business time. */
	private static final Duration[][] BY_PRIORITY = { // time to own, time to resolve
			{ Duration.ofHours(4), Duration.ofHours(40) }, // VERY_LOW
			{ Duration.ofHours(2), Duration.ofHours(24) }, // LOW
			{ Duration.ofHours(1), Duration.ofHours(16) }, // MEDIUM
			{ Duration.ofMinutes(30), Duration.ofHours(8) }, // HIGH
			{ Duration.ofMinutes(15), Duration.ofHours(4) }, // VERY_HIGH
			{ Duration.ofMinutes(10), Duration.ofHours(2) } }; // MAJOR

	/** The standard policy's targets are the strictest ones times this factor. */
	private static final int STANDARD = 2;

	/**
	 * The standard policy's time to own a ticket of that priority, in business time: what the
	 * demo's technicians aim at when they take a ticket.
	 */
	static Duration standardTimeToOwn(Priority priority) {
		return BY_PRIORITY[priority.ordinal()][0].multipliedBy(STANDARD);
	}

	/**
	 * Business-time targets per priority: {@code factor} 1 for the strictest policy, 2 for the
	 * standard one. Service requests get twice the resolution time of incidents.
	 */
	private static List<TargetDefinition> targets(int factor) {
		List<TargetDefinition> targets = new ArrayList<>();
		for (TicketType type : TicketType.values()) {
			for (Priority priority : Priority.values()) {
				Duration tto = BY_PRIORITY[priority.ordinal()][0].multipliedBy(factor);
				Duration ttr = BY_PRIORITY[priority.ordinal()][1].multipliedBy(factor);
				targets.add(new TargetDefinition(type, priority, tto,
						type == TicketType.SERVICE_REQUEST ? ttr.multipliedBy(2) : ttr));
			}
		}
		return targets;
	}

}
