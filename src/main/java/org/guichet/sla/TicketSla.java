package org.guichet.sla;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.guichet.calendars.BusinessCalendar;
import org.guichet.tickets.SlaFacts;
import org.guichet.tickets.SlaState;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * The two SLA clocks of one ticket: time to own (TTO) and time to resolve (TTR).
 * <p>
 * Each deadline is the ticket's creation plus its target plus the business time the clock was
 * paused, all counted on the calendar. A clock pauses while the ticket waits (for a reason the
 * policy says pauses it), and the TTR clock also stops between a resolution and its refusal or
 * reopening: a reopened clock runs again without counting the time the ticket spent resolved or
 * closed. A clock that reached its verdict (met or missed) keeps it: new targets apply only to
 * the clocks still running, and a closed ticket's clocks never change again unless it is
 * reopened. What each change of the ticket does to the clocks is decided by
 * {@link SlaTransition}, the table documented in {@code docs/SLA.md}.
 */
@Entity
public class TicketSla {

	@Id
	private Long ticketId;

	private @Nullable Long policyId;

	/** Whether routing chose the policy: a change of type or category then keeps it. */
	private boolean policyFromRouting;

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

	/**
	 * Whether the TTO clock was met after its deadline, in business time: met at 18:00 with a
	 * deadline at 17:30, the end of the working day, is met in time.
	 */
	private boolean ttoMissed;

	/** Whether the TTR clock was stopped after its deadline, in business time. */
	private boolean ttrMissed;

	private @Nullable Instant pausedSince;

	/** When the ticket was cancelled: a clock still running then stops without a verdict. */
	private @Nullable Instant cancelledAt;

	/** Closed or cancelled: the clocks say no more. */
	private boolean stopped;

	/** The state when last refreshed, for lists and queues; {@link #state(Instant)} is exact. */
	@Enumerated(EnumType.STRING)
	private SlaState state = SlaState.ON_TRACK;

	private @Nullable Instant nextCheckAt;

	/** When the next automatic escalation level is due, as the policy's levels say. */
	private @Nullable Instant nextEscalationAt;

	/** Set when the clocks must be recomputed from the ticket's history at the next check. */
	@Enumerated(EnumType.STRING)
	private @Nullable Recompute recompute;

	@Version
	private long version;

	/** How much of the clocks a recomputation from the ticket's history replaces. */
	public enum Recompute {

		/** Every clock, verdicts included: the stored clocks may be wrong (a repair). */
		ALL,
		/**
		 * The clocks still running: their policy or calendar changed, and a verdict already
		 * reached stays.
		 */
		RUNNING

	}

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

	/** The ticket waits for a reason that pauses the clocks: those still running pause. */
	public void pause(Instant at) {
		if (pausedSince == null && !stopped && !isDone()) {
			pausedSince = at;
		}
	}

	/**
	 * The wait is over: each clock that was running when the pause began counts the business time
	 * of the pause as paused, so its deadline moves by as much.
	 */
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

	/**
	 * Taken in charge (or first answered, as the policy says): the TTO clock stops for good. Met
	 * during a pause, the TTO clock counts the pause until then as paused. Nothing changes once
	 * the ticket is closed or cancelled.
	 */
	public void owned(Instant at, BusinessCalendar calendar) {
		if (ownedAt != null || stopped) {
			return;
		}
		if (pausedSince != null && at.isAfter(pausedSince)) {
			ttoPausedSeconds += seconds(calendar.businessTimeBetween(pausedSince, at));
			recompute(calendar);
		}
		ownedAt = at;
		ttoMissed = late(at, ttoDeadline, calendar);
	}

	/** Resolved: a pause ends, the TTO clock is met if it was not, the TTR clock stops with its verdict. */
	public void resolved(Instant at, BusinessCalendar calendar) {
		if (resolvedAt != null) {
			return;
		}
		resume(at, calendar);
		owned(at, calendar);
		resolvedAt = at;
		ttrMissed = late(at, ttrDeadline, calendar);
	}

	/**
	 * The solution was refused or the ticket reopened, from resolved or closed: the TTR clock runs
	 * again without counting the time since the resolution, and the checks start again.
	 */
	public void reopened(Instant at, BusinessCalendar calendar) {
		stopped = false;
		if (resolvedAt == null) {
			return;
		}
		ttrPausedSeconds += seconds(calendar.businessTimeBetween(resolvedAt, at));
		resolvedAt = null;
		recompute(calendar);
	}

