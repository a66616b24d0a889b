package org.guichet.sla;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.guichet.calendars.BusinessCalendar;
import org.guichet.tickets.SlaState;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * The two SLA clocks of one ticket: time to own (TTO) and time to resolve (TTR).
 * <p>
 * Each deadline is the ticket's creation plus its target plus the business time the clock was
 * paused, all counted on the calendar. A clock pauses while the ticket waits (for a reason the
 * policy says pauses it), and the TTR clock also stops between a resolution and its refusal: a
 * refused solution reopens the clock without counting the time the requester took to answer.
 */
@Entity
public class TicketSla {

	@Id
	private Long ticketId;

	private @Nullable Long policyId;

	@Enumerated(EnumType.STRING)
	private TicketType ticketType;

	private long ttoTargetSeconds;

	private long ttrTargetSeconds;

	private int atRiskPercent;

	private Instant startedAt;

	private long ttoPausedSeconds;

	private long ttrPausedSeconds;

	private Instant ttoRiskAt;

	private Instant ttoDeadline;

	private Instant ttrRiskAt;

	private Instant ttrDeadline;

	private @Nullable Instant ownedAt;

	private @Nullable Instant resolvedAt;

	private @Nullable Instant pausedSince;

	/** Closed or cancelled: the clocks say no more. */
	private boolean stopped;

	/** The state when last refreshed, for lists and queues; {@link #state(Instant)} is exact. */
	@Enumerated(EnumType.STRING)
	private SlaState state = SlaState.ON_TRACK;

	private @Nullable Instant nextCheckAt;

	/** When the next automatic escalation level is due, as the policy's levels say. */
	private @Nullable Instant nextEscalationAt;

	@Version
	private long version;

	@SuppressWarnings("NullAway")
	protected TicketSla() {
		this.ticketId = 0L;
		this.ticketType = TicketType.INCIDENT;
		this.startedAt = Instant.EPOCH;
	}

	public TicketSla(long ticketId, TicketType ticketType, @Nullable Long policyId, SlaTargets targets,
			Instant startedAt, BusinessCalendar calendar) {
		this.ticketId = ticketId;
		this.ticketType = ticketType;
		this.policyId = policyId;
		this.startedAt = startedAt;
		apply(targets);
		recompute(calendar);
		refresh(startedAt);
	}

	// --- What happens to the ticket ---------------------------------------------------------

	public void pause(Instant at) {
		if (pausedSince == null && !isDone()) {
			pausedSince = at;
		}
	}

	public void resume(Instant at, BusinessCalendar calendar) {
		if (pausedSince == null) {
			return;
		}
		long paused = seconds(calendar.businessTimeBetween(pausedSince, at));
		if (ownedAt == null) {
			ttoPausedSeconds += paused;
		}
		if (resolvedAt == null) {
			ttrPausedSeconds += paused;
		}
		pausedSince = null;
		recompute(calendar);
	}

	/** Taken in charge: the TTO clock stops for good. */
	public void owned(Instant at) {
		if (ownedAt == null) {
			ownedAt = at;
		}
	}

	/** Resolved: the TTR clock stops, until a refusal reopens it. */
	public void resolved(Instant at, BusinessCalendar calendar) {
		resume(at, calendar);
		owned(at);
		resolvedAt = at;
	}

	/** The solution was refused or the ticket reopened: the TTR clock runs again. */
	public void reopened(Instant at, BusinessCalendar calendar) {
		if (resolvedAt == null) {
			return;
		}
		ttrPausedSeconds += seconds(calendar.businessTimeBetween(resolvedAt, at));
		resolvedAt = null;
		recompute(calendar);
	}

	/** Closed or cancelled: nothing more to watch. */
	public void stop(Instant at) {
		pausedSince = null;
		stopped = true;
		refresh(at);
	}

	/** Reopened after closure. */
	public void restart(Instant at) {
		stopped = false;
		refresh(at);
	}

	/**
	 * Stores the state as of {@code now} and when it must be looked at again.
	 *
	 * @return whether the stored state changed
	 */
	public boolean refresh(Instant now) {
		SlaState previous = state;
		state = state(now);
		nextCheckAt = stopped ? null : nextChange(now);
		return previous != state;
	}

	/** New targets, e.g. after a priority change: deadlines count again from the creation. */
	public void retarget(@Nullable Long newPolicyId, SlaTargets targets, BusinessCalendar calendar) {
		policyId = newPolicyId;
		apply(targets);
		recompute(calendar);
	}

	// --- Reading ----------------------------------------------------------------------------

	public SlaState state(Instant now) {
		SlaState tto = ttoState(now);
		SlaState ttr = ttrState(now);
		if (tto == SlaState.BREACHED || ttr == SlaState.BREACHED) {
			return SlaState.BREACHED;
		}
		if (tto == SlaState.AT_RISK || ttr == SlaState.AT_RISK) {
			return SlaState.AT_RISK;
		}
		if (ttr == SlaState.MET || ttr == SlaState.MISSED) {
			return tto == SlaState.MISSED ? SlaState.MISSED : ttr;
		}
		return SlaState.ON_TRACK;
	}

	public SlaState ttoState(Instant now) {
		return clockState(ownedAt, ttoRiskAt, ttoDeadline, now);
	}

	public SlaState ttrState(Instant now) {
		return clockState(resolvedAt, ttrRiskAt, ttrDeadline, now);
	}

