package org.guichet.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import org.guichet.calendars.BusinessCalendar;
import org.guichet.calendars.StandardCalendars;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.SlaState;
import org.guichet.tickets.Status;
import org.guichet.tickets.TicketEvents.TicketCommented;
import org.guichet.tickets.TicketEvents.TicketStatusChanged;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketType;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * One test per row of the SLA transition table of {@code docs/SLA.md}, on a 24/7 calendar: TTO
 * 1 h and TTR 4 h at MEDIUM, TTO 30 min and TTR 2 h at HIGH, from 09:00.
 */
class SlaTransitionTests {

	private static final BusinessCalendar ALWAYS = StandardCalendars.twentyFourSeven();

	private static final Instant START = Instant.parse("2027-03-02T09:00:00Z");

	private final SlaPolicy policy = policy(TtoTrigger.TAKEN_IN_CHARGE);

	private final TicketSla sla = new TicketSla(1, TicketType.INCIDENT, 1L,
			policy.targetsFor(TicketType.INCIDENT, Priority.MEDIUM).orElseThrow(), START, ALWAYS);

	@Test
	void everyStatusChangeFallsInAtMostOneRowAndEveryRowIsReachable() {
		for (Status from : Status.values()) {
			for (Status to : Status.values()) {
				long rows = EnumSet.allOf(SlaTransition.class)
					.stream()
					.filter(row -> {
						try {
							return SlaTransition.of(from, to) == row;
						}
						catch (IllegalArgumentException ex) {
							return false;
						}
					})
					.count();
				assertThat(rows).as(from + " -> " + to).isLessThanOrEqualTo(1);
			}
		}
		assertThatIllegalArgumentException().isThrownBy(() -> SlaTransition.of(Status.CLOSED, Status.CANCELLED));
		assertThatIllegalArgumentException().isThrownBy(() -> SlaTransition.of(Status.CANCELLED, Status.NEW));
	}

	@Test
	void creationStartsBothClocks() {
		assertThat(sla.getTtoDeadline()).isEqualTo(at(60));
		assertThat(sla.getTtrDeadline()).isEqualTo(at(240));
		assertThat(sla.state(at(10))).isEqualTo(SlaState.ON_TRACK);
		assertThat(sla.nextChange(at(0))).isEqualTo(at(45));
	}

	@Test
	void assignmentAndUnassignmentLeaveTheClocksAsTheyWere() {
		change(Status.NEW, Status.ASSIGNED, 10);
		change(Status.ASSIGNED, Status.NEW, 20);
		assertThat(sla.getTtoDeadline()).isEqualTo(at(60));
		assertThat(sla.ttoState(at(30))).isEqualTo(SlaState.ON_TRACK);
	}

	@Test
	void takingInChargeMeetsTheTtoWhenThePolicyCountsIt() {
		change(Status.ASSIGNED, Status.IN_PROGRESS, 50);
		assertThat(sla.ttoState(at(500))).isEqualTo(SlaState.MET);
		assertThat(sla.ttrState(at(100))).isEqualTo(SlaState.ON_TRACK);
	}

	@Test
	void takingInChargeLeavesTheTtoRunningWhenThePolicyCountsTheFirstResponse() {
		TicketSla firstResponse = new TicketSla(2, TicketType.INCIDENT, 1L,
				policy.targetsFor(TicketType.INCIDENT, Priority.MEDIUM).orElseThrow(), START, ALWAYS);
		SlaPolicy byResponse = policy(TtoTrigger.FIRST_RESPONSE);
		ClockReactions.statusChanged(firstResponse, status(Status.ASSIGNED, Status.IN_PROGRESS, null, 10),
				TicketType.INCIDENT, Priority.MEDIUM, byResponse, ALWAYS);
		assertThat(firstResponse.getOwnedAt()).isNull();
		ClockReactions.commented(firstResponse, new TicketCommented(new TicketId(2), false, false, at(70)),
				byResponse, ALWAYS);
		assertThat(firstResponse.ttoState(at(70))).isEqualTo(SlaState.MISSED);
	}

