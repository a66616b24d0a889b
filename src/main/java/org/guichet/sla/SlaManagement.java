package org.guichet.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.guichet.calendars.BusinessCalendar;
import org.guichet.calendars.Calendars;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.tickets.Category;
import org.guichet.tickets.Categories;
import org.guichet.tickets.SlaState;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketEvents.TicketCommented;
import org.guichet.tickets.TicketEvents.TicketCreated;
import org.guichet.tickets.TicketEvents.TicketPriorityChanged;
import org.guichet.tickets.TicketEvents.TicketStatusChanged;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each ticket's SLA clocks in step with what happens to the ticket. It listens to the
 * ticket's events in the same transaction, so a ticket and its deadlines are always saved
 * together.
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

	private final Clock clock;

	SlaManagement(SlaPolicyRepository policies, TicketSlaRepository clocks, Calendars calendars,
			Categories categories, UserRepository users, TicketManagement tickets, SlaEscalations escalations,
			OrderedPolicies orderedPolicies, Clock clock) {
		this.policies = policies;
		this.orderedPolicies = orderedPolicies;
		this.clocks = clocks;
		this.calendars = calendars;
		this.categories = categories;
		this.users = users;
		this.tickets = tickets;
		this.escalations = escalations;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<SlaView> of(TicketId ticket) {
		return clocks.findById(ticket.value()).map(sla -> view(sla, clock.instant()));
	}

	@EventListener
	void on(TicketCreated created) {
		start(created, (sla, policy, calendar) -> refresh(sla, policy, created.at()));
	}

	/**
	 * Starts the clocks of a ticket registered while no policy existed (loaded or imported), as if
	 * they had run since its registration, and brings them to where the ticket stands: owned,
	 * resolved, closed, or paused since its last change if it waits. Earlier pauses are not known
	 * and count as running time. A ticket that has clocks keeps them.
	 */
	public void startLate(Ticket ticket) {
		if (clocks.existsById(ticket.id().value())) {
			return;
		}
		Category category = ticket.getCategory();
		TicketCreated registration = new TicketCreated(ticket.id(), ticket.getType(), ticket.getPriority(),
				category == null ? null : category.getId(), ticket.getRequester().id().value(), ticket.getCreatedAt(),
				null);
		start(registration, (sla, policy, calendar) -> {
			Instant owned = policy.getTtoMetBy() == TtoTrigger.FIRST_RESPONSE ? ticket.getFirstResponseAt()
					: ticket.getOwnedAt();
			if (owned != null) {
				sla.owned(owned);
			}
			if (ticket.getResolvedAt() != null) {
				sla.resolved(ticket.getResolvedAt(), calendar);
			}
			if (ticket.getStatus() == Status.PENDING && policy.pauses(ticket.getPendingReason())) {
				sla.pause(ticket.getUpdatedAt());
			}
			if (ticket.getClosedAt() != null) {
				sla.stop(ticket.getClosedAt());
			}
			else {
				refresh(sla, policy, clock.instant());
			}
		});
	}

	private void start(TicketCreated created, ClockSetup setup) {
		User requester = users.findById(created.requesterId()).orElseThrow();
		Optional<SlaPolicy> policy = select(created, requester);
		if (policy.isEmpty()) {
			return;
		}
		policy.get().targetsFor(created.type(), created.priority()).ifPresent(targets -> {
			BusinessCalendar calendar = calendars.calendar(policy.get().getCalendarId());
			TicketSla sla = new TicketSla(created.ticket().value(), created.type(), policy.get().getId(), targets,
					created.at(), calendar);
			setup.apply(sla, policy.get(), calendar);
			clocks.save(sla);
			tickets.recordSla(created.ticket(), sla.getState(), sla.nextDeadline());
		});
	}

	/** Brings new clocks to where their ticket stands. */
	private interface ClockSetup {

		void apply(TicketSla sla, SlaPolicy policy, BusinessCalendar calendar);

	}

	@EventListener
	void on(TicketStatusChanged change) {
		updating(change.ticket(), sla -> {
			SlaPolicy policy = policyOf(sla);
			BusinessCalendar calendar = calendarOf(policy);
			Instant at = change.at();
			if (change.from() == Status.PENDING) {
				sla.resume(at, calendar);
			}
			if (change.from() == Status.RESOLVED || change.from() == Status.CLOSED) {
				sla.reopened(at, calendar);
				sla.restart(at);
			}
			switch (change.to()) {
				case PENDING -> {
					if (policy == null || policy.pauses(change.pendingReason())) {
						sla.pause(at);
					}
				}
				case IN_PROGRESS -> {
					if (policy == null || policy.getTtoMetBy() == TtoTrigger.TAKEN_IN_CHARGE) {
						sla.owned(at);
					}
				}
				case RESOLVED -> sla.resolved(at, calendar);
				case CLOSED, CANCELLED -> sla.stop(at);
				case NEW, ASSIGNED -> {
				}
			}
			refresh(sla, policy, at);
		});
	}

	@EventListener
	void on(TicketCommented commented) {
		if (commented.internal() || commented.byRequester()) {
			return;
		}
		updating(commented.ticket(), sla -> {
			SlaPolicy policy = policyOf(sla);
			if (policy != null && policy.getTtoMetBy() == TtoTrigger.FIRST_RESPONSE) {
				sla.owned(commented.at());
				refresh(sla, policy, commented.at());
			}
		});
	}

	/**
	 * A priority change recomputes the targets from the ticket's creation; the ticket's history
	 * records the new deadline.
	 */
	@EventListener
	void on(TicketPriorityChanged change) {
		updating(change.ticket(), sla -> {
			SlaPolicy policy = policyOf(sla);
			if (policy == null) {
				return;
			}
			policy.targetsFor(change.type(), change.to()).ifPresent(targets -> {
				Instant before = sla.getTtrDeadline();
				sla.retarget(policy.getId(), targets, calendarOf(policy));
				refresh(sla, policy, change.at());
				tickets.recordSystemChange(change.ticket(), "slaTtrDeadline", before.toString(),
						sla.getTtrDeadline().toString(), change.at());
			});
		});
	}

	/**
	 * Brings the stored state of one due ticket up to date.
	 */
	void check(long ticketId, Instant now) {
		updating(new TicketId(ticketId), sla -> {
			SlaPolicy policy = policyOf(sla);
			if (policy != null) {
				escalations.fireDue(sla, policy, calendarOf(policy), now);
			}
			sla.refresh(now);
		});
	}

	/** Stores the state as of {@code at}, with the next escalation level in the next check. */
	private void refresh(TicketSla sla, @Nullable SlaPolicy policy, Instant at) {
		if (policy != null) {
			escalations.schedule(sla, policy, calendarOf(policy));
		}
		sla.refresh(at);
	}

	/**
	 * Applies a change to a ticket's clocks, then shows the ticket's new state and next deadline
	 * on the ticket when they changed.
	 */
	private void updating(TicketId ticket, Consumer<TicketSla> change) {
		clocks.findById(ticket.value()).ifPresent(sla -> {
			SlaState state = sla.getState();
			Instant deadline = sla.nextDeadline();
			change.accept(sla);
			if (sla.getState() != state || !Objects.equals(sla.nextDeadline(), deadline)) {
				tickets.recordSla(ticket, sla.getState(), sla.nextDeadline());
			}
		});
	}

	/** The policy routing chose, when it still exists; else the first whose conditions match. */
	private Optional<SlaPolicy> select(TicketCreated created, User requester) {
		if (created.slaPolicyId() != null) {
			Optional<SlaPolicy> chosen = policies.findById(created.slaPolicyId());
			if (chosen.isPresent()) {
				return chosen;
			}
		}
		List<Long> categoryIds = categories.lineage(created.categoryId());
		List<SlaPolicy> ordered = orderedPolicies.current();
		return ordered.stream()
			.filter(p -> !p.isFallback())
			.filter(p -> p.matches(created.type(), categoryIds, requester.getDepartment(), requester.isVip()))
			.findFirst()
			.or(() -> ordered.stream().filter(SlaPolicy::isFallback).findFirst());
	}

	private @Nullable SlaPolicy policyOf(TicketSla sla) {
		return sla.getPolicyId() == null ? null : policies.findById(sla.getPolicyId()).orElse(null);
	}

	private BusinessCalendar calendarOf(@Nullable SlaPolicy policy) {
		if (policy == null) {
			throw new IllegalStateException("An SLA clock without policy cannot be recomputed");
		}
		return calendars.calendar(policy.getCalendarId());
	}

	private SlaView view(TicketSla sla, Instant now) {
		SlaPolicy policy = policyOf(sla);
		BusinessCalendar calendar = calendarOf(policy);
		Instant reference = sla.isPaused() ? sla.pausedSince() : now;
		return new SlaView(policy.getName(), sla.getTtoDeadline(), sla.getTtrDeadline(), sla.state(now),
				sla.ttoState(now), sla.ttrState(now), sla.pausedSoFar(now, calendar), sla.isPaused(),
				calendar.businessTimeBetween(reference, sla.getTtoDeadline()),
				calendar.businessTimeBetween(reference, sla.getTtrDeadline()));
	}

}
