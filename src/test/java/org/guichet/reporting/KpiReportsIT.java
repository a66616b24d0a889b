package org.guichet.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.guichet.testing.TestDatabase;
import org.guichet.testing.TestDatabaseInitializer;
import org.guichet.tickets.Categories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Every KPI over one hand-built set of facts, on H2 and on PostgreSQL (failsafe runs this class
 * on each): the expected numbers are worked out by hand in the comments, so both databases must
 * give exactly them. The set isolates itself by a department of its own.
 *
 * <p>
 * Period: Monday 2 to Sunday 8 March 2026, Europe/Paris (UTC+1): [2026-03-01T23:00Z,
 * 2026-03-08T23:00Z). Previous period: 23 February to 1 March. "Now": 2026-03-10T12:00Z.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import({ KpiReports.class, KpiQueries.class, KpiSeries.class, KpiSources.class, KpiDays.class, KpiDaysKeeper.class,
		Categories.class })
class KpiReportsIT {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

	private static final DateRange WEEK = new DateRange(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-08"));

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private KpiReports reports;

	@Autowired
	private KpiSeries series;

	@Autowired
	private KpiSources sources;

	@Autowired
	private KpiDays days;

	@Autowired
	private Categories categories;

	private String department;

	private long root;

	private long child;

	private long technician;

	private long requester;

	@BeforeEach
	void seed() {
		String suffix = String.valueOf(System.nanoTime());
		department = "KPI " + suffix;
		requester = FactRows.user(jdbc, "kpi-requester-" + suffix, "REQUESTER");
		technician = FactRows.user(jdbc, "kpi-tech-" + suffix, "TECHNICIAN");
		root = FactRows.category(jdbc, "KPI root " + suffix, null);
		child = FactRows.category(jdbc, "KPI child " + suffix, root);
		FactRows rows = new FactRows(jdbc, requester, department, PARIS, events);
		// T1: phone incident resolved on the call in an hour, closed, rated 5 with a comment
		rows.ticket("INCIDENT", "PHONE", "HIGH", "CLOSED", "2026-03-02T08:00:00Z")
			.with("category_id", child).with("assignee_id", technician)
			.with("owned_at", "2026-03-02T08:10:00Z").with("own_seconds", 600).with("own_business_seconds", 600)
			.with("first_response_at", "2026-03-02T08:10:00Z").with("first_response_seconds", 600)
			.with("resolved_at", "2026-03-02T09:00:00Z").with("resolution_seconds", 3600)
			.with("resolution_business_seconds", 3600).with("closed_at", "2026-03-04T10:00:00Z")
			.with("sla_policy_id", 1).with("tto_deadline", "2026-03-02T08:30:00Z").with("tto_met", true)
			.with("ttr_deadline", "2026-03-02T12:00:00Z").with("ttr_met", true)
			.with("resolved_first_level", true).with("resolved_first_contact", true)
			.with("rating", 5).with("rated_at", "2026-03-04T10:00:00Z").with("surveyed", true).comment("Quick fix")
			.span("2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z").save();
		// T2: created Thursday 17:00 local, resolved, refused, resolved again Friday 10:00 local: 17 h
		// of calendar time, 3 h of business time (calendar 8-18: 1 h Thursday, 2 h Friday)
		rows.ticket("INCIDENT", "EMAIL", "MEDIUM", "RESOLVED", "2026-03-05T16:00:00Z")
			.with("owned_at", "2026-03-05T17:00:00Z").with("own_seconds", 3600).with("own_business_seconds", 3600)
			.with("first_response_at", "2026-03-05T17:00:00Z").with("first_response_seconds", 3600)
			.with("resolved_at", "2026-03-06T09:00:00Z").with("resolution_seconds", 61200)
			.with("resolution_business_seconds", 10800).with("sla_policy_id", 1)
			.with("tto_deadline", "2026-03-05T17:00:00Z").with("tto_met", true)
			.with("ttr_deadline", "2026-03-06T08:00:00Z").with("ttr_met", false)
			.with("reopen_count", 1).with("refusal_count", 1).with("functional_escalations", 1)
			.with("resolved_first_level", false).with("resolved_first_contact", false)
			.span("2026-03-05T16:00:00Z", "2026-03-06T07:00:00Z").span("2026-03-06T08:00:00Z", "2026-03-06T09:00:00Z")
			.save();
		// T3: portal request on a Saturday, no SLA policy (no business time, no verdict), rated 3
		rows.ticket("SERVICE_REQUEST", "PORTAL", "LOW", "CLOSED", "2026-03-07T10:00:00Z")
			.with("category_id", root)
			.with("owned_at", "2026-03-07T11:00:00Z").with("own_seconds", 3600)
			.with("first_response_at", "2026-03-07T11:00:00Z").with("first_response_seconds", 3600)
			.with("resolved_at", "2026-03-07T13:00:00Z").with("resolution_seconds", 10800)
			.with("closed_at", "2026-03-08T10:00:00Z").with("resolved_first_level", true)
			.with("resolved_first_contact", false).with("rating", 3).with("rated_at", "2026-03-08T10:00:00Z").with("surveyed", true)
			.comment("Slow").span("2026-03-07T10:00:00Z", "2026-03-07T13:00:00Z").save();
		// T4: owned then cancelled (merged) before its TTR verdict: no resolution time, TTR due without verdict
		rows.ticket("INCIDENT", "PHONE", "HIGH", "CANCELLED", "2026-03-03T08:00:00Z")
			.with("owned_at", "2026-03-03T08:30:00Z").with("own_seconds", 1800).with("own_business_seconds", 1800)
			.with("cancelled_at", "2026-03-03T09:00:00Z").with("merged", true).with("sla_policy_id", 1)
			.with("tto_deadline", "2026-03-03T08:30:00Z").with("tto_met", true)
			.with("ttr_deadline", "2026-03-03T12:00:00Z")
			.span("2026-03-03T08:00:00Z", "2026-03-03T09:00:00Z").save();
		// T5: still open, both deadlines missed, priority raised mid-way (the facts hold the current one),
		// escalated hierarchically and by two automatic levels
		rows.ticket("INCIDENT", "CHAT", "MEDIUM", "IN_PROGRESS", "2026-03-04T09:00:00Z")
			.with("assignee_id", technician)
			.with("owned_at", "2026-03-04T12:00:00Z").with("own_seconds", 10800).with("own_business_seconds", 10800)
			.with("first_response_at", "2026-03-04T11:00:00Z").with("first_response_seconds", 7200)
			.with("sla_policy_id", 1).with("tto_deadline", "2026-03-04T10:00:00Z").with("tto_met", false)
			.with("ttr_deadline", "2026-03-06T09:00:00Z").with("ttr_met", false)
			.with("hierarchical_escalations", 1).with("automatic_escalations", 2)
			.span("2026-03-04T09:00:00Z", null).save();
		// T6: the previous period's ticket, resolved in a day (10 h business), rated 4
		rows.ticket("INCIDENT", "EMAIL", "MEDIUM", "CLOSED", "2026-02-24T09:00:00Z")
			.with("owned_at", "2026-02-24T09:30:00Z").with("own_seconds", 1800).with("own_business_seconds", 1800)
			.with("resolved_at", "2026-02-25T09:00:00Z").with("resolution_seconds", 86400)
			.with("resolution_business_seconds", 36000).with("closed_at", "2026-02-27T09:00:00Z")
			.with("sla_policy_id", 1).with("tto_deadline", "2026-02-24T10:00:00Z").with("tto_met", true)
			.with("ttr_deadline", "2026-02-26T09:00:00Z").with("ttr_met", true)
			.with("resolved_first_level", false).with("resolved_first_contact", false)
			.with("rating", 4).with("rated_at", "2026-02-27T09:00:00Z").with("surveyed", true)
			.span("2026-02-24T09:00:00Z", "2026-02-25T09:00:00Z").save();
		// T7: created in the previous period, pending over the weekend (business time excludes the pause),
		// resolved late in this period
		rows.ticket("INCIDENT", "EMAIL", "MEDIUM", "RESOLVED", "2026-02-27T10:00:00Z")
			.with("owned_at", "2026-02-27T11:00:00Z").with("own_seconds", 3600).with("own_business_seconds", 3600)
			.with("resolved_at", "2026-03-03T10:00:00Z").with("resolution_seconds", 345600)
			.with("resolution_business_seconds", 36000).with("sla_policy_id", 1)
			.with("tto_deadline", "2026-02-27T11:30:00Z").with("tto_met", true)
			.with("ttr_deadline", "2026-03-02T10:00:00Z").with("ttr_met", false)
			.with("resolved_first_level", false).with("resolved_first_contact", false)
			.span("2026-02-27T10:00:00Z", "2026-03-03T10:00:00Z").save();
		// T8: new on Sunday 21:00 local, nobody took it yet, no SLA
		rows.ticket("INCIDENT", "API", "LOW", "NEW", "2026-03-08T20:00:00Z")
			.span("2026-03-08T20:00:00Z", null).save();
		// T9: pending since January
		rows.ticket("SERVICE_REQUEST", "PORTAL", "LOW", "PENDING", "2026-01-15T10:00:00Z")
			.with("owned_at", "2026-01-15T11:00:00Z").with("own_seconds", 3600)
			.span("2026-01-15T10:00:00Z", null).save();
	}

	private KpiFilter filter() {
		return inDepartment(WEEK, null, null);
	}

	private KpiFilter inDepartment(DateRange period, org.guichet.tickets.TicketType type, Long category) {
		return new KpiFilter(period, null, type, null, null, category, null, null, department);
	}

	private KpiReport report() {
		return report(filter());
	}

	private KpiReport report(KpiFilter filter) {
		return report(filter, Map.of());
	}

	/*
	 * Each figure is read from the facts and, when the filter narrows by one dimension at most,
	 * from the daily figures of the set's days too (computed in the test's transaction), which must
	 * give exactly the same.
	 */

	private KpiReport report(KpiFilter filter, Map<String, KpiTarget> targets) {
		KpiReport direct = reports.report(sources.direct(filter), filter, NOW, targets);
		if (oneDimensionAtMost(filter)) {
			assertThat(reports.report(daily(filter), filter, NOW, targets)).isEqualTo(direct);
		}
		return direct;
	}

	private BacklogTrend trend(KpiFilter filter, Instant now) {
		BacklogTrend direct = series.backlogTrend(sources.direct(filter), filter, now);
		if (oneDimensionAtMost(filter)) {
			assertThat(series.backlogTrend(daily(filter), filter, now)).isEqualTo(direct);
		}
		return direct;
	}

	private Volumes volumes(KpiFilter filter, Granularity granularity) {
		Volumes direct = series.volumes(sources.direct(filter), filter, granularity);
		if (oneDimensionAtMost(filter)) {
			assertThat(series.volumes(daily(filter), filter, granularity)).isEqualTo(direct);
		}
		return direct;
	}

	private KpiSource daily(KpiFilter filter) {
		List<LocalDate> all = LocalDate.parse("2026-01-01").datesUntil(LocalDate.parse("2026-04-01")).toList();
		days.compute(all);
		return sources.daily(filter);
	}

	private static boolean oneDimensionAtMost(KpiFilter filter) {
		return java.util.stream.Stream.of(filter.type(), filter.group(), filter.technician(), filter.category(),
				filter.channel(), filter.priority(), filter.department()).filter(java.util.Objects::nonNull).count() <= 1;
	}

	@Test
	void resolutionTimesCountTheStandingResolutionsOfThePeriodCalendarAndBusiness() {
		KpiReport report = report();
		// resolved in the period: T1 3600, T7 345600, T2 61200, T3 10800 (T4 cancelled: none)
		Kpi mean = report.kpi("meanResolutionTime");
		assertThat(mean.value()).isEqualTo(105300.0); // 421200 / 4
		assertThat(mean.count()).isEqualTo(4);
		assertThat(mean.unit()).isEqualTo(KpiUnit.DURATION);
		assertThat(mean.previousValue()).isEqualTo(86400.0); // T6
		assertThat(mean.drillDown()).containsExactly(entry("from", "2026-03-02"), entry("to", "2026-03-08"),
				entry("periodBy", "RESOLVED"), entry("department", department));
		// business: T3 has no SLA policy, so 3 tickets: 3600, 10800, 36000
		Kpi business = report.kpi("meanResolutionTime.business");
		assertThat(business.value()).isEqualTo(16800.0);
		assertThat(business.count()).isEqualTo(3);
		assertThat(business.previousValue()).isEqualTo(36000.0);
		assertThat(business.drillDown()).containsEntry("periodBy", "RESOLVED").containsEntry("sla", "WITH");
		// sorted 3600, 10800, 61200, 345600: P50 = (10800 + 61200) / 2; P90 at rank 2.7 = 61200 + 0.7 × 284400
		assertThat(report.kpi("medianResolutionTime").value()).isEqualTo(36000.0);
		assertThat(report.kpi("medianResolutionTime.p90").value()).isEqualTo(260280.0);
		// business sorted 3600, 10800, 36000: P50 10800; P90 at rank 1.8 = 10800 + 0.8 × 25200
		assertThat(report.kpi("medianResolutionTime.business").value()).isEqualTo(10800.0);
		assertThat(report.kpi("medianResolutionTime.businessP90").value()).isEqualTo(30960.0);
	}

	@Test
	void timesToOwnAndToRespondCountTheTicketsCreatedInThePeriodThatHaveThem() {
		KpiReport report = report();
		// created: T1, T4, T5, T2, T3, T8; owned: 600, 1800, 10800, 3600, 3600 (T8 not yet)
		Kpi own = report.kpi("meanTimeToOwn");
		assertThat(own.value()).isEqualTo(4080.0);
		assertThat(own.count()).isEqualTo(5);
		assertThat(own.drillDown()).containsEntry("periodBy", "CREATED").containsEntry("owned", "true");
		assertThat(own.previousValue()).isEqualTo(2700.0); // T6 1800, T7 3600
		assertThat(report.kpi("meanTimeToOwn.business").value()).isEqualTo(4200.0); // T3 has no SLA: 16800 / 4
		// first responses: 600, 7200, 3600, 3600
		assertThat(report.kpi("meanTimeToFirstResponse").value()).isEqualTo(3750.0);
		assertThat(report.kpi("meanTimeToFirstResponse").count()).isEqualTo(4);
	}

	@Test
	void slaComplianceCountsTheVerdictsOfTheDeadlinesFallingInThePeriod() {
		KpiReport report = report();
		// TTR due: T1 met, T7 missed, T4 cancelled without verdict, T5 missed, T2 missed
		Kpi ttr = report.kpi("slaCompliance");
		assertThat(ttr.value()).isEqualTo(0.25);
		assertThat(ttr.count()).isEqualTo(4);
		assertThat(ttr.drillDown()).as("T4 is due but has no verdict: left out").containsEntry("periodBy", "TTR_DUE")
			.containsEntry("ttr", "GIVEN");
		assertThat(ttr.previousValue()).isEqualTo(1.0);
		// TTO due: T1, T4, T2 met, T5 missed (T7's fell in the previous period)
		Kpi tto = report.kpi("slaCompliance.tto");
		assertThat(tto.value()).isEqualTo(0.75);
		assertThat(tto.count()).isEqualTo(4);
		assertThat(tto.drillDown()).containsEntry("periodBy", "TTO_DUE").containsEntry("tto", "GIVEN");
		assertThat(report.kpi("slaCompliance.ttrBreaches").count()).isEqualTo(3);
		assertThat(report.kpi("slaCompliance.ttrBreaches").drillDown()).containsEntry("periodBy", "TTR_DUE")
			.containsEntry("ttr", "MISSED");
		assertThat(report.kpi("slaCompliance.ttoBreaches").count()).isEqualTo(1);
		assertThat(report.breaches()).extracting(Breach::clock, Breach::deadline)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("TTR", Instant.parse("2026-03-06T09:00:00Z")),
					org.assertj.core.groups.Tuple.tuple("TTR", Instant.parse("2026-03-06T08:00:00Z")),
					org.assertj.core.groups.Tuple.tuple("TTO", Instant.parse("2026-03-04T10:00:00Z")),
					org.assertj.core.groups.Tuple.tuple("TTR", Instant.parse("2026-03-02T10:00:00Z")));
		assertThat(report.breaches().get(0).doneAt()).as("T5 is still open").isNull();
	}