	/**
	 * When the state of an open clock changes next, if nothing else happens to the ticket: the
	 * instant a check must look at it. Null when both clocks are stopped or paused.
	 */
	public @Nullable Instant nextChange(Instant now) {
		if (pausedSince != null || isDone()) {
			return null;
		}
		Instant next = null;
		if (ownedAt == null) {
			next = earliestAfter(now, next, ttoRiskAt, ttoDeadline);
		}
		if (resolvedAt == null) {
			next = earliestAfter(now, next, ttrRiskAt, ttrDeadline);
		}
		if (nextEscalationAt != null && (next == null || nextEscalationAt.isBefore(next))) {
			next = nextEscalationAt;
		}
		return next;
	}

	/**
	 * The next deadline to meet, as lists show it: time to own until the ticket is owned, then
	 * time to resolve. Null once both clocks are done or the ticket is closed.
	 */
	public @Nullable Instant nextDeadline() {
		if (stopped || isDone()) {
			return null;
		}
		return ownedAt == null ? ttoDeadline : ttrDeadline;
	}

	/** Schedules the next automatic escalation level; null when none is left to fire. */
	public void escalateNextAt(@Nullable Instant at) {
		nextEscalationAt = at;
	}

	/**
	 * When {@code clock} will have used {@code percent} % of its target plus {@code offset} of
	 * business time (never before the start), the time it was paused not counted.
	 */
	public Instant dueAt(SlaClock clock, int percent, Duration offset, BusinessCalendar calendar) {
		long target = clock == SlaClock.TTO ? ttoTargetSeconds : ttrTargetSeconds;
		long paused = clock == SlaClock.TTO ? ttoPausedSeconds : ttrPausedSeconds;
		long used = Math.max(0, target * percent / 100 + offset.getSeconds());
		return calendar.addBusinessTime(startedAt, Duration.ofSeconds(used + paused));
	}

	/** Whether {@code clock} is counting: not met, not paused, not stopped. */
	public boolean runs(SlaClock clock) {
		return !stopped && pausedSince == null && (clock == SlaClock.TTO ? ownedAt == null : resolvedAt == null);
	}

	/** Business time paused so far, the current pause included, on the TTR clock. */
	public Duration pausedSoFar(Instant now, BusinessCalendar calendar) {
		long current = pausedSince == null ? 0 : seconds(calendar.businessTimeBetween(pausedSince, now));
		return Duration.ofSeconds(ttrPausedSeconds + current);
	}

	public boolean isPaused() {
		return pausedSince != null;
	}

	public @Nullable Instant pausedSince() {
		return pausedSince;
	}

	public long getTicketId() {
		return ticketId;
	}

	public SlaState getState() {
		return state;
	}

	public @Nullable Long getPolicyId() {
		return policyId;
	}

	public Duration timeToOwn() {
		return Duration.ofSeconds(ttoTargetSeconds);
	}

	public Duration timeToResolve() {
		return Duration.ofSeconds(ttrTargetSeconds);
	}

	public Instant getTtoDeadline() {
		return ttoDeadline;
	}

	public Instant getTtrDeadline() {
		return ttrDeadline;
	}

	public @Nullable Instant getOwnedAt() {
		return ownedAt;
	}

	public @Nullable Instant getResolvedAt() {
		return resolvedAt;
	}

	// --- Rules ------------------------------------------------------------------------------

	private boolean isDone() {
		return ownedAt != null && resolvedAt != null;
	}

	private void apply(SlaTargets targets) {
		ttoTargetSeconds = seconds(targets.timeToOwn());
		ttrTargetSeconds = seconds(targets.timeToResolve());
		atRiskPercent = targets.atRiskPercent();
	}

	private void recompute(BusinessCalendar calendar) {
		SlaTargets targets = new SlaTargets(timeToOwn(), timeToResolve(), atRiskPercent);
		Duration ttoPaused = Duration.ofSeconds(ttoPausedSeconds);
		Duration ttrPaused = Duration.ofSeconds(ttrPausedSeconds);
		ttoRiskAt = calendar.addBusinessTime(startedAt, targets.atRisk(targets.timeToOwn()).plus(ttoPaused));
		ttoDeadline = calendar.addBusinessTime(startedAt, targets.timeToOwn().plus(ttoPaused));
		ttrRiskAt = calendar.addBusinessTime(startedAt, targets.atRisk(targets.timeToResolve()).plus(ttrPaused));
		ttrDeadline = calendar.addBusinessTime(startedAt, targets.timeToResolve().plus(ttrPaused));
	}

	private SlaState clockState(@Nullable Instant stoppedAt, Instant riskAt, Instant deadline, Instant now) {
		if (stoppedAt != null) {
			return stoppedAt.isAfter(deadline) ? SlaState.MISSED : SlaState.MET;
		}
		Instant at = pausedSince != null && pausedSince.isBefore(now) ? pausedSince : now;
		if (!at.isBefore(deadline)) {
			return SlaState.BREACHED;
		}
		return at.isBefore(riskAt) ? SlaState.ON_TRACK : SlaState.AT_RISK;
	}

	private static @Nullable Instant earliestAfter(Instant now, @Nullable Instant current, Instant... candidates) {
		Instant earliest = current;
		for (Instant candidate : candidates) {
			if (candidate.isAfter(now) && (earliest == null || candidate.isBefore(earliest))) {
				earliest = candidate;
			}
		}
		return earliest;
	}

	private static long seconds(Duration duration) {
		return duration.getSeconds();
	}

}
