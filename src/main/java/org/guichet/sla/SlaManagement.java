package org.guichet.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.guichet.calendars.BusinessCalendar;
import org.guichet.calendars.Calendars;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.tickets.Category;
import org.guichet.tickets.CategoryRepository;
import org.guichet.tickets.Status;
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

	private final CategoryRepository categories;

	private final UserRepository users;

	private final TicketManagement tickets;

	private final Clock clock;

	SlaManagement(SlaPolicyRepository policies, TicketSlaRepository clocks, Calendars calendars,
			CategoryRepository categories, UserRepository users, TicketManagement tickets, Clock clock) {
		this.policies = policies;
		this.clocks = clocks;
		this.calendars = calendars;
		this.categories = categories;
		this.users = users;
		this.tickets = tickets;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<SlaView> of(TicketId ticket) {
		return clocks.findById(ticket.value()).map(sla -> view(sla, clock.instant()));
	}

	/** The state stored at the last change or check, as lists and queues show it. */
	@Transactional(readOnly = true)
	public Optional<SlaState> storedState(TicketId ticket) {
		return clocks.findById(ticket.value()).map(TicketSla::getState);
	}

	@EventListener
	void on(TicketCreated created) {
		User requester = users.findById(created.requesterId()).orElseThrow();
		Optional<SlaPolicy> policy = select(created, requester);
		if (policy.isEmpty()) {
			return;
		}
		policy.get().targetsFor(created.type(), created.priority()).ifPresent(targets -> {
			BusinessCalendar calendar = calendars.calendar(policy.get().getCalendarId());
			clocks.save(new TicketSla(created.ticket().value(), created.type(), policy.get().getId(), targets,
					created.at(), calendar));
		});
	}

	@EventListener
	void on(TicketStatusChanged change) {
		clocks.findById(change.ticket().value()).ifPresent(sla -> {
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
			sla.refresh(at);
		});
	}

	@EventListener
	void on(TicketCommented commented) {
		if (commented.internal() || commented.byRequester()) {
			return;
		}
		clocks.findById(commented.ticket().value()).ifPresent(sla -> {
			SlaPolicy policy = policyOf(sla);
			if (policy != null && policy.getTtoMetBy() == TtoTrigger.FIRST_RESPONSE) {
				sla.owned(commented.at());
				sla.refresh(commented.at());
			}
		});
	}

	/**
	 * A priority change recomputes the targets from the ticket's creation; the ticket's history
	 * records the new deadline.
	 */
	@EventListener
	void on(TicketPriorityChanged change) {
		clocks.findById(change.ticket().value()).ifPresent(sla -> {
			SlaPolicy policy = policyOf(sla);
			if (policy == null) {
				return;
			}
			policy.targetsFor(change.type(), change.to()).ifPresent(targets -> {
				Instant before = sla.getTtrDeadline();
				sla.retarget(policy.getId(), targets, calendarOf(policy));
				sla.refresh(change.at());
				tickets.recordSystemChange(change.ticket(), "slaTtrDeadline", before.toString(),
						sla.getTtrDeadline().toString(), change.at());
			});
		});
	}

	/**
	 * Brings the stored state of one due ticket up to date.
	 *
	 * @return whether its state changed
	 */
	boolean check(long ticketId, Instant now) {
		return clocks.findById(ticketId).map(sla -> sla.refresh(now)).orElse(false);
	}

	/** The policy routing chose, when it still exists; else the first whose conditions match. */
	private Optional<SlaPolicy> select(TicketCreated created, User requester) {
		if (created.slaPolicyId() != null) {
			Optional<SlaPolicy> chosen = policies.findById(created.slaPolicyId());
			if (chosen.isPresent()) {
				return chosen;
			}
		}
		List<Long> categoryIds = new ArrayList<>();
		if (created.categoryId() != null) {
			categoryIds.add(created.categoryId());
			categories.findById(created.categoryId())
				.map(Category::getParent)
				.map(Category::getId)
				.ifPresent(categoryIds::add);
		}
		List<SlaPolicy> ordered = policies.findAllInOrder();
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
