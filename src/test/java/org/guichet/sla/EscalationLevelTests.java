package org.guichet.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.guichet.calendars.BusinessCalendar;
import org.guichet.calendars.StandardCalendars;
import org.guichet.sla.EscalationLevels.LevelDefinition;
import org.guichet.tickets.TicketType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When automatic escalation levels fall due, on the French office calendar: Monday to Friday
 * 08:30-12:00 and 13:30-17:30, Europe/Paris. The ticket of these tests is created on Tuesday
 * 2027-03-02 at 09:00 with 4 business hours to own and 16 to resolve (deadline Thursday 10:00).
 */
class EscalationLevelTests {

	private static final BusinessCalendar OFFICE = StandardCalendars.frenchOffice();

	private final TicketSla sla = new TicketSla(1L, TicketType.INCIDENT, 1L,
			new SlaTargets(Duration.ofHours(4), Duration.ofHours(16)), paris("2027-03-02T09:00"), OFFICE);

	@Test
	void shareOfTheTargetIsCountedInBusinessTime() {
		// 75 % of 16 h = 12 h: Tuesday 7 h, Wednesday 3 h 30 in the morning and 1 h 30 after lunch
		assertThat(dueAt(level(SlaClock.TTR, EscalationTrigger.SHARE, 75, null))).isEqualTo(paris("2027-03-03T15:00"));
		// 50 % of 4 h = 2 h -> Tuesday 11:00
		assertThat(dueAt(level(SlaClock.TTO, EscalationTrigger.SHARE, 50, null))).isEqualTo(paris("2027-03-02T11:00"));
	}

	@Test
	void durationBeforeTheDeadlineIsBusinessTimeBeforeIt() {
		// deadline Thursday 10:00; 2 business hours before: Thursday 08:30-10:00, then 30 min of Wednesday
		assertThat(dueAt(level(SlaClock.TTR, EscalationTrigger.BEFORE, null, Duration.ofHours(2))))
			.isEqualTo(paris("2027-03-03T17:00"));
	}

	@Test
	void durationAfterTheDeadlineSkipsTheNightAndTheWeekend() {
		// TTO deadline Tuesday 14:30; 4 business hours after: 3 h that day, then 1 h on Wednesday -> 09:30
		assertThat(dueAt(level(SlaClock.TTO, EscalationTrigger.AFTER, null, Duration.ofHours(4))))
			.isEqualTo(paris("2027-03-03T09:30"));
		// TTR deadline Thursday 10:00; 2 days of 7 h 30 after: Friday, then Monday 10:00
		assertThat(dueAt(level(SlaClock.TTR, EscalationTrigger.AFTER, null, Duration.ofMinutes(15 * 60))))
			.isEqualTo(paris("2027-03-08T10:00"));
	}

	@Test
	void timeSpentPausedPostponesTheLevel() {
		sla.owned(paris("2027-03-02T09:10"), OFFICE);
		sla.pause(paris("2027-03-02T10:00"));
		sla.resume(paris("2027-03-02T11:00"), OFFICE);
		// the hour paused (Tuesday 10:00-11:00) comes on top of the 12 h
		assertThat(dueAt(level(SlaClock.TTR, EscalationTrigger.SHARE, 75, null))).isEqualTo(paris("2027-03-03T16:00"));
	}

	@Test
	void aLevelBeforeTheDeadlineLongerThanTheTargetIsDueAtOnce() {
		assertThat(dueAt(level(SlaClock.TTO, EscalationTrigger.BEFORE, null, Duration.ofHours(8))))
			.isEqualTo(paris("2027-03-02T09:00"));
	}

	@Test
	void theNextCheckComesAtTheNextLevelWhenItIsBeforeTheRiskAndTheDeadlines() {
		Instant level = paris("2027-03-02T10:00");
		sla.escalateNextAt(level);
		sla.refresh(paris("2027-03-02T09:30"));
		assertThat(sla.nextChange(paris("2027-03-02T09:30"))).isEqualTo(level);
		sla.pause(paris("2027-03-02T09:45"));
		assertThat(sla.nextChange(paris("2027-03-02T09:45"))).isNull();
	}

	@Test
	void aLevelThatCanNeverComeAfterAnotherOnTheSameClockIsOutOfOrder() {
		EscalationLevel share75 = level(SlaClock.TTR, EscalationTrigger.SHARE, 75, null);
		EscalationLevel share50 = level(SlaClock.TTR, EscalationTrigger.SHARE, 50, null);
		EscalationLevel afterOneHour = level(SlaClock.TTR, EscalationTrigger.AFTER, null, Duration.ofHours(1));
		EscalationLevel beforeOneHour = level(SlaClock.TTR, EscalationTrigger.BEFORE, null, Duration.ofHours(1));
		EscalationLevel ttoShare90 = level(SlaClock.TTO, EscalationTrigger.SHARE, 90, null);
		assertThat(share75.notBefore(share50)).isTrue();
		assertThat(afterOneHour.notBefore(beforeOneHour)).isTrue();
		assertThat(share75.notBefore(afterOneHour)).isFalse();
		// 75 % and 1 h before the deadline: which comes first depends on the target
		assertThat(share75.notBefore(beforeOneHour)).isFalse();
		assertThat(beforeOneHour.notBefore(share75)).isFalse();
		assertThat(share75.notBefore(ttoShare90)).isFalse();
	}

	private Instant dueAt(EscalationLevel level) {
		return sla.dueAt(level.getClock(), level.getPercent(), level.offset(), OFFICE);
	}

	private static EscalationLevel level(SlaClock clock, EscalationTrigger trigger, Integer percent,
			Duration duration) {
		EscalationLevel level = new EscalationLevel(1L, 0);
		level.define(new LevelDefinition(null, clock, trigger, percent, duration, true, false, false, false, false, null,
				null));
		return level;
	}

	private static Instant paris(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Paris")).toInstant();
	}

}
