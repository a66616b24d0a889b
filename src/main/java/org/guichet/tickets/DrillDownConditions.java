package org.guichet.tickets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@link DrillDown}'s criteria as conditions of a list query on the ticket {@code t}: on the
 * ticket's own columns where they mean the same as the fact (creation, channel, status), and
 * otherwise in ONE subquery on the ticket's facts, {@code t.id in (select f.ticketId from
 * TicketFact f where …)}, added only when such a criterion is set, so that the plain queue pages
 * keep their shape. Parameters are named {@code drill…}.
 */
@Component
class DrillDownConditions {

	private final ZoneId zone;

	private final Clock clock;

	DrillDownConditions(@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone, Clock clock) {
		this.zone = zone;
		this.clock = clock;
	}

	/** Adds the criteria's conditions to {@code where} and their values to {@code params}. */
	void add(DrillDown drill, List<String> where, Map<String, Object> params) {
		if (drill.isEmpty()) {
			return;
		}
		List<String> facts = new ArrayList<>();
		period(drill, facts, params);
		if (drill.channel() != null) {
			where.add("t.channel = :drillChannel");
			params.put("drillChannel", drill.channel());
		}
		if (drill.age() != null) {
			age(drill.age(), where, params);
		}
		if (drill.statusGroup() != null) {
			where.add(drill.statusGroup().condition());
		}
		if (drill.department() != null) {
			facts.add("f.department = :drillDepartment");
			params.put("drillDepartment", drill.department());
		}
		if (drill.tto() != null) {
			facts.add(verdict("f.ttoMet", drill.tto(), "drillTtoMet", params));
		}
		if (drill.ttr() != null) {
			facts.add(verdict("f.ttrMet", drill.ttr(), "drillTtrMet", params));
		}
		if (drill.sla() != null) {
			facts.add("f.slaPolicyId is " + (drill.sla() == DrillDown.Sla.WITH ? "not null" : "null"));
		}
		if (drill.owned() != null) {
			facts.add("f.ownedAt is " + (drill.owned() ? "not null" : "null"));
		}
		if (drill.responded() != null) {
			facts.add("f.firstResponseAt is " + (drill.responded() ? "not null" : "null"));
		}
		if (drill.reopened() != null) {
			facts.add(drill.reopened() ? "f.reopenCount > 0" : "f.reopenCount = 0");
		}
		if (drill.escalated() != null) {
			facts.add(escalated(drill.escalated()));
		}
		if (drill.firstLevel() != null) {
			facts.add("f.resolvedFirstLevel = :drillFirstLevel");
			params.put("drillFirstLevel", drill.firstLevel());
		}
		if (drill.firstContact() != null) {
			facts.add("f.resolvedFirstContact = :drillFirstContact");
			params.put("drillFirstContact", drill.firstContact());
		}
		if (drill.rating() != null) {
			facts.add(switch (drill.rating()) {
				case SATISFIED -> "f.rating >= 4";
				case UNSATISFIED -> "f.rating <= 3";
				case RATED -> "f.rating is not null";
				case UNRATED -> "f.rating is null and f.closedAt is not null";
				case SURVEYED -> "f.surveyed = true";
			});
		}
		if (drill.weekday() != null) {
			facts.add("f.createdWeekday = :drillWeekday");
			params.put("drillWeekday", drill.weekday().shortValue());
		}
		if (drill.hour() != null) {
			facts.add("f.createdHour = :drillHour");
			params.put("drillHour", drill.hour().shortValue());
		}
		if (!facts.isEmpty()) {
			where.add("t.id in (select f.ticketId from TicketFact f where " + String.join(" and ", facts) + ")");
		}
	}

	/**
	 * The period's instant in [from 00:00, to + 1 day 00:00), local days; an instant named without
	 * dates must exist. Every instant is read from the facts, the creation too: the facts' index on
	 * it gives the period's tickets, where the ticket's own column made H2 walk every ticket in the
	 * list's order to test it (a million rows for a period of two months).
	 */
	private void period(DrillDown drill, List<String> facts, Map<String, Object> params) {
		if (drill.from() == null && drill.to() == null && drill.periodBy() == null) {
			return;
		}
		String instant = switch (drill.periodOn()) {
			case CREATED -> "f.createdAt";
			case RESOLVED -> "f.resolvedAt";
			case CLOSED -> "f.closedAt";
			case TTO_DUE -> "f.ttoDeadline";
			case TTR_DUE -> "f.ttrDeadline";
			case APPROVAL_DECIDED, APPROVAL_REFUSED -> "f.approvalDecidedAt";
		};
		if (drill.periodOn() == DrillDown.PeriodBy.APPROVAL_REFUSED) {
			facts.add("f.approvalOutcome = 'REFUSED'");
		}
		if (drill.from() == null && drill.to() == null) {
			if (drill.periodOn() != DrillDown.PeriodBy.CREATED) {
				facts.add(instant + " is not null");
			}
			return;
		}
		if (drill.from() != null) {
			facts.add(instant + " >= :drillFrom");
			params.put("drillFrom", startOf(drill.from()));
		}
		if (drill.to() != null) {
			facts.add(instant + " < :drillTo");
			params.put("drillTo", startOf(drill.to().plusDays(1)));
		}
	}

	/** Open now, created between the bucket's ages ago (in 24-hour days before now). */
	private void age(DrillDown.Age age, List<String> where, Map<String, Object> params) {
		Instant now = clock.instant();
		where.add("t.status in :drillOpen and t.createdAt <= :drillYoungest"
				+ (age.toDays() == null ? "" : " and t.createdAt > :drillOldest"));
		params.put("drillOpen", Status.OPEN);
		params.put("drillYoungest", now.minus(Duration.ofDays(age.fromDays())));
		if (age.toDays() != null) {
			params.put("drillOldest", now.minus(Duration.ofDays(age.toDays())));
		}
	}

	/** A clock's verdict column ({@code true} met, {@code false} missed, null none) against the criterion. */
	private static String verdict(String column, DrillDown.Verdict verdict, String parameter,
			Map<String, Object> params) {
		return switch (verdict) {
			case MET, MISSED -> {
				params.put(parameter, verdict == DrillDown.Verdict.MET);
				yield column + " = :" + parameter;
			}
			case GIVEN -> column + " is not null";
			case NONE -> column + " is null";
		};
	}

	private static String escalated(DrillDown.Escalated escalated) {
		return switch (escalated) {
			case ANY -> "(f.functionalEscalations > 0 or f.hierarchicalEscalations > 0 or f.automaticEscalations > 0)";
			case NONE -> "f.functionalEscalations = 0 and f.hierarchicalEscalations = 0 and f.automaticEscalations = 0";
			case FUNCTIONAL -> "f.functionalEscalations > 0";
			case HIERARCHICAL -> "f.hierarchicalEscalations > 0";
			case AUTOMATIC -> "f.automaticEscalations > 0";
		};
	}

	private Instant startOf(LocalDate day) {
		return day.atStartOfDay(zone).toInstant();
	}

}
