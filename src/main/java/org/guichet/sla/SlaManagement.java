package org.guichet.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.guichet.calendars.BusinessCalendar;
import org.guichet.calendars.CalendarChanged;
import org.guichet.calendars.Calendars;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.tickets.Category;
import org.guichet.tickets.Categories;
import org.guichet.tickets.HistoryEntry;
import org.guichet.tickets.Priority;
import org.guichet.tickets.SlaFacts;
import org.guichet.tickets.SlaHandOver;
import org.guichet.tickets.SlaState;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketEvents.TicketClassified;
import org.guichet.tickets.TicketEvents.TicketCommented;
import org.guichet.tickets.TicketEvents.TicketCreated;
import org.guichet.tickets.TicketEvents.TicketFactsReset;
import org.guichet.tickets.TicketEvents.TicketPriorityChanged;
import org.guichet.tickets.TicketEvents.TicketStatusChanged;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each ticket's SLA clocks in step with what happens to the ticket. It listens to the
 * ticket's events in the same transaction, so a ticket and its deadlines are always saved
 * together. Status changes go through the transition table ({@link SlaTransition}); the other
 * changes (first response, priority, type, category, an edited policy or calendar) are handled
 * here, each as {@code docs/SLA.md} says. A closed or cancelled ticket's clocks change again only
 * when it is reopened.
 */
@Service
@Transactional
public class SlaManagement {

	private final SlaPolicyRepository policies;

	private final TicketSlaRepository clocks;

	private final Calendars calendars;

	private final Categories categories;

	private final UserRepository users;

	private final TicketManagement tickets;

	private final SlaEscalations escalations;

	private final OrderedPolicies orderedPolicies;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final EntityManager entityManager;

	SlaManagement(SlaPolicyRepository policies, TicketSlaRepository clocks, Calendars calendars,
			Categories categories, UserRepository users, TicketManagement tickets, SlaEscalations escalations,
			OrderedPolicies orderedPolicies, ApplicationEventPublisher events, Clock clock, EntityManager entityManager) {
		this.policies = policies;
		this.orderedPolicies = orderedPolicies;
		this.clocks = clocks;
		this.calendars = calendars;
		this.categories = categories;
		this.users = users;
		this.tickets = tickets;
		this.escalations = escalations;
		this.events = events;
		this.clock = clock;
		this.entityManager = entityManager;
	}

	@Transactional(readOnly = true)
	public Optional<SlaView> of(TicketId ticket) {
		return clocks.findById(ticket.value()).map(sla -> view(sla, clock.instant()));
	}

	@EventListener
	void on(TicketCreated created) {
		User requester = users.findById(created.requesterId()).orElseThrow();
		Optional<SlaPolicy> chosen = Optional.ofNullable(created.slaPolicyId()).flatMap(orderedPolicies::byId);
		Optional<SlaPolicy> policy = chosen.or(() -> select(created.type(), created.categoryId(), requester));
		policy.ifPresent(p -> p.targetsFor(created.type(), created.priority()).ifPresent(targets -> {
			TicketSla sla = new TicketSla(created.ticket().value(), created.type(), p.getId(), targets, created.at(),
					calendarOf(p));
			sla.chosenByRouting(chosen.isPresent());
			refresh(sla, p, created.at());
			// a new ticket has no clocks: persisted without the merge's read, its facts from the policy at hand
			entityManager.persist(sla);
			tickets.recordSla(created.ticket(), sla.getState(), sla.nextDeadline(),
					sla.facts(clock.instant(), calendarOf(p)));
			tickets.recordSystemChange(created.ticket(), "slaPolicy", null, describe(p, sla, chosen.isPresent()),
					created.at());
		}));
	}

	/**
	 * Starts the clocks of a ticket that has none — registered while no policy applied to it,
	 * loaded or imported — as if they had run since its registration: they are computed from the
	 * ticket's history, and the history says which policy now counts them. A ticket that has
	 * clocks keeps them.
	 */
	public void startLate(Ticket ticket) {
		startLate(List.of(ticket));
	}

