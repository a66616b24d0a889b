package org.guichet.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.TicketEvents.TicketStatusChanged;
import org.guichet.tickets.TicketEvents.TicketSurveyOpened;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The satisfaction survey of closed tickets ({@link SurveySettings}). At each closure, in its
 * transaction, the ticket is sampled: a ticket is surveyed when the survey is on and its id falls
 * in the share ({@link #sampled}); its {@link Survey} then opens (a closure after a reopening
 * opens it anew, or removes it when the ticket is no longer sampled because the share changed).
 * The requester is invited when the delay has passed ({@link #inviteDue}, every few minutes) and
 * may rate the ticket from its closure until the survey expires ({@link #requireAnswerable}).
 */
@Service
public class Surveys {

	private final SurveyRepository surveys;

	private final TicketRepository tickets;

	private final DeskSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final EntityManager entityManager;

	Surveys(SurveyRepository surveys, TicketRepository tickets, DeskSettings settings,
			ApplicationEventPublisher events, Clock clock, EntityManager entityManager) {
		this.surveys = surveys;
		this.tickets = tickets;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
		this.entityManager = entityManager;
	}

	/**
	 * Whether the ticket {@code ticketId} falls in a share of {@code sharePercent} % (0 to 100):
	 * its id, mixed by the SplitMix64 finaliser so that consecutive tickets spread evenly, taken
	 * modulo 100, is below the share. Deterministic: the same id and share always agree, and a
	 * ticket in a share is in every larger one.
	 */
	public static boolean sampled(long ticketId, int sharePercent) {
		long z = ticketId + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		z = z ^ (z >>> 31);
		return Math.floorMod(z, 100) < sharePercent;
	}

	/** Every closure, whichever way it came (acceptance, automatic closure, a resolution that closes). */
	@EventListener
	void on(TicketStatusChanged change) {
		if (change.to() == Status.CLOSED) {
			recordClosure(change.ticket().value(), change.at());
		}
	}

	/**
	 * Samples the ticket closed at {@code closedAt} with the settings now, and opens its survey
	 * when it is surveyed. Called by the closure itself; public for the demo data, which writes
	 * past tickets without their events.
	 *
	 * @return its survey, empty when the ticket is not surveyed
	 */
	@Transactional
	public Optional<Survey> recordClosure(long ticketId, Instant closedAt) {
		SurveySettings now = settings.survey();
		Optional<Survey> existing = surveys.findById(ticketId);
		if (!sampled(ticketId, now.effectiveShare())) {
			existing.ifPresent(surveys::delete);
			return Optional.empty();
		}
		if (existing.isPresent()) {
			existing.get().reopen(closedAt, now);
			return existing;
		}
		// new, as the read above found: persisted without the merge's second read
		Survey survey = new Survey(ticketId, closedAt, now);
		entityManager.persist(survey);
		return Optional.of(survey);
	}

	/**
	 * {@link #recordClosure} for a ticket closed in the past (the demo data): an invitation already
	 * due at {@code now} is taken as sent at its time, so that no requester is invited late.
	 */
	@Transactional
	public Optional<Survey> recordPastClosure(long ticketId, Instant closedAt, Instant now) {
		Optional<Survey> survey = recordClosure(ticketId, closedAt);
		survey.filter(s -> !s.getInviteAt().isAfter(now)).ifPresent(s -> s.invited(s.getInviteAt()));
		return survey;
	}

	/** The ticket's survey, empty when it is not surveyed. A reopened ticket keeps it until its next closure. */
	@Transactional(readOnly = true)
	public Optional<Survey> of(TicketId ticket) {
		return surveys.findById(ticket.value());
	}

	/** Whether the requester may rate {@code ticket} now: it is closed, surveyed and its survey open. */
	public boolean answerable(Ticket ticket) {
		return ticket.getStatus() == Status.CLOSED
				&& of(ticket.id()).map(s -> s.isOpenAt(clock.instant())).orElse(false);
	}

	/**
	 * Refuses a rating of {@code ticket} at {@code at} outside its survey.
	 *
	 * @throws InvalidInputException on {@code rating}: {@code ticket.rating.not-surveyed} when the
	 * ticket is not closed or not surveyed, {@code ticket.rating.survey-expired} when its survey
	 * expired
	 */
	void requireAnswerable(Ticket ticket, Instant at) {
		Optional<Survey> survey = ticket.getStatus() == Status.CLOSED ? of(ticket.id()) : Optional.empty();
		if (survey.isEmpty()) {
			throw new InvalidInputException("rating", "ticket.rating.not-surveyed",
					"Only a closed request chosen for the satisfaction survey can be rated");
		}
		if (!survey.get().isOpenAt(at)) {
			throw new InvalidInputException("rating", "ticket.rating.survey-expired",
					"The satisfaction survey of this request has expired: it can no longer be rated");
		}
	}

	/**
	 * Invites the requesters whose survey's delay has passed and which is still answerable,
	 * oldest first: each gets {@link TicketSurveyOpened}. One transaction.
	 *
	 * @param batchSize at most this many
	 * @return how many were invited
	 */
	@Transactional
	public int inviteDue(int batchSize) {
		Instant now = clock.instant();
		List<Survey> due = surveys.findDue(now, PageRequest.of(0, batchSize));
		for (Survey survey : due) {
			survey.invited(now);
			Ticket ticket = tickets.findById(survey.getTicketId()).orElseThrow();
			events.publishEvent(new TicketSurveyOpened(ticket.id(), ticket.getRequester().id().value(),
					survey.getExpiresAt(), now));
		}
		return due.size();
	}

}