	@Test
	void firstResponseDuringAPauseDoesNotCountThePauseAsLate() {
		SlaPolicy byResponse = policy(TtoTrigger.FIRST_RESPONSE);
		ClockReactions.statusChanged(sla, status(Status.IN_PROGRESS, Status.PENDING, PendingReason.USER, 30),
				TicketType.INCIDENT, Priority.MEDIUM, byResponse, ALWAYS);
		// 30 min used, then 2 h waiting: the answer during the wait is in time
		ClockReactions.commented(sla, new TicketCommented(new TicketId(1), false, false, at(150)), byResponse,
				ALWAYS);
		assertThat(sla.ttoState(at(150))).isEqualTo(SlaState.MET);
		assertThat(sla.getTtoDeadline()).isEqualTo(at(180));
	}

	@Test
	void aMissedTtoKeepsTheTicketBreachedUntilItsResolution() {
		change(Status.ASSIGNED, Status.IN_PROGRESS, 70);
		assertThat(sla.ttoState(at(70))).isEqualTo(SlaState.MISSED);
		assertThat(sla.ttrState(at(70))).isEqualTo(SlaState.ON_TRACK);
		assertThat(sla.getState()).isEqualTo(SlaState.BREACHED);
		change(Status.IN_PROGRESS, Status.RESOLVED, 100);
		assertThat(sla.getState()).isEqualTo(SlaState.MISSED);
	}

	@Test
	void pendingForAReasonThePolicyPausesFreezesBothClocks() {
		change(Status.IN_PROGRESS, Status.PENDING, PendingReason.USER, 30);
		assertThat(sla.isPaused()).isTrue();
		assertThat(sla.ttrState(at(1000))).as("frozen").isEqualTo(SlaState.ON_TRACK);
		assertThat(sla.state(at(1000))).isEqualTo(SlaState.PAUSED);
		assertThat(sla.getState()).isEqualTo(SlaState.PAUSED);
		assertThat(sla.nextDeadline()).as("no deadline counts while paused").isNull();
		assertThat(sla.nextChange(at(30))).isNull();
	}