	/**
	 * As {@link #startLate(Ticket)} for many tickets in one pass (a load, an import): which of them
	 * have clocks, their audit trails and the escalation levels they fired are read by one query
	 * each, the policies, their calendars and levels once for all; the new clocks are handed over to
	 * the tickets in one batch. The caller keeps the batch to a size an {@code in} list takes
	 * (hundreds of tickets).
	 *
	 * @param late tickets stored in this transaction's persistence context; those that have clocks
	 * keep them
	 */
	public void startLate(List<Ticket> late) {
		if (late.isEmpty()) {
			return;
		}
		Set<Long> started = new HashSet<>(clocks.findStartedAmong(late.stream().map(t -> t.id().value()).toList()));
		List<Ticket> starting = late.stream().filter(t -> !started.contains(t.id().value())).toList();
		if (starting.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		List<SlaPolicy> ordered = orderedPolicies.current();
		Map<Long, Counting> countings = new HashMap<>();
		Map<TicketId, List<HistoryEntry>> trails = tickets.auditTrails(starting.stream().map(Ticket::id).toList());
		List<SlaEscalations.Scheduling> schedulings = new ArrayList<>();
		for (Ticket ticket : starting) {
			Category category = ticket.getCategory();
			select(ordered, ticket.getType(), category == null ? null : category.getId(), ticket.getRequester())
				.ifPresent(policy -> {
					Counting counting = countings.computeIfAbsent(policy.getId(), id -> counting(policy));
					SlaReplay.replay(ticket, trails.get(ticket.id()), policy, counting.calendar(), now).ifPresent(sla -> {
						sla.chosenByRouting(false);
						schedulings.add(new SlaEscalations.Scheduling(sla, policy, counting.calendar()));
					});
				});
		}
		escalations.schedule(schedulings);
		List<SlaHandOver> handOvers = new ArrayList<>();
		for (SlaEscalations.Scheduling scheduling : schedulings) {
			TicketSla sla = scheduling.sla();
			TicketId ticket = new TicketId(sla.getTicketId());
			Counting counting = countings.get(scheduling.policy().getId());
			sla.refresh(now);
			// new, as the query above found: persisted without the merge's read
			entityManager.persist(sla);
			handOvers.add(new SlaHandOver(ticket, sla.getState(), sla.nextDeadline(), sla.facts(now, counting.calendar())));
			tickets.recordSystemChange(ticket, "slaPolicy", null,
					describe(scheduling.policy(), sla, false, counting.calendarVersion()), now);
		}
		tickets.recordSla(handOvers);
	}

	/** A policy's calendar and the calendar's version, read once for a batch. */
	private record Counting(BusinessCalendar calendar, long calendarVersion) {
	}

	private Counting counting(SlaPolicy policy) {
		return new Counting(calendarOf(policy), calendars.version(policy.getCalendarId()));
	}

	@EventListener
	void on(TicketStatusChanged change) {
		updating(change.ticket(), (sla, policy, calendar) -> {
			Ticket ticket = tickets.find(change.ticket());
			ClockReactions.statusChanged(sla, change, ticket.getType(), ticket.getPriority(), policy, calendar);
			refresh(sla, policy, change.at());
		});
	}

	/** The IT team's public reply meets the TTO clock when the policy counts the first response. */
	@EventListener
	void on(TicketCommented commented) {
		if (commented.internal() || commented.byRequester()) {
			return;
		}
		running(commented.ticket(), (sla, policy, calendar) -> {
			ClockReactions.commented(sla, commented, policy, calendar);
			refresh(sla, policy, commented.at());
		});
	}

	/**
	 * A priority change gives the running clocks the targets of the new priority, counted from
	 * the ticket's creation; the ticket's history records the new deadline.
	 */
	@EventListener
	void on(TicketPriorityChanged change) {
		running(change.ticket(), (sla, policy, calendar) -> retarget(sla, policy, calendar, change.type(),
				change.to(), change.at()));
	}

	/**
	 * A new type gives the running clocks that type's targets; a new type or category selects the
	 * policy again by the policies' conditions, unless routing chose it. Another policy recomputes
	 * the running clocks from the ticket's history with its targets and calendar.
	 */
	@EventListener
	void on(TicketClassified change) {
		if (!clocks.existsById(change.ticket().value())) {
			startLate(tickets.find(change.ticket()));
			return;
		}
		running(change.ticket(), (sla, policy, calendar) -> {
			Ticket ticket = tickets.find(change.ticket());
			if (!sla.isPolicyFromRouting()) {
				Optional<SlaPolicy> selected = select(change.type(), change.categoryId(), ticket.getRequester());
				if (selected.isPresent() && !Objects.equals(selected.get().getId(), policy.getId())) {
					SlaPolicy next = selected.get();
					Optional<TicketSla> recomputed = replay(ticket, next, false);
					if (recomputed.isPresent()) {
						tickets.recordSystemChange(change.ticket(), "slaPolicy", policy.getName(),
								describe(next, recomputed.get(), false), change.at());
						sla.replaceWith(recomputed.get(), TicketSla.Recompute.RUNNING);
						refresh(sla, next, change.at());
						return;
					}
				}
			}
			if (change.type() != sla.getTicketType()) {
				retarget(sla, policy, calendar, change.type(), ticket.getPriority(), change.at());
			}
		});
	}

	/** An edited calendar: the running clocks of the policies counted on it are recomputed at the next check. */
	@EventListener
	void on(CalendarChanged change) {
		Instant now = clock.instant();
		for (SlaPolicy policy : orderedPolicies.current()) {
			if (policy.getCalendarId() == change.calendarId()) {
				clocks.recomputeRunning(policy.getId(), now);
			}
		}
	}

	/**
	 * Brings the stored state of one due ticket up to date: recomputes its clocks from the
	 * ticket's history first when asked to, then fires the escalation levels due.
	 */
	void check(long ticketId, Instant now) {
		TicketId id = new TicketId(ticketId);
		// a deadline that passed since the last look is a verdict now, whatever the facts said then
		updating(id, true, (sla, policy, calendar) -> {
			TicketSla.Recompute scope = sla.getRecompute();
			if (scope != null) {
				replay(tickets.find(id), policy, sla.isPolicyFromRouting()).ifPresentOrElse(
						recomputed -> sla.replaceWith(recomputed, scope), sla::keepAsItIs);
				refresh(sla, policy, now);
			}
			escalations.fireDue(sla, policy, calendar, now);
			sla.refresh(now);
		});
	}

	/**
	 * The clocks of a ticket as its history says they ran under {@code policy}: its first type and
	 * priority, then every status change through the transition table, every change of priority
	 * and type, and the first response. Empty when the policy has no targets for the ticket.
	 */
	private Optional<TicketSla> replay(Ticket ticket, SlaPolicy policy, boolean fromRouting) {
		BusinessCalendar calendar = calendarOf(policy);
		return SlaReplay.replay(ticket, tickets.auditTrail(ticket.id()), policy, calendar, clock.instant())
			.map(sla -> {
				sla.chosenByRouting(fromRouting);
				escalations.schedule(sla, policy, calendar);
				sla.refresh(clock.instant());
				return sla;
			});
	}

	private void retarget(TicketSla sla, SlaPolicy policy, BusinessCalendar calendar, TicketType type,
			Priority priority, Instant at) {
		Instant before = sla.getTtrDeadline();
		if (ClockReactions.reclassified(sla, type, priority, policy, calendar)) {
			refresh(sla, policy, at);
			if (!before.equals(sla.getTtrDeadline())) {
				tickets.recordSystemChange(new TicketId(sla.getTicketId()), "slaTtrDeadline", before.toString(),
						sla.getTtrDeadline().toString(), at);
			}
		}
	}

	/** Stores the state as of {@code at}, with the next escalation level in the next check. */
	private void refresh(TicketSla sla, SlaPolicy policy, Instant at) {
		escalations.schedule(sla, policy, calendarOf(policy));
		sla.refresh(at);
	}

	/** A change to a ticket's clocks, with their policy and its calendar. */
	private interface ClockChange {

		void apply(TicketSla sla, SlaPolicy policy, BusinessCalendar calendar);

	}

	/** Applies a change to clocks that are not closed or cancelled. */
	private void running(TicketId ticket, ClockChange change) {
		updating(ticket, (sla, policy, calendar) -> {
			if (!sla.isStopped()) {
				change.apply(sla, policy, calendar);
			}
		});
	}

	/**
	 * A batch of tickets' facts are derived again (after an upgrade, a seeding or a rebuild): their
	 * clocks hand their columns over again, as they stand now, all in one go — the clocks read by
	 * one query, each policy and calendar once for the batch.
	 */
	@EventListener
	void on(TicketFactsReset reset) {
		Instant now = clock.instant();
		Map<Long, Optional<SlaPolicy>> policiesById = new HashMap<>();
		Map<Long, BusinessCalendar> calendarsById = new HashMap<>();
		List<SlaHandOver> handOvers = clocks.findAllById(reset.tickets().stream().map(TicketId::value).toList())
			.stream()
			.map(sla -> {
				SlaPolicy policy = sla.getPolicyId() == null ? null
						: policiesById.computeIfAbsent(sla.getPolicyId(), policies::findById).orElse(null);
				SlaFacts facts = policy == null ? SlaFacts.NONE
						: sla.facts(now, calendarsById.computeIfAbsent(policy.getCalendarId(), calendars::calendar));
				return new SlaHandOver(new TicketId(sla.getTicketId()), sla.getState(), sla.nextDeadline(), facts);
			})
			.toList();
		tickets.recordSla(handOvers);
	}

	/** What the ticket's facts keep of its clocks as of now; none when their policy was deleted. */
	private SlaFacts facts(TicketSla sla) {
		SlaPolicy policy = policyOf(sla);
		return policy == null ? SlaFacts.NONE : sla.facts(clock.instant(), calendarOf(policy));
	}

	/**
	 * Applies a change to a ticket's clocks, then shows the ticket's new state and next deadline
	 * on the ticket, and hands the facts' SLA columns over, when one of them changed, and tells
	 * when the clocks became at risk or breached. A clock whose policy was deleted is left as it is.
	 */
	private void updating(TicketId ticket, ClockChange change) {
		updating(ticket, false, change);
	}

	/**
	 * As {@link #updating(TicketId, ClockChange)}; with {@code handOver}, the facts are handed
	 * over even when the change did not move them.
	 */
	private void updating(TicketId ticket, boolean handOver, ClockChange change) {
		clocks.findById(ticket.value()).ifPresent(sla -> {
			SlaPolicy policy = policyOf(sla);
			if (policy == null) {
				return;
			}
			SlaState state = sla.getState();
			Instant deadline = sla.nextDeadline();
			SlaFacts facts = facts(sla);
			change.apply(sla, policy, calendarOf(policy));
			SlaFacts after = facts(sla);
			if (handOver || sla.getState() != state || !Objects.equals(sla.nextDeadline(), deadline)
					|| !after.equals(facts)) {
				tickets.recordSla(ticket, sla.getState(), sla.nextDeadline(), after);
			}
			if (sla.getState() == SlaState.BREACHED && state != SlaState.BREACHED) {
				events.publishEvent(new SlaBreached(ticket, clock.instant()));
			}
			else if (sla.getState() == SlaState.AT_RISK && state != SlaState.AT_RISK && state != SlaState.BREACHED) {
				events.publishEvent(new SlaAtRisk(ticket, clock.instant()));
			}
		});
	}

	/** The first policy whose conditions match, at any depth of the category tree, else the fallback. */
	private Optional<SlaPolicy> select(TicketType type, @Nullable Long categoryId, User requester) {
		return select(orderedPolicies.current(), type, categoryId, requester);
	}

	/** As {@link #select(TicketType, Long, User)} among {@code ordered}, the policies in their order. */
	private Optional<SlaPolicy> select(List<SlaPolicy> ordered, TicketType type, @Nullable Long categoryId,
			User requester) {
		List<Long> categoryIds = categories.lineage(categoryId);
		return ordered.stream()
			.filter(p -> !p.isFallback())
			.filter(p -> p.matches(type, categoryIds, requester.getDepartment(), requester.isVip()))
			.findFirst()
			.or(() -> ordered.stream().filter(SlaPolicy::isFallback).findFirst());
	}

	/** What the history says of the policy that counts a ticket's clocks, for people and for a recomputation. */
	private String describe(SlaPolicy policy, TicketSla sla, boolean fromRouting) {
		return describe(policy, sla, fromRouting, calendars.version(policy.getCalendarId()));
	}

	private static String describe(SlaPolicy policy, TicketSla sla, boolean fromRouting, long calendarVersion) {
		return "#" + policy.getId() + " " + policy.getName() + " v" + policy.getVersion() + " · TTO "
				+ sla.timeToOwn() + " · TTR " + sla.timeToResolve() + " · calendar #" + policy.getCalendarId()
				+ " v" + calendarVersion
				+ (fromRouting ? " · routing" : "");
	}

	private @Nullable SlaPolicy policyOf(TicketSla sla) {
		return sla.getPolicyId() == null ? null : orderedPolicies.byId(sla.getPolicyId()).orElse(null);
	}

	private BusinessCalendar calendarOf(SlaPolicy policy) {
		return calendars.calendar(policy.getCalendarId());
	}

	/** A clock still counting says it is paused while the ticket waits, unless it is already breached. */
	private static SlaState shown(TicketSla sla, SlaState clock) {
		boolean counting = clock == SlaState.ON_TRACK || clock == SlaState.AT_RISK;
		return sla.isPaused() && counting ? SlaState.PAUSED : clock;
	}

	private SlaView view(TicketSla sla, Instant now) {
		SlaPolicy policy = Objects.requireNonNull(policyOf(sla), "a policy in use is never deleted");
		BusinessCalendar calendar = calendarOf(policy);
		Instant reference = sla.isPaused() ? sla.pausedSince() : now;
		SlaState tto = shown(sla, sla.ttoState(now));
		SlaState ttr = shown(sla, sla.ttrState(now));
		return new SlaView(policy.getName(), sla.getTtoDeadline(), sla.getTtrDeadline(), sla.state(now), tto, ttr,
				sla.pausedSoFar(now, calendar), sla.isPaused(),
				tto.isVerdict() ? null : calendar.businessTimeBetween(reference, sla.getTtoDeadline()),
				ttr.isVerdict() ? null : calendar.businessTimeBetween(reference, sla.getTtrDeadline()));
	}

}