	@Test
	void aReportOfOneDimensionReadsItsOpenTicketsBreachesAndCommentsAlongThatDimensionsIndexes() {
		assumeFalse(TestDatabase.isPostgres(), "H2's plan: PostgreSQL plans a table this small by its own costs");
		FactConditions ofTechnician = FactConditions.of(alone(technician, null), categories);
		// Along the indexes without the dimension, the open tickets were all read to test their
		// assignee, and the breaches and comments among every missed verdict and closure of the period
		assertThat(plan(KpiQueries.backlogSql(ofTechnician), ofTechnician)).containsIgnoringCase("ix_ticket_fact_assignee_open")
			.doesNotContainIgnoringCase("ix_ticket_fact_status");
		for (String clock : List.of("tto", "ttr")) {
			assertThat(plan(KpiQueries.breachesSql(clock, ofTechnician, 100), ofTechnician)).as(clock)
				.containsIgnoringCase("ix_ticket_fact_assignee_" + clock)
				.containsIgnoringCase("index sorted");
		}
		assertThat(plan(KpiQueries.commentsSql(ofTechnician, 100), ofTechnician))
			.containsIgnoringCase("ix_ticket_fact_assignee_closed")
			.containsIgnoringCase("index sorted");
		// A category with its sub-categories: one branch per category, each along the category's index
		FactConditions ofRoot = FactConditions.of(alone(null, root), categories);
		for (String sql : List.of(KpiQueries.backlogSql(ofRoot), KpiQueries.breachesSql("ttr", ofRoot, 100),
				KpiQueries.commentsSql(ofRoot, 100))) {
			String plan = plan(sql, ofRoot);
			assertThat(plan).as(sql).containsIgnoringCase("ix_ticket_fact_category_")
				.containsIgnoringCase("category_id = cast(" + root + " as bigint)")
				.containsIgnoringCase("category_id = cast(" + child + " as bigint)")
				.doesNotContainIgnoringCase("category_id in")
				.doesNotContainIgnoringCase("ix_ticket_fact_status")
				.doesNotContainIgnoringCase("_missed")
				.doesNotContainIgnoringCase("ix_ticket_fact_closed");
		}
	}