	/** Closed after its resolution: both verdicts are final. */
	public void closed() {
		pausedSince = null;
		stopped = true;
	}

	/**
	 * Cancelled: a pause ends, and a clock still running stops, missed if its deadline had
	 * passed, else without a verdict ({@link SlaState#STOPPED}).
	 */
	public void cancelled(Instant at, BusinessCalendar calendar) {
		resume(at, calendar);
		cancelledAt = at;
		stopped = true;
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

	/**
	 * New targets, after a change of priority or type: the clocks still running count them from
	 * the creation; a clock with a verdict keeps its target and deadline.
	 */
	public void retarget(TicketType newType, @Nullable Long newPolicyId, SlaTargets targets,
			BusinessCalendar calendar) {
		ticketType = newType;
		policyId = newPolicyId;
		if (ownedAt == null) {
			ttoTargetSeconds = seconds(targets.timeToOwn());
		}
		if (resolvedAt == null) {
			ttrTargetSeconds = seconds(targets.timeToResolve());
		}
		atRiskPercent = targets.atRiskPercent();
		recompute(calendar);
	}

	/**
	 * Takes the clocks of {@code recomputed}, built again from the ticket's history; with
	 * {@link Recompute#RUNNING}, a clock that already has a verdict here keeps it.
	 */
	void replaceWith(TicketSla recomputed, Recompute scope) {
		boolean keepTto = scope == Recompute.RUNNING && ownedAt != null;
		boolean keepTtr = scope == Recompute.RUNNING && resolvedAt != null;
		policyId = recomputed.policyId;
		policyFromRouting = recomputed.policyFromRouting;
		ticketType = recomputed.ticketType;
		atRiskPercent = recomputed.atRiskPercent;
		startedAt = recomputed.startedAt;
		if (!keepTto) {
			ttoTargetSeconds = recomputed.ttoTargetSeconds;
			ttoPausedSeconds = recomputed.ttoPausedSeconds;
			ttoRiskAt = recomputed.ttoRiskAt;
			ttoDeadline = recomputed.ttoDeadline;
			ownedAt = recomputed.ownedAt;
			ttoMissed = recomputed.ttoMissed;
		}
		if (!keepTtr) {
			ttrTargetSeconds = recomputed.ttrTargetSeconds;
			ttrPausedSeconds = recomputed.ttrPausedSeconds;
			ttrRiskAt = recomputed.ttrRiskAt;
			ttrDeadline = recomputed.ttrDeadline;
			resolvedAt = recomputed.resolvedAt;
			ttrMissed = recomputed.ttrMissed;
		}
		pausedSince = recomputed.pausedSince;
		cancelledAt = recomputed.cancelledAt;
		stopped = recomputed.stopped;
		recompute = null;
	}

	/** No recomputation after all: the policy has no targets for the ticket any more. */
	void keepAsItIs() {
		recompute = null;
	}

	void chosenByRouting(boolean fromRouting) {
		policyFromRouting = fromRouting;
	}

	// --- Reading ----------------------------------------------------------------------------

	/**
	 * The ticket's overall state: the worst of its two clocks while one runs — a TTO missed keeps
	 * the ticket breached until its resolution; a paused ticket not breached is
	 * {@link SlaState#PAUSED} — then the verdict.
	 */
	public SlaState state(Instant now) {
		SlaState tto = ttoState(now);
		SlaState ttr = ttrState(now);
		boolean ttrRuns = ttr == SlaState.ON_TRACK || ttr == SlaState.AT_RISK;
		if (tto == SlaState.BREACHED || ttr == SlaState.BREACHED || (tto == SlaState.MISSED && ttrRuns)) {
			return SlaState.BREACHED;
		}
		if (pausedSince != null) {
			return SlaState.PAUSED;
		}
		if (tto == SlaState.AT_RISK || ttr == SlaState.AT_RISK) {
			return SlaState.AT_RISK;
		}
		if (tto == SlaState.MISSED || ttr == SlaState.MISSED) {
			return SlaState.MISSED;
		}
		if (tto == SlaState.STOPPED || ttr == SlaState.STOPPED) {
			return SlaState.STOPPED;
		}
		return ttr == SlaState.MET ? SlaState.MET : SlaState.ON_TRACK;
	}

	public SlaState ttoState(Instant now) {
		return clockState(ownedAt, ttoMissed, ttoRiskAt, ttoDeadline, now);
	}

	public SlaState ttrState(Instant now) {
		return clockState(resolvedAt, ttrMissed, ttrRiskAt, ttrDeadline, now);
	}

	/**
	 * When the state of an open clock changes next, if nothing else happens to the ticket: the
	 * instant a check must look at it. Null when both clocks are stopped or paused.
	 */
	public @Nullable Instant nextChange(Instant now) {
		if (stopped || pausedSince != null || isDone()) {
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
	 * time to resolve. Null once both clocks are done, the ticket is closed or cancelled, or while
	 * it waits with its clocks paused (nothing counts then, and the deadline moves on resuming).
	 */
	public @Nullable Instant nextDeadline() {
		if (stopped || isDone() || pausedSince != null) {
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

	/**
	 * What the ticket's facts keep of these clocks as of {@code now} (see docs/KPIS.md): the
	 * verdicts (met, missed — owned or resolved late, a deadline passed while running, or
	 * cancelled after it — or none) and the business time each clock counted on the policy's
	 * {@code calendar}, its pauses excluded: to the ownership for TTO, to the resolution that
	 * stands for TTR (the time between a refused or reopened resolution and its reopening is
	 * excluded as well).
	 */
	public SlaFacts facts(Instant now, BusinessCalendar calendar) {
		return new SlaFacts(policyId, ttoDeadline, verdict(ttoState(now)), ttrDeadline, verdict(ttrState(now)),
				ownedAt == null ? null : businessSeconds(ownedAt, ttoPausedSeconds, calendar),
				resolvedAt == null ? null : businessSeconds(resolvedAt, ttrPausedSeconds, calendar));
	}

	private long businessSeconds(Instant end, long pausedSeconds, BusinessCalendar calendar) {
		return Math.max(0, seconds(calendar.businessTimeBetween(startedAt, end)) - pausedSeconds);
	}

	private static @Nullable Boolean verdict(SlaState clock) {
		return switch (clock) {
			case MET -> true;
			case MISSED, BREACHED -> false;
			default -> null;
		};
	}

	public boolean isStopped() {
		return stopped;
	}

	public @Nullable Instant getCancelledAt() {
		return cancelledAt;
	}

	public boolean isPolicyFromRouting() {
		return policyFromRouting;
	}

	public TicketType getTicketType() {
		return ticketType;
	}

	/** Business time paused so far on the TTR clock, a pause still running not included. */
	public Duration ttrPaused() {
		return Duration.ofSeconds(ttrPausedSeconds);
	}

	public @Nullable Recompute getRecompute() {
		return recompute;
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

	/**
	 * The four instants from the targets and the paused time. The two targets are not checked
	 * against each other: after a change of priority, a met TTO clock keeps its target while the
	 * running TTR clock takes a new one, which may be shorter.
	 */
	private void recompute(BusinessCalendar calendar) {
		Duration tto = timeToOwn();
		Duration ttr = timeToResolve();
		Duration ttoPaused = Duration.ofSeconds(ttoPausedSeconds);
		Duration ttrPaused = Duration.ofSeconds(ttrPausedSeconds);
		ttoRiskAt = calendar.addBusinessTime(startedAt, atRisk(tto).plus(ttoPaused));
		ttoDeadline = calendar.addBusinessTime(startedAt, tto.plus(ttoPaused));
		ttrRiskAt = calendar.addBusinessTime(startedAt, atRisk(ttr).plus(ttrPaused));
		ttrDeadline = calendar.addBusinessTime(startedAt, ttr.plus(ttrPaused));
	}

	private Duration atRisk(Duration target) {
		return target.multipliedBy(atRiskPercent).dividedBy(100);
	}

	private SlaState clockState(@Nullable Instant stoppedAt, boolean missed, Instant riskAt, Instant deadline,
			Instant now) {
		if (stoppedAt != null) {
			return missed ? SlaState.MISSED : SlaState.MET;
		}
		if (cancelledAt != null) {
			return cancelledAt.isBefore(deadline) ? SlaState.STOPPED : SlaState.MISSED;
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

	/** Whether {@code at} comes after {@code deadline} by some business time. */
	private static boolean late(Instant at, Instant deadline, BusinessCalendar calendar) {
		return at.isAfter(deadline) && calendar.businessTimeBetween(deadline, at).compareTo(Duration.ZERO) > 0;
	}

	private static long seconds(Duration duration) {
		return duration.getSeconds();
	}

}