	@Test
	void pendingForAReasonThePolicyDoesNotPauseLetsTheClocksRun() {
		policy.pausing(true, false, true);
		change(Status.IN_PROGRESS, Status.PENDING, PendingReason.SUPPLIER, 30);
		assertThat(sla.isPaused()).isFalse();
		assertThat(sla.ttoState(at(61))).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void resumingMovesTheDeadlinesByTheTimeSpentWaiting() {
		change(Status.IN_PROGRESS, Status.PENDING, PendingReason.USER, 30);
		change(Status.PENDING, Status.IN_PROGRESS, 90);
		assertThat(sla.getTtoDeadline()).isEqualTo(at(120));
		assertThat(sla.getTtrDeadline()).isEqualTo(at(300));
		assertThat(sla.ttrPaused()).isEqualTo(Duration.ofMinutes(60));
	}

	@Test
	void aNewRequestHeldForApprovalPausesAsThePolicySaysAndItsReleaseMovesTheDeadlines() {
		assertThat(SlaTransition.of(Status.NEW, Status.PENDING)).isEqualTo(SlaTransition.PUT_PENDING);
		assertThat(SlaTransition.of(Status.PENDING, Status.NEW)).isEqualTo(SlaTransition.RESUMED);
		assertThat(SlaTransition.of(Status.PENDING, Status.ASSIGNED)).isEqualTo(SlaTransition.RESUMED);
		policy.pausing(true, true, true);
		change(Status.NEW, Status.PENDING, PendingReason.APPROVAL, 0);
		assertThat(sla.isPaused()).isTrue();
		change(Status.PENDING, Status.NEW, 120);
		assertThat(sla.isPaused()).isFalse();
		assertThat(sla.getTtoDeadline()).isEqualTo(at(180));
	}

	@Test
	void resolutionEndsAPauseMeetsTheTtoAndStopsTheTtrWithItsVerdict() {
		change(Status.IN_PROGRESS, Status.PENDING, PendingReason.USER, 30);
		change(Status.PENDING, Status.RESOLVED, 290);
		assertThat(sla.ttoState(at(290))).isEqualTo(SlaState.MET);
		assertThat(sla.ttrState(at(290))).isEqualTo(SlaState.MET);
		assertThat(sla.getTtrDeadline()).isEqualTo(at(500));
		assertThat(sla.nextChange(at(290))).isNull();
	}

	@Test
	void closureByAcceptanceOrAutomaticallyKeepsTheVerdictsForGood() {
		change(Status.NEW, Status.IN_PROGRESS, 10);
		change(Status.IN_PROGRESS, Status.RESOLVED, 100);
		change(Status.RESOLVED, Status.CLOSED, 200);
		assertThat(sla.state(at(200))).isEqualTo(SlaState.MET);
		assertThat(sla.state(at(100_000))).as("long after the old deadline").isEqualTo(SlaState.MET);
		assertThat(sla.getResolvedAt()).isEqualTo(at(100));
		assertThat(sla.isStopped()).isTrue();
		assertThat(sla.nextChange(at(200))).isNull();
	}

	@Test
	void refusalReopensTheTtrWithoutCountingTheTimeResolved() {
		change(Status.NEW, Status.IN_PROGRESS, 10);
		change(Status.IN_PROGRESS, Status.RESOLVED, 100);
		change(Status.RESOLVED, Status.IN_PROGRESS, 400);
		assertThat(sla.getResolvedAt()).isNull();
		assertThat(sla.getTtrDeadline()).isEqualTo(at(540));
		assertThat(sla.ttoState(at(400))).isEqualTo(SlaState.MET);
		assertThat(sla.ttrState(at(400))).isEqualTo(SlaState.ON_TRACK);
	}

	@Test
	void reopeningAClosedTicketDoesNotCountTheTimeResolvedOrClosedAndChecksAgain() {
		change(Status.NEW, Status.IN_PROGRESS, 10);
		change(Status.IN_PROGRESS, Status.RESOLVED, 100);
		change(Status.RESOLVED, Status.CLOSED, 200);
		change(Status.CLOSED, Status.IN_PROGRESS, 1000);
		assertThat(sla.isStopped()).isFalse();
		assertThat(sla.getTtrDeadline()).isEqualTo(at(240 + 900));
		assertThat(sla.nextChange(at(1000))).isEqualTo(at(1000 + 140 - 60));
	}

	@Test
	void reopeningTakesTheTargetsOfThePriorityNow() {
		change(Status.NEW, Status.IN_PROGRESS, 10);
		change(Status.IN_PROGRESS, Status.RESOLVED, 100);
		ClockReactions.statusChanged(sla, status(Status.RESOLVED, Status.IN_PROGRESS, null, 200), TicketType.INCIDENT,
				Priority.HIGH, policy, ALWAYS);
		assertThat(sla.getTtrDeadline()).isEqualTo(at(120 + 100));
		assertThat(sla.getTtoDeadline()).as("the TTO met keeps its target").isEqualTo(at(60));
	}

	@Test
	void cancellationBeforeADeadlineStopsTheClockWithoutAVerdict() {
		change(Status.NEW, Status.CANCELLED, 30);
		assertThat(sla.ttoState(at(30))).isEqualTo(SlaState.STOPPED);
		assertThat(sla.state(at(100_000))).isEqualTo(SlaState.STOPPED);
		assertThat(sla.nextChange(at(30))).isNull();
	}

	@Test
	void cancellationAfterADeadlineCountsItAsMissed() {
		change(Status.NEW, Status.IN_PROGRESS, 10);
		change(Status.IN_PROGRESS, Status.CANCELLED, 300);
		assertThat(sla.ttoState(at(300))).isEqualTo(SlaState.MET);
		assertThat(sla.ttrState(at(300))).isEqualTo(SlaState.MISSED);
		assertThat(sla.state(at(300))).isEqualTo(SlaState.MISSED);
	}

	@Test
	void priorityChangeRetargetsOnlyTheClocksStillRunning() {
		change(Status.NEW, Status.IN_PROGRESS, 50);
		ClockReactions.reclassified(sla, TicketType.INCIDENT, Priority.HIGH, policy, ALWAYS);
		assertThat(sla.getTtoDeadline()).isEqualTo(at(60));
		assertThat(sla.ttoState(at(70))).isEqualTo(SlaState.MET);
		assertThat(sla.getTtrDeadline()).isEqualTo(at(120));
	}

	@Test
	void typeChangeGivesTheRunningClocksThatTypesTargets() {
		policy.target(TicketType.SERVICE_REQUEST, Priority.MEDIUM, Duration.ofHours(2), Duration.ofHours(8));
		ClockReactions.reclassified(sla, TicketType.SERVICE_REQUEST, Priority.MEDIUM, policy, ALWAYS);
		assertThat(sla.getTtoDeadline()).isEqualTo(at(120));
		assertThat(sla.getTtrDeadline()).isEqualTo(at(480));
		assertThat(sla.getTicketType()).isEqualTo(TicketType.SERVICE_REQUEST);
	}

	@Test
	void noChangeReachesTheClocksOfAClosedTicket() {
		change(Status.NEW, Status.IN_PROGRESS, 10);
		change(Status.IN_PROGRESS, Status.RESOLVED, 100);
		change(Status.RESOLVED, Status.CLOSED, 200);
		assertThat(ClockReactions.reclassified(sla, TicketType.INCIDENT, Priority.HIGH, policy, ALWAYS)).isFalse();
		sla.owned(at(300), ALWAYS);
		assertThat(sla.getTtrDeadline()).isEqualTo(at(240));
		assertThat(sla.state(at(300))).isEqualTo(SlaState.MET);
	}

	@Test
	void aClockStoppedOutsideWorkingHoursAfterADeadlineAtTheEndOfTheDayIsMet() {
		BusinessCalendar office = StandardCalendars.frenchOffice();
		// Tuesday 2027-03-02 09:00 Paris with 8 h 30: the deadline is 17:30, the end of the day
		Instant nine = Instant.parse("2027-03-02T08:00:00Z");
		TicketSla clock = new TicketSla(3, TicketType.INCIDENT, 1L,
				new SlaTargets(Duration.ofHours(1), Duration.ofMinutes(510)), nine, office);
		clock.resolved(Instant.parse("2027-03-02T17:30:00Z"), office);
		assertThat(clock.ttrState(Instant.parse("2027-03-02T17:30:00Z"))).isEqualTo(SlaState.MET);
	}

	private void change(Status from, Status to, int minutes) {
		change(from, to, null, minutes);
	}

	private void change(Status from, Status to, PendingReason reason, int minutes) {
		ClockReactions.statusChanged(sla, status(from, to, reason, minutes), TicketType.INCIDENT, Priority.MEDIUM,
				policy, ALWAYS);
		sla.refresh(at(minutes));
	}

	private static TicketStatusChanged status(Status from, Status to, PendingReason reason, int minutes) {
		return new TicketStatusChanged(new TicketId(1), from, to, reason, at(minutes));
	}

	private static Instant at(int minutes) {
		return START.plus(Duration.ofMinutes(minutes));
	}

	private static SlaPolicy policy(TtoTrigger trigger) {
		SlaPolicy policy = new SlaPolicy("Standard", 1);
		ReflectionTestUtils.setField(policy, "id", 1L);
		policy.setTtoMetBy(trigger);
		for (TicketType type : TicketType.values()) {
			policy.target(type, Priority.MEDIUM, Duration.ofHours(1), Duration.ofHours(4));
			policy.target(type, Priority.HIGH, Duration.ofMinutes(30), Duration.ofHours(2));
		}
		return policy;
	}

}