	@Test
	void aReportOfOneTechnicianOrOneCategoryTreeAloneListsTheSameAsWithTheSetsDepartment() {
		KpiReport technicianAlone = report(alone(technician, null));
		KpiReport technicianInDepartment = report(filter().forTechnician(technician));
		assertThat(technicianAlone.breaches()).isEqualTo(technicianInDepartment.breaches())
			.extracting(Breach::clock, Breach::deadline)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("TTR", Instant.parse("2026-03-06T09:00:00Z")),
					org.assertj.core.groups.Tuple.tuple("TTO", Instant.parse("2026-03-04T10:00:00Z"))); // T5
		assertThat(technicianAlone.comments()).isEqualTo(technicianInDepartment.comments())
			.extracting(SatisfactionComment::comment).containsExactly("Quick fix"); // T1
		assertThat(technicianAlone.kpi("backlog.now").count()).isEqualTo(1); // T5
		assertThat(technicianAlone.kpi("backlog.status.IN_PROGRESS").count()).isEqualTo(1);
		assertThat(technicianAlone.kpi("backlog").details()).extracting(Kpi::name, Kpi::count)
			.isEqualTo(technicianInDepartment.kpi("backlog").details().stream().map(k -> org.assertj.core.groups.Tuple
				.tuple(k.name(), k.count())).toList());
		KpiReport treeAlone = report(alone(null, root));
		// T3 closed on the 8th in the root, T1 on the 4th in the child: merged latest first
		assertThat(treeAlone.comments()).isEqualTo(report(inDepartment(WEEK, null, root)).comments())
			.extracting(SatisfactionComment::comment).containsExactly("Slow", "Quick fix");
	}

	/** The week's filter of a technician or a category alone, without the set's department. */
	private static KpiFilter alone(Long technician, Long category) {
		return new KpiFilter(WEEK, null, null, null, technician, category, null, null, null);
	}

	private String plan(String sql, FactConditions on) {
		Map<String, Object> params = new java.util.HashMap<>(on.params());
		params.put("start", WEEK.start(PARIS).atOffset(java.time.ZoneOffset.UTC));
		params.put("end", WEEK.end(PARIS).atOffset(java.time.ZoneOffset.UTC));
		for (org.guichet.tickets.DrillDown.Age bucket : org.guichet.tickets.DrillDown.Age.values()) {
			params.put("young_" + bucket.name(), NOW.atOffset(java.time.ZoneOffset.UTC));
			params.put("old_" + bucket.name(), NOW.atOffset(java.time.ZoneOffset.UTC));
		}
		return String.join("\n", jdbc.sql("explain " + sql).params(params).query(String.class).list());
	}

	@Test
	void ratesOverTheResolvedTicketsOfThePeriod() {
		KpiReport report = report();
		assertThat(report.kpi("reopenRate").value()).isEqualTo(0.25); // T2 of T1, T7, T2, T3
		assertThat(report.kpi("reopenRate").previousValue()).isEqualTo(0.0);
		assertThat(report.kpi("reopenRate.reopened").drillDown()).containsEntry("reopened", "true")
			.containsEntry("periodBy", "RESOLVED");
		assertThat(report.kpi("firstContactResolution").value()).isEqualTo(0.25); // T1
		assertThat(report.kpi("firstLevelResolution").value()).isEqualTo(0.5); // T1, T3
		assertThat(report.kpi("firstLevelResolution.resolved").drillDown()).containsEntry("firstLevel", "true");
	}

	@Test
	void escalationRateCountsTheTicketsCreatedInThePeriodByKind() {
		KpiReport report = report();
		Kpi rate = report.kpi("escalationRate");
		assertThat(rate.value()).isEqualTo(2.0 / 6); // T2 functional, T5 hierarchical and automatic
		assertThat(rate.count()).isEqualTo(6);
		assertThat(rate.previousValue()).isEqualTo(0.0);
		assertThat(report.kpi("escalationRate.functional").count()).isEqualTo(1);
		assertThat(report.kpi("escalationRate.hierarchical").count()).isEqualTo(1);
		assertThat(report.kpi("escalationRate.automatic").count()).as("tickets, not levels").isEqualTo(1);
		assertThat(report.kpi("escalationRate.automatic").drillDown()).containsEntry("escalated", "AUTOMATIC");
	}

	@Test
	void approvalDelayIsTheMeanWaitOfTheApprovalsDecidedInThePeriodWithTheRefusalsCounted() {
		FactRows rows = new FactRows(jdbc, requester, department, PARIS, events);
		// refused after a day
		approval(rows, "CANCELLED", "2026-03-03T08:00:00Z", "2026-03-04T08:00:00Z", "REFUSED", 86400);
		// approved in two hours
		approval(rows, "NEW", "2026-03-05T08:00:00Z", "2026-03-05T10:00:00Z", "APPROVED", 7200);
		// asked in the previous period, decided in this one: counted by its decision
		approval(rows, "ASSIGNED", "2026-03-01T08:00:00Z", "2026-03-02T08:00:00Z", "APPROVED", 86400);
		// decided Sunday 23:30 in Paris: the period's last day
		approval(rows, "NEW", "2026-03-08T20:30:00Z", "2026-03-08T22:30:00Z", "APPROVED", 7200);
		// decided Monday 00:30 in Paris: the next period
		approval(rows, "NEW", "2026-03-08T21:30:00Z", "2026-03-08T23:30:00Z", "APPROVED", 7200);
		// the previous period
		approval(rows, "CLOSED", "2026-02-26T08:00:00Z", "2026-02-26T09:00:00Z", "APPROVED", 3600);
		// withdrawn and waiting: no decision
		rows.ticket("SERVICE_REQUEST", "PORTAL", "LOW", "CANCELLED", "2026-03-04T08:00:00Z")
			.with("approval_requested_at", "2026-03-04T08:00:00Z").with("approval_outcome", "WITHDRAWN")
			.with("cancelled_at", "2026-03-04T09:00:00Z").save();
		rows.ticket("SERVICE_REQUEST", "PORTAL", "LOW", "PENDING", "2026-03-06T08:00:00Z")
			.with("approval_requested_at", "2026-03-06T08:00:00Z").with("approval_outcome", "WAITING").save();

		KpiReport report = report();
		Kpi delay = report.kpi("approvalDelay");
		assertThat(delay.unit()).isEqualTo(KpiUnit.DURATION);
		assertThat(delay.value()).isEqualTo(46800.0); // (86400 + 7200 + 86400 + 7200) / 4
		assertThat(delay.count()).isEqualTo(4);
		assertThat(delay.previousValue()).isEqualTo(3600.0);
		assertThat(delay.drillDown()).containsEntry("periodBy", "APPROVAL_DECIDED").containsEntry("from", "2026-03-02");
		Kpi refused = report.kpi("approvalDelay.refused");
		assertThat(refused.count()).isEqualTo(1);
		assertThat(refused.previousValue()).isZero();
		assertThat(refused.drillDown()).containsEntry("periodBy", "APPROVAL_REFUSED");
		assertThat(report(inDepartment(WEEK, org.guichet.tickets.TicketType.INCIDENT, null)).kpi("approvalDelay").value())
			.as("the filter's dimensions narrow it as every card")
			.isNull();
	}

	private static void approval(FactRows rows, String status, String requestedAt, String decidedAt, String outcome,
			long seconds) {
		rows.ticket("SERVICE_REQUEST", "PORTAL", "LOW", status, requestedAt)
			.with("approval_requested_at", requestedAt)
			.with("approval_decided_at", decidedAt)
			.with("approval_outcome", outcome)
			.with("approval_seconds", seconds)
			.save();
	}

	@Test
	void satisfactionCountsTheRatingsOfTicketsClosedInThePeriod() {
		KpiReport report = report();
		Kpi satisfaction = report.kpi("satisfaction");
		assertThat(satisfaction.value()).isEqualTo(0.5); // T1 5, T3 3
		assertThat(satisfaction.count()).isEqualTo(2);
		assertThat(satisfaction.previousValue()).isEqualTo(1.0); // T6 4
		assertThat(satisfaction.drillDown()).containsEntry("periodBy", "CLOSED").containsEntry("rating", "RATED");
		assertThat(report.kpi("satisfaction.average").value()).isEqualTo(4.0);
		Kpi responseRate = report.kpi("satisfaction.responseRate");
		assertThat(responseRate.value()).as("rated / surveyed").isEqualTo(1.0);
		assertThat(responseRate.count()).as("the surveyed tickets").isEqualTo(2);
		assertThat(responseRate.drillDown()).containsEntry("periodBy", "CLOSED").containsEntry("rating", "SURVEYED");
		assertThat(report.comments()).extracting(SatisfactionComment::comment).containsExactly("Slow", "Quick fix");
	}

	@Test
	void backlogOfAPastPeriodIsTheOpenTicketsAtItsEndWithTheBreakdownsNow() {
		KpiReport report = report();
		Kpi backlog = report.kpi("backlog");
		assertThat(backlog.value()).isEqualTo(3.0); // at 9 March 00:00: T5, T8, T9
		assertThat(backlog.previousValue()).isEqualTo(2.0); // at 2 March 00:00: T7, T9
		assertThat(backlog.drillDown()).as("no list says open at a past instant").isNull();
		assertThat(report.kpi("backlog.now").count()).isEqualTo(3);
		assertThat(report.kpi("backlog.now").drillDown()).containsExactly(entry("department", department),
				entry("statusGroup", "OPEN"));
		assertThat(report.kpi("backlog.status.NEW").count()).isEqualTo(1);
		assertThat(report.kpi("backlog.status.ASSIGNED").count()).isZero();
		assertThat(report.kpi("backlog.status.IN_PROGRESS").count()).isEqualTo(1);
		assertThat(report.kpi("backlog.status.PENDING").count()).isEqualTo(1);
		assertThat(report.kpi("backlog.age.UNDER_1D").count()).isZero();
		assertThat(report.kpi("backlog.age.D1_3").count()).isEqualTo(1); // T8, 1 d 16 h
		assertThat(report.kpi("backlog.age.D3_7").count()).isEqualTo(1); // T5, 6 d 3 h
		assertThat(report.kpi("backlog.age.D7_30").count()).isZero();
		assertThat(report.kpi("backlog.age.OVER_30D").count()).isEqualTo(1); // T9
		assertThat(report.kpi("backlog.age.D3_7").drillDown()).containsExactly(entry("department", department),
				entry("age", "D3_7"));
	}

	@Test
	void backlogOfAPastPeriodIsNotTheBacklogNow() {
		DateRange tuesdayWednesday = new DateRange(LocalDate.parse("2026-03-03"), LocalDate.parse("2026-03-04"));
		Kpi backlog = report(inDepartment(tuesdayWednesday, null, null)).kpi("backlog");
		assertThat(backlog.value()).as("at 5 March 00:00: T5, T9 (T8 came later)").isEqualTo(2.0);
		assertThat(backlog.count()).isEqualTo(2);
		assertThat(backlog.previousValue()).as("at 3 March 00:00: T7, T9").isEqualTo(2.0);
		assertThat(trend(inDepartment(tuesdayWednesday, null, null), NOW).days())
			.extracting(BacklogTrend.Point::open)
			.endsWith(2L);
	}

	@Test
	void backlogReachingTodayIsTheBacklogNowComparedWithTheSameDaysOfLastWeek() {
		KpiFilter thisWeek = new KpiFilter(PeriodPreset.THIS_WEEK.range(LocalDate.parse("2026-03-10")),
				PeriodPreset.THIS_WEEK, null, null, null, null, null, null, department);
		KpiReport report = report(thisWeek);
		assertThat(report.previousPeriod())
			.isEqualTo(new DateRange(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-03")));
		Kpi backlog = report.kpi("backlog");
		assertThat(backlog.value()).isEqualTo(3.0); // now: T5, T8, T9
		assertThat(backlog.previousValue()).as("at 4 March 00:00: T9 (T7 resolved, T5 not yet)").isEqualTo(1.0);
		assertThat(backlog.drillDown()).containsExactly(entry("department", department), entry("statusGroup", "OPEN"));
		assertThat(trend(thisWeek, NOW).days()).extracting(BacklogTrend.Point::open).endsWith(3L);
	}

	@Test
	void backlogTrendIsTheOpenTicketsAtEachDaysEnd() {
		BacklogTrend trend = trend(filter(), NOW);
		assertThat(trend.days()).extracting(BacklogTrend.Point::open).containsExactly(2L, 1L, 2L, 3L, 2L, 2L, 3L);
		assertThat(trend.days().get(0).day()).isEqualTo(LocalDate.parse("2026-03-02"));
	}

	@Test
	void backlogTrendStopsAtTodayWhoseValueIsTheBacklogNow() {
		Instant wednesdayNoon = Instant.parse("2026-03-04T11:00:00Z");
		BacklogTrend trend = trend(filter(), wednesdayNoon);
		// Monday 2, Tuesday 1, Wednesday at noon: T5, T9
		assertThat(trend.days()).extracting(BacklogTrend.Point::open).containsExactly(2L, 1L, 2L);
	}

	@Test
	void volumesPerDayPerWeekByDimensionAndHeatmap() {
		Volumes daily = volumes(filter(), Granularity.DAY);
		assertThat(daily.series()).extracting(Volumes.Point::created).containsExactly(1L, 1L, 1L, 1L, 0L, 1L, 1L);
		assertThat(daily.series()).extracting(Volumes.Point::resolved).containsExactly(1L, 1L, 0L, 0L, 1L, 1L, 0L);
		assertThat(daily.series()).extracting(Volumes.Point::closed).containsExactly(0L, 0L, 1L, 0L, 0L, 0L, 1L);
		Volumes weekly = volumes(filter(), Granularity.WEEK);
		assertThat(weekly.series()).extracting(Volumes.Point::start, Volumes.Point::end, Volumes.Point::created,
				Volumes.Point::resolved, Volumes.Point::closed)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(WEEK.from(), WEEK.to(), 6L, 4L, 2L));
		assertThat(weekly.series().get(0).drillDowns().get("resolved")).containsEntry("from", WEEK.from().toString())
			.containsEntry("to", WEEK.to().toString())
			.containsEntry("periodBy", "RESOLVED");
		assertThat(daily.byDimension().get(VolumeDimension.CHANNEL)).extracting(Volumes.DimensionCount::key,
				Volumes.DimensionCount::created)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("PHONE", 2L),
					org.assertj.core.groups.Tuple.tuple("API", 1L), org.assertj.core.groups.Tuple.tuple("CHAT", 1L),
					org.assertj.core.groups.Tuple.tuple("EMAIL", 1L), org.assertj.core.groups.Tuple.tuple("PORTAL", 1L));
		assertThat(daily.byDimension().get(VolumeDimension.CHANNEL).get(0).drillDown())
			.containsEntry("periodBy", "CREATED").containsEntry("channel", "PHONE");
		assertThat(daily.byDimension().get(VolumeDimension.TECHNICIAN)).singleElement()
			.satisfies(count -> assertThat(count.created()).isEqualTo(2))
			.satisfies(count -> assertThat(count.label()).startsWith("kpi-tech-"));
		assertThat(daily.heatmap()).extracting(Volumes.HeatmapCell::weekday, Volumes.HeatmapCell::hour)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 9), org.assertj.core.groups.Tuple.tuple(2, 9),
					org.assertj.core.groups.Tuple.tuple(3, 10), org.assertj.core.groups.Tuple.tuple(4, 17),
					org.assertj.core.groups.Tuple.tuple(6, 11), org.assertj.core.groups.Tuple.tuple(7, 21));
		assertThat(daily.heatmap().get(5).drillDown()).containsEntry("weekday", "7").containsEntry("hour", "21");
	}

	@Test
	void aCategoryCountsWithItsSubCategoriesAndATechnicianWithTheirTickets() {
		KpiReport byCategory = report(inDepartment(WEEK, null, root));
		assertThat(byCategory.kpi("volumes").count()).as("T1 in the child, T3 in the root").isEqualTo(2);
		KpiReport byTechnician = report(filter().forTechnician(technician));
		assertThat(byTechnician.kpi("volumes").count()).isEqualTo(2); // T1, T5
		assertThat(byTechnician.kpi("volumes").drillDown()).containsEntry("assigneeId", String.valueOf(technician));
		KpiReport incidents = report(inDepartment(WEEK, org.guichet.tickets.TicketType.SERVICE_REQUEST, null));
		assertThat(incidents.kpi("volumes").count()).isEqualTo(1); // T3
	}

	@Test
	void aTargetSaysWhetherTheValueMeetsIt() {
		KpiReport report = report(filter(), Map.of("slaCompliance", new KpiTarget("slaCompliance", KpiComparison.AT_LEAST, 0.95),
						"meanTimeToFirstResponse",
						new KpiTarget("meanTimeToFirstResponse", KpiComparison.AT_MOST, 3750)));
		assertThat(report.kpi("slaCompliance").met()).isFalse();
		assertThat(report.kpi("slaCompliance").target().value()).isEqualTo(0.95);
		assertThat(report.kpi("meanTimeToFirstResponse").met()).isTrue();
		assertThat(report.kpi("reopenRate").met()).isNull();
	}

	@Test
	void nothingCountedGivesNoValueRatherThanZero() {
		KpiReport report = report(inDepartment(new DateRange(LocalDate.parse("2025-01-01"),
				LocalDate.parse("2025-01-07")), null, null));
		assertThat(report.kpi("meanResolutionTime").value()).isNull();
		assertThat(report.kpi("slaCompliance").value()).isNull();
		assertThat(report.kpi("volumes").value()).isZero();
		assertThat(List.copyOf(report.kpis().keySet())).isEqualTo(Kpi.HEADLINES);
	}

}
