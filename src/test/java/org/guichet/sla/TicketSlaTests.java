package org.guichet.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.guichet.calendars.BusinessCalendar;
import org.guichet.calendars.StandardCalendars;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.SlaFacts;
import org.guichet.tickets.SlaState;
import org.guichet.tickets.TicketType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * On the French office calendar: Monday to Friday 08:30-12:00 and 13:30-17:30, Europe/Paris.
 */
class TicketSlaTests {

	private static final BusinessCalendar OFFICE = StandardCalendars.frenchOffice();

	private static final SlaTargets FOUR_AND_SIXTEEN_HOURS = new SlaTargets(Duration.ofHours(4), Duration.ofHours(16));

	@Test
	void deadlinesAreCountedInBusinessTimeFromTheCreation() {
		// Tuesday 2027-03-02 09:00: 3 h until noon, 1 h after lunch -> TTO 14:30; TTR 16 h -> Thursday 10:00
		TicketSla sla = sla(paris("2027-03-02T09:00"));
		assertThat(sla.getTtoDeadline()).isEqualTo(paris("2027-03-02T14:30"));
		assertThat(sla.getTtrDeadline()).isEqualTo(paris("2027-03-04T10:00"));
	}

	@Test
	void clockIsOnTrackThenAtRiskAtThreeQuartersThenBreachedAtTheDeadline() {
		TicketSla sla = sla(paris("2027-03-02T09:00"));
		// 75 % of 4 h is 3 h: at risk from 12:00 on Tuesday
		assertThat(sla.ttoState(paris("2027-03-02T11:59"))).isEqualTo(SlaState.ON_TRACK);
		assertThat(sla.ttoState(paris("2027-03-02T12:00"))).isEqualTo(SlaState.AT_RISK);
		assertThat(sla.ttoState(paris("2027-03-02T14:30"))).isEqualTo(SlaState.BREACHED);
		assertThat(sla.state(paris("2027-03-02T14:31"))).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void ownedInTimeIsMetAndLateIsMissed() {
		TicketSla inTime = sla(paris("2027-03-02T09:00"));
		inTime.owned(paris("2027-03-02T10:00"), OFFICE);
		assertThat(inTime.ttoState(paris("2027-03-05T10:00"))).isEqualTo(SlaState.MET);
		TicketSla late = sla(paris("2027-03-02T09:00"));
		late.owned(paris("2027-03-02T15:00"), OFFICE);
		assertThat(late.ttoState(paris("2027-03-02T15:00"))).isEqualTo(SlaState.MISSED);
	}

	@Test
	void pauseMovesTheDeadlinesByTheBusinessTimeSpentWaiting() {
		TicketSla sla = sla(paris("2027-03-02T09:00"));
		sla.owned(paris("2027-03-02T09:30"), OFFICE);
		sla.pause(paris("2027-03-02T10:00"));
		// waiting from Tuesday 10:00 to Wednesday 09:00 is 2 h + 4 h + 0.5 h = 6.5 business hours
		sla.resume(paris("2027-03-03T09:00"), OFFICE);
		assertThat(sla.getTtrDeadline()).isEqualTo(OFFICE.addBusinessTime(paris("2027-03-02T09:00"),
				Duration.ofHours(16).plusMinutes(390)));
		assertThat(sla.pausedSoFar(paris("2027-03-03T09:00"), OFFICE)).isEqualTo(Duration.ofMinutes(390));
	}

	@Test
	void statusIsFrozenWhilePaused() {
		TicketSla sla = sla(paris("2027-03-02T09:00"));
		sla.owned(paris("2027-03-02T09:10"), OFFICE);
		sla.pause(paris("2027-03-02T09:30"));
		assertThat(sla.ttrState(paris("2027-03-20T09:00"))).isEqualTo(SlaState.ON_TRACK);
		assertThat(sla.nextChange(paris("2027-03-02T09:30"))).isNull();
	}

	@Test
	void pauseBeforeTakingInChargeMovesTheTtoDeadlineToo() {
		TicketSla sla = sla(paris("2027-03-02T09:00"));
		sla.pause(paris("2027-03-02T09:00"));
		sla.resume(paris("2027-03-02T10:00"), OFFICE);
		assertThat(sla.getTtoDeadline()).isEqualTo(paris("2027-03-02T15:30"));
	}

	@Test
	void refusedSolutionReopensTheTtrClockWithoutCountingTheTimeToAnswer() {
		TicketSla sla = sla(paris("2027-03-02T09:00"));
		sla.resolved(paris("2027-03-02T11:00"), OFFICE);
		assertThat(sla.ttrState(paris("2027-03-02T11:00"))).isEqualTo(SlaState.MET);
		// refused on Wednesday 11:00: 1 h + 4 h + 2.5 h = 7.5 business hours did not count
		sla.reopened(paris("2027-03-03T11:00"), OFFICE);
		assertThat(sla.getResolvedAt()).isNull();
		assertThat(sla.getTtrDeadline())
			.isEqualTo(OFFICE.addBusinessTime(paris("2027-03-02T09:00"), Duration.ofMinutes(16 * 60 + 450)));
		assertThat(sla.ttrState(paris("2027-03-03T11:00"))).isEqualTo(SlaState.ON_TRACK);
	}

	@Test
	void resolvingTakesInChargeWhenNobodyDidAndEndsAPause() {
		TicketSla sla = sla(paris("2027-03-02T09:00"));
		sla.pause(paris("2027-03-02T09:30"));
		sla.resolved(paris("2027-03-02T10:00"), OFFICE);
		assertThat(sla.getOwnedAt()).isEqualTo(paris("2027-03-02T10:00"));
		assertThat(sla.isPaused()).isFalse();
		assertThat(sla.state(paris("2027-03-02T10:00"))).isEqualTo(SlaState.MET);
	}

	@Test
	void newTargetsCountFromTheCreation() {
		TicketSla sla = sla(paris("2027-03-02T09:00"));
		sla.retarget(TicketType.INCIDENT, 7L, new SlaTargets(Duration.ofHours(1), Duration.ofHours(2)), OFFICE);
		assertThat(sla.getTtoDeadline()).isEqualTo(paris("2027-03-02T10:00"));
		assertThat(sla.getTtrDeadline()).isEqualTo(paris("2027-03-02T11:00"));
		assertThat(sla.getPolicyId()).isEqualTo(7L);
	}

	@Test
	void nextChangeIsTheNextRiskOrDeadlineOfAnOpenClock() {
		TicketSla sla = sla(paris("2027-03-02T09:00"));
		assertThat(sla.nextChange(paris("2027-03-02T09:00"))).isEqualTo(paris("2027-03-02T12:00"));
		assertThat(sla.nextChange(paris("2027-03-02T12:00"))).isEqualTo(paris("2027-03-02T14:30"));
		sla.owned(paris("2027-03-02T12:30"), OFFICE);
		// TTR: 75 % of 16 h = 12 h -> Wednesday 13:30 + 1h... computed by the calendar
		assertThat(sla.nextChange(paris("2027-03-02T12:30")))
			.isEqualTo(OFFICE.addBusinessTime(paris("2027-03-02T09:00"), Duration.ofHours(12)));
		sla.resolved(paris("2027-03-02T16:00"), OFFICE);
		assertThat(sla.nextChange(paris("2027-03-02T16:00"))).isNull();
	}

	@Test
	void targetsWithTtrShorterThanTtoAreRefusedNamingTheField() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> new SlaTargets(Duration.ofHours(8), Duration.ofHours(4)))
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("timeToResolve"));
	}

	@Test
	void factsGiveTheVerdictsAndTheBusinessTimeOfEachClockWithoutItsPauses() {
		TicketSla sla = sla(paris("2027-03-02T09:00"));
		assertThat(sla.facts(paris("2027-03-02T10:00"), OFFICE)).isEqualTo(new SlaFacts(null,
				paris("2027-03-02T14:30"), null, paris("2027-03-04T10:00"), null, null, null));
		assertThat(sla.facts(paris("2027-03-02T14:30"), OFFICE).ttoMet())
			.as("the deadline passed while the clock ran: missed, before anyone acts")
			.isFalse();
		// owned Tuesday 10:00 (1 business hour); waiting Tuesday 11:00 - Wednesday 09:00 (1 + 4 + 0.5 h paused)
		sla.owned(paris("2027-03-02T10:00"), OFFICE);
		sla.pause(paris("2027-03-02T11:00"));
		sla.resume(paris("2027-03-03T09:00"), OFFICE);
		// resolved Wednesday 10:00: 7 h Tuesday and 1.5 h Wednesday elapsed, 5.5 h of it paused: 3 h of work
		sla.resolved(paris("2027-03-03T10:00"), OFFICE);
		SlaFacts facts = sla.facts(paris("2027-03-03T10:00"), OFFICE);
		assertThat(facts.ttoMet()).isTrue();
		assertThat(facts.ttrMet()).isTrue();
		assertThat(facts.ownBusinessSeconds()).isEqualTo(3600L);
		assertThat(facts.resolutionBusinessSeconds()).isEqualTo(10_800L);
		// refused Wednesday 11:00: no resolution stands; resolved again at 11:30, the hour it stood resolved
		// does not count: 3 h + 0.5 h
		sla.reopened(paris("2027-03-03T11:00"), OFFICE);
		assertThat(sla.facts(paris("2027-03-03T11:00"), OFFICE).resolutionBusinessSeconds()).isNull();
		assertThat(sla.facts(paris("2027-03-03T11:00"), OFFICE).ttrMet()).isNull();
		sla.resolved(paris("2027-03-03T11:30"), OFFICE);
		assertThat(sla.facts(paris("2027-03-03T11:30"), OFFICE).resolutionBusinessSeconds()).isEqualTo(12_600L);
	}

	@Test
	void aClockCancelledBeforeItsDeadlineHasNoVerdictAndAfterItIsMissed() {
		TicketSla early = sla(paris("2027-03-02T09:00"));
		early.cancelled(paris("2027-03-02T10:00"), OFFICE);
		assertThat(early.facts(paris("2027-03-10T10:00"), OFFICE).ttoMet()).isNull();
		assertThat(early.facts(paris("2027-03-10T10:00"), OFFICE).ttrMet()).isNull();
		TicketSla late = sla(paris("2027-03-02T09:00"));
		late.cancelled(paris("2027-03-02T15:00"), OFFICE);
		assertThat(late.facts(paris("2027-03-10T10:00"), OFFICE).ttoMet()).isFalse();
		assertThat(late.facts(paris("2027-03-10T10:00"), OFFICE).ttrMet()).isNull();
	}

	private static TicketSla sla(Instant createdAt) {
		return new TicketSla(1L, TicketType.INCIDENT, null, FOUR_AND_SIXTEEN_HOURS, createdAt, OFFICE);
	}

	private static Instant paris(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Paris")).toInstant();
	}

}
