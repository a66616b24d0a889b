package org.guichet.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.demo.mail.DemoMailChecks;
import org.guichet.demo.sms.DemoSmsChecks;
import org.guichet.directory.UserRepository;
import org.guichet.presentation.pack.DemoPackAnonymisationChecks;
import org.guichet.reporting.BacklogTrend.Point;
import org.guichet.reporting.Granularity;
import org.guichet.reporting.KpiFilter;
import org.guichet.reporting.KpiReport;
import org.guichet.reporting.Kpis;
import org.guichet.reporting.VolumeDimension;
import org.guichet.reporting.Volumes;
import org.guichet.reporting.Volumes.HeatmapCell;
import org.guichet.reporting.recurring.RecurrenceReason;
import org.guichet.reporting.recurring.RecurringCluster;
import org.guichet.reporting.recurring.RecurringIncidentsReport;
import org.guichet.system.StartupLoading;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.TestDatabase;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Status;
import org.guichet.tickets.TicketType;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo profile's first start, on a database of its own: the shared test database already
 * has users, and the demo loads only into an empty one. The whole demo runs here, its own servers
 * too (its fake SMS gateway, called over HTTP on the server's port, and its mail server on free
 * ports, both senders every 100 ms): the checks of the demo's data, its anonymisation and its
 * servers share this one application, each demo start costing about 30 s. The data is read first
 * ({@link Loaded}, exact counts), before the nested classes after it add tickets of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "guichet.demo.mail.smtp-port=0", "guichet.demo.mail.imap-port=0", "guichet.sms.send-interval=100ms",
				"guichet.mail.send-interval=100ms" })
@ContextConfiguration(initializers = DemoDataIT.EmptyDatabase.class)
@ActiveProfiles({ "test", "demo" })
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
public class DemoDataIT {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserRepository users;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	DemoData demoData;

	@Autowired
	Clock clock;

	@Autowired
	StartupLoading startupLoading;

	@Autowired
	Kpis kpis;

	/** The demo as loaded: read before the nested classes below add tickets, mails and texts of their own. */
	@Nested
	@Order(1)
	class Loaded {

		@Test
		void theDemoLoginsExistWithTheirRolesAndThePasswordDemo() {
			Map<String, Role> logins = Map.of("admin", Role.ADMINISTRATOR, "tech1", Role.TECHNICIAN, "tech2",
					Role.TECHNICIAN, "manager", Role.SUPERVISOR, "alice", Role.REQUESTER, "bob", Role.REQUESTER);
			logins.forEach((username, role) -> {
				User user = users.findByUsername(username).orElseThrow();
				assertThat(user.getRole()).as(username).isEqualTo(role);
				assertThat(passwords.matches("demo", user.getPasswordHash())).as(username).isTrue();
			});
			assertThat(groupsOf("tech1")).containsExactly(DemoOrganisation.N1);
			assertThat(groupsOf("tech2")).containsExactly(DemoOrganisation.N2);
			assertThat(groupsOf("manager")).containsExactlyInAnyOrder(DemoOrganisation.N1, DemoOrganisation.N2);
		}

		@Test
		void officeAndAroundTheClockCalendarsCarryAStandardAndAVipPolicy() {
			assertThat(jdbc.queryForList("select name from business_calendar order by name", String.class))
				.containsExactly("24/7", "Bureaux France");
			assertThat(jdbc.queryForList("select name from sla_policy where fallback", String.class))
				.containsExactly("Standard");
			assertThat(count("select count(*) from sla_policy where match_vip")).isEqualTo(1);
			assertThat(count("select count(*) from sla_target")).isEqualTo(2 * 3 * 6);
		}

		@Test
		void everyPastTicketIsMeasuredAgainstItsPolicyAndTheOpenOnesFillTheSlaQueues() {
			assertThat(count("select count(*) from ticket t left join ticket_sla s on s.ticket_id = t.id"
					+ " where s.ticket_id is null or t.sla_state is null")).isZero();
			assertThat(count("select count(*) from ticket where sla_state = 'MET' and status = 'CLOSED'")).isPositive();
			assertThat(count("select count(*) from ticket where sla_state in ('AT_RISK', 'BREACHED', 'ON_TRACK')"
					+ " and status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING')")).isPositive();
			assertThat(count("select count(*) from ticket where sla_due_at is not null and status = 'CLOSED'")).isZero();
		}

		@Test
		void theStandardPolicyEscalatesAtThreeQuartersOfTheResolutionTimeThenAnHourAfterTheDeadline() {
			assertThat(jdbc.queryForList("select l.clock || ' ' || l.trigger_kind || ' ' || l.percent || ' '"
					+ " || l.offset_minutes from sla_escalation_level l join sla_policy p on p.id = l.policy_id"
					+ " where p.name = 'Standard' order by l.position", String.class))
				.containsExactly("TTR SHARE 75 0", "TTR AFTER 100 60");
		}

		@Test
		void routingSendsPrintersToARoundRobinN1AndNetworkWordsToN2WithOneTechnicianAway() {
			assertThat(jdbc.queryForList("select name from routing_rule order by position", String.class)).containsExactly(
					"Direction : technicien senior", "Imprimantes vers le N1", "Réseau et VPN vers le N2");
			assertThat(jdbc.queryForList("select g.mode from group_assignment g join support_group s on s.id = g.group_id"
					+ " order by s.name", String.class)).containsExactly("ROUND_ROBIN", "LEAST_LOADED");
			assertThat(count("select count(*) from technician_absence")).isEqualTo(1);
			assertThat(count("select count(*) from technician_skill")).isEqualTo(1);
		}

		@Test
		void theOrganisationHasDepartmentsManagersOneVipAndGroupsOfTwoToFourMembers() {
			assertThat(count("select count(*) from app_user")).isBetween(35, 45);
			assertThat(count("select count(distinct department) from app_user")).isGreaterThanOrEqualTo(6);
			assertThat(count("select count(*) from app_user where vip")).isEqualTo(1);
			assertThat(count("select count(*) from app_user where manager_id is null")).isEqualTo(1);
			assertThat(jdbc.queryForObject("select m.username from app_user u join app_user m on m.id = u.manager_id"
					+ " where u.username = 'tech1'", String.class)).isEqualTo("manager");
			assertThat(jdbc.queryForList("select count(*) from group_member group by group_id", Integer.class))
				.hasSize(3)
				.allSatisfy(members -> assertThat(members).isBetween(2, 4));
			assertThat(count("select count(*) from category where parent_id is null")).isEqualTo(7);
		}

		@Test
		void theTicketsShowEveryStatusTypeAndChannel() {
			assertThat(count("select count(*) from ticket")).isEqualTo(DemoTickets.TICKETS + DemoMerge.TICKETS + DemoMail.TICKETS + DemoMajorIncidents.TICKETS
					+ DemoServiceCatalogue.REQUESTS);
			assertThat(distinct("status")).containsExactlyInAnyOrderElementsOf(names(Status.values()));
			assertThat(distinct("type")).containsExactlyInAnyOrderElementsOf(names(TicketType.values()));
			assertThat(distinct("channel")).containsExactlyInAnyOrderElementsOf(names(Channel.values()));
			assertThat(count("select count(*) from ticket where status = 'CLOSED'"))
				.isGreaterThan(DemoTickets.TICKETS / 2);
		}

		@Test
		void oneMajorIncidentIsOngoingWithItsAnnouncementAndOneWasResolvedWithItsChildren() {
			List<Map<String, Object>> majors = jdbc.queryForList(
					"select id, status, priority from ticket where major_incident order by id");
			assertThat(majors).hasSize(2);
			assertThat(majors.get(0).get("status")).isIn("NEW", "ASSIGNED", "IN_PROGRESS");
			Object ending = majors.get(1).get("status");
			assertThat(ending).isIn("RESOLVED", "CLOSED");
			assertThat(majors).extracting(m -> m.get("priority")).containsOnly("MAJOR");
			Object ongoing = majors.get(0).get("id");
			Object resolved = majors.get(1).get("id");
			assertThat(count("select count(*) from ticket_link where kind = 'CHILD_OF' and target_ticket_id = " + ongoing))
				.isEqualTo(3);
			assertThat(jdbc.queryForList("select t.status from ticket_link l join ticket t on t.id = l.source_ticket_id"
					+ " where l.kind = 'CHILD_OF' and l.target_ticket_id = " + resolved, String.class))
				.hasSize(3)
				.containsOnly(String.valueOf(ending));
			assertThat(count("select count(*) from announcement where ticket_id = " + ongoing + " and ends_at is null"))
				.isEqualTo(1);
			assertThat(count("select count(*) from announcement where ticket_id = " + resolved + " and ends_at is not null"))
				.isEqualTo(1);
			assertThat(count("select count(*) from ticket_fact where major_incident")).isEqualTo(2);
		}

		@Test
		void aDuplicateWasMergedIntoTheTicketItDuplicatesAndItsRequesterWasTold() {
			long duplicate = jdbc.queryForObject("select source_ticket_id from ticket_link where kind = 'MERGED_INTO'",
					Long.class);
			long original = jdbc.queryForObject("select target_ticket_id from ticket_link where kind = 'MERGED_INTO'",
					Long.class);
			assertThat(jdbc.queryForObject("select status from ticket where id = ?", String.class, duplicate))
				.isEqualTo("CANCELLED");
			assertThat(count("select count(*) from ticket_comment where ticket_id = " + original
					+ " and merged_from_ticket_id = " + duplicate)).isEqualTo(1);
			assertThat(count("select count(*) from ticket_observer o join app_user u on u.id = o.user_id"
					+ " where o.ticket_id = " + original + " and u.username = 'bob'")).isEqualTo(1);
			assertThat(count("select count(*) from notification n join app_user u on u.id = n.recipient_id"
					+ " where u.username = 'bob' and n.message_key = 'notification.merged'")).isEqualTo(1);
		}

		@Test
		void everyDemoTicketHasItsFactsWithItsSlaVerdictsAsSoonAsItIsLoaded() {
			assertThat(count("select count(*) from ticket t left join ticket_fact f on f.ticket_id = t.id"
					+ " where f.ticket_id is null or f.status <> t.status or f.reopen_count <> t.reopen_count")).isZero();
			assertThat(count("select count(*) from ticket_fact_pending")).isZero();
			assertThat(count("select count(*) from ticket_fact where sla_policy_id is null")).isZero();
			assertThat(count("select count(*) from ticket_fact where status = 'CLOSED' and ttr_met is null")).isZero();
			assertThat(count("select count(*) from ticket_fact where merged")).isEqualTo(1);
			assertThat(count("select count(*) from ticket_fact where resolved_first_contact")).isPositive();
			assertThat(count("select count(*) from ticket_fact where resolved_first_level")).isPositive();
			assertThat(count("select count(*) from ticket_open_span where ended_at is null")).isEqualTo(
					count("select count(*) from ticket where status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING')"));
		}

		@Test
		void theKnowledgeBaseHasItsArticlesInBothLanguagesLinkedToResolvedTicketsAndRatedByRequesters() {
			assertThat(count("select count(*) from article where language = 'FR'")).isEqualTo(13);
			assertThat(count("select count(*) from article where language = 'EN'")).isEqualTo(13);
			assertThat(count("select count(*) from article a join article b on b.id = a.translation_id"
					+ " where b.translation_id = a.id and b.language <> a.language")).as("translations linked both ways").isEqualTo(26);
			assertThat(count("select count(*) from article where kind = 'POST_INCIDENT' and status = 'PUBLISHED'")).isEqualTo(2);
			assertThat(count("select count(*) from article where status = 'PUBLISHED' and audience = 'PUBLIC'")).isGreaterThan(12);
			assertThat(count("select count(distinct status) from article")).isEqualTo(4);
			assertThat(count("select count(*) from article_ticket l join ticket t on t.id = l.ticket_id"
					+ " where t.status in ('RESOLVED', 'CLOSED')")).isGreaterThan(10);
			assertThat(count("select count(*) from article_feedback")).isGreaterThan(20);
			assertThat(count("select count(*) from article_version where number = 2")).isGreaterThanOrEqualTo(14);
		}

		@Test
		void everyDemoArticleAnsweredWasReadAtLeastAsOftenAsItWasAnswered() throws InterruptedException {
			String answeredMoreThanRead = "select count(*) from article a where a.view_count <"
					+ " (select count(*) from article_feedback f where f.article_id = a.id)";
			// Readings are written in batches, every 10 s.
			long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
			while (count(answeredMoreThanRead) > 0 && System.nanoTime() < deadline) {
				Thread.sleep(200);
			}
			assertThat(count(answeredMoreThanRead)).isZero();
			assertThat(count("select count(*) from article where status = 'PUBLISHED' and view_count = 0")).isZero();
		}

		@Test
		void selfServiceHasADiagnosisProcedureWithATickAndPastSessionsSomeDeflected() {
			assertThat(count("select count(*) from category_diagnosis d join article a on a.id = d.article_id"
					+ " where a.kind = 'PROCEDURE' and a.status = 'PUBLISHED' and a.category_id = d.category_id")).isPositive();
			assertThat(count("select count(*) from diagnosis_tick")).isPositive();
			assertThat(count("select count(*) from ticket_history where field = 'diagnosisTicked'")).isPositive();
			assertThat(count("select count(*) from suggestion_session")).isEqualTo(40);
			assertThat(count("select count(*) from suggestion_session where opened_at is not null and filed_at is null"))
				.as("deflections").isPositive();
			assertThat(count("select count(*) from suggestion_session where filed_at is not null")).isPositive();
		}

		@Test
		void someTicketsWereReopenedAndRatedMostlyWell() {
			assertThat(count("select count(*) from ticket where reopen_count > 0")).isPositive();
			int rated = count("select count(*) from ticket where satisfaction_rating is not null");
			assertThat(rated).isPositive();
			assertThat(count("select count(*) from ticket where satisfaction_rating >= 4")).isGreaterThan(rated / 2);
			assertThat(count("select count(*) from ticket where satisfaction_rating not between 1 and 5")).isZero();
		}

		@Test
		void everyTicketHasItsHistoryWithinTheLast120Days() {
			assertThat(count("select count(*) from ticket t where not exists"
					+ " (select 1 from ticket_history h where h.ticket_id = t.id)")).isZero();
			assertThat(count("select count(*) from ticket_history")).isGreaterThan(5 * DemoTickets.TICKETS);
			assertThat(count("select count(*) from ticket_comment")).isGreaterThan(DemoTickets.TICKETS);
			OffsetDateTime first = jdbc.queryForObject("select min(at) from ticket_history", OffsetDateTime.class);
			OffsetDateTime last = jdbc.queryForObject("select max(at) from ticket_history", OffsetDateTime.class);
			assertThat(first.toInstant()).isAfter(clock.instant().minus(Duration.ofDays(DemoTickets.DAYS + 1)));
			assertThat(last.toInstant()).isBefore(clock.instant());
		}

		@Test
		void theTechniciansKeepReadingThePastTicketsTheyWorkedOn() {
			assertThat(count("select count(*) from ticket t where t.assignee_id is not null and not exists"
					+ " (select 1 from ticket_participant p where p.ticket_id = t.id and p.user_id = t.assignee_id)"))
				.isZero();
			assertThat(count("select count(distinct ticket_id) from ticket_participant")).isGreaterThan(
					DemoTickets.TICKETS / 2);
		}

		@Test
		void theResolvedTicketsAreStillWithinTheAutoCloseDelay() {
			OffsetDateTime oldest = jdbc.queryForObject("select min(resolved_at) from ticket where status = 'RESOLVED'",
					OffsetDateTime.class);
			assertThat(oldest.toInstant()).isAfter(clock.instant().minus(Duration.ofDays(7)));
		}

		@Test
		void aLaterStartLoadsNothingMore() {
			int tickets = count("select count(*) from ticket");
			int people = count("select count(*) from app_user");
			demoData.run(new DefaultApplicationArguments());
			assertThat(count("select count(*) from ticket")).isEqualTo(tickets);
			assertThat(count("select count(*) from app_user")).isEqualTo(people);
		}

		@Test
		void theLoadingNoticeEndedWithTheLoadAndALaterStartShowsNone() {
			assertThat(startupLoading.inProgress()).isEmpty();
			demoData.afterSingletonsInstantiated();
			demoData.run(new DefaultApplicationArguments());
			assertThat(startupLoading.inProgress()).isEmpty();
		}

		@Test
		void everyTicketShowsTheStateOfItsOwnClocks() {
			assertThat(count("select count(*) from ticket t join ticket_sla s on s.ticket_id = t.id"
					+ " where t.sla_state = s.state")).isEqualTo(DemoTickets.TICKETS + DemoMerge.TICKETS + DemoMail.TICKETS + DemoMajorIncidents.TICKETS
					+ DemoServiceCatalogue.REQUESTS);
		}

		@Test
		void everyKpiOfTheLast90DaysShowsWhatABelievableDeskDoes() {
			KpiReport report = kpis.report(last90Days(), supervisor());
			// a long tail of tickets waiting on suppliers and approvals for weeks, as the level backlog needs
			assertThat(value(report, "meanResolutionTime")).isBetween(hours(4), hours(8 * 24));
			assertThat(value(report, "medianResolutionTime")).isBetween(hours(1), hours(4 * 24));
			assertThat(value(report, "medianResolutionTime.p90")).isGreaterThan(value(report, "medianResolutionTime"));
			assertThat(value(report, "meanResolutionTime.business")).isBetween(hours(1), hours(24));
			assertThat(value(report, "meanTimeToOwn.business")).isBetween(60.0, hours(3));
			assertThat(value(report, "meanTimeToFirstResponse")).isBetween(60.0, hours(8));
			assertThat(value(report, "slaCompliance")).isBetween(0.85, 0.99);
			assertThat(value(report, "slaCompliance.tto")).isBetween(0.80, 0.98);
			assertThat(report.breaches()).isNotEmpty();
			assertThat(value(report, "reopenRate")).isBetween(0.02, 0.15);
			assertThat(value(report, "satisfaction")).isBetween(0.6, 0.95);
			assertThat(value(report, "satisfaction.average")).isBetween(3.5, 4.6);
			assertThat(value(report, "satisfaction.responseRate")).isBetween(0.3, 0.9);
			assertThat(report.comments()).isNotEmpty();
			assertThat(value(report, "firstContactResolution")).isBetween(0.10, 0.40);
			assertThat(value(report, "firstLevelResolution")).isBetween(0.40, 0.85);
			assertThat(value(report, "escalationRate")).isBetween(0.05, 0.30);
			assertThat(value(report, "escalationRate.functional")).isPositive();
			assertThat(value(report, "escalationRate.hierarchical")).isPositive();
			assertThat(value(report, "volumes")).isGreaterThan(DemoTickets.TICKETS / 2.0);
			assertThat(value(report, "volumes.resolved")).isGreaterThan(DemoTickets.TICKETS / 2.0);
		}

		@Test
		void theBacklogHasEveryStatusAndAgeAndStaysLevelDayAfterDay() {
			KpiReport report = kpis.report(last90Days(), supervisor());
			assertThat(value(report, "backlog")).isBetween(12.0, 45.0);
			for (Status status : List.of(Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS, Status.PENDING)) {
				assertThat(value(report, "backlog.status." + status)).as(status.name()).isPositive();
			}
			assertThat(Stream.of("UNDER_1D", "D1_3", "D3_7", "D7_30", "OVER_30D")
				.filter(age -> value(report, "backlog.age." + age) > 0)).hasSizeGreaterThanOrEqualTo(4);
			List<Long> open = kpis.backlogTrend(last90Days(), supervisor()).days().stream().map(Point::open).toList();
			assertThat(open.get(open.size() - 1)).isEqualTo((long) value(report, "backlog"));
			assertThat(open).allSatisfy(day -> assertThat(day).isBetween(8L, 45L));
		}

		@Test
		void theDeskHasTargetsTheLast90DaysMeetForSomeKpisAndMissForOthers() {
			KpiReport report = kpis.report(last90Days(), supervisor());
			List<Boolean> verdicts = Stream.of("slaCompliance", "meanTimeToOwn", "satisfaction", "reopenRate",
					"firstContactResolution", "backlog")
				.map(name -> report.kpi(name).met())
				.toList();
			assertThat(verdicts).doesNotContainNull().contains(true, false);
			assertThat(report.kpi("slaCompliance").target()).isNotNull();
			assertThat(report.kpi("meanResolutionTime").target()).isNull();
		}

		@Test
		void theVolumesCoverEveryDimensionAndMostTicketsComeInOfficeHours() {
			Volumes volumes = kpis.volumes(last90Days(), Granularity.WEEK, supervisor());
			assertThat(volumes.byDimension().get(VolumeDimension.CHANNEL)).hasSize(Channel.values().length);
			assertThat(volumes.byDimension().get(VolumeDimension.TYPE)).hasSize(TicketType.values().length);
			assertThat(volumes.byDimension().get(VolumeDimension.GROUP)).hasSize(3);
			assertThat(volumes.byDimension().get(VolumeDimension.PRIORITY)).hasSizeGreaterThanOrEqualTo(5);
			assertThat(volumes.byDimension().get(VolumeDimension.TECHNICIAN)).hasSizeGreaterThanOrEqualTo(5);
			List<Volumes.Point> weeks = volumes.series();
			assertThat(weeks.subList(1, weeks.size() - 1)).as("whole weeks").allSatisfy(week -> assertThat(week.created()).isPositive());
			long created = volumes.heatmap().stream().mapToLong(HeatmapCell::created).sum();
			long officeHours = volumes.heatmap()
				.stream()
				.filter(cell -> cell.weekday() <= 5 && cell.hour() >= 8 && cell.hour() < 18)
				.mapToLong(HeatmapCell::created)
				.sum();
			long weekend = volumes.heatmap().stream().filter(cell -> cell.weekday() > 5).mapToLong(HeatmapCell::created).sum();
			assertThat(officeHours).isGreaterThan(created * 85 / 100);
			assertThat(weekend).isPositive().isLessThan(created / 20);
			// up to yesterday: what the demo registers at its loading (catalogue requests, chats) falls in
			// the loading's hour, which made 8 o'clock the peak when the tests ran between 8 and 9
			Volumes history = kpis.volumes(kpis.parse(Map.of("from",
					new String[] { kpis.today().minusDays(90).toString() }, "to",
					new String[] { kpis.today().minusDays(1).toString() })), Granularity.WEEK, supervisor());
			assertThat(history.heatmap().stream().filter(cell -> cell.hour() == 10).mapToLong(HeatmapCell::created).sum())
				.as("the morning peak")
				.isGreaterThan(3 * history.heatmap().stream().filter(cell -> cell.hour() == 8).mapToLong(HeatmapCell::created).sum() / 2);
		}

		@Test
		void theDemoEscalatedThroughTheDomainWithAReasonAndRecordsEachEscalation() {
			assertThat(count("select count(*) from ticket_escalation where kind = 'FUNCTIONAL' and from_level = 'N1'"
					+ " and to_level = 'N2'")).isPositive();
			assertThat(count("select count(*) from ticket_escalation where kind = 'FUNCTIONAL' and to_level = 'N3'"))
				.isPositive();
			assertThat(count("select count(*) from ticket_escalation where kind = 'HIERARCHICAL'")).isPositive();
			assertThat(count("select count(*) from ticket_escalation where reason is null or by_id is null")).isZero();
			assertThat(count("select count(*) from ticket t where t.escalation_count <> (select count(*)"
					+ " from ticket_escalation e where e.ticket_id = t.id)")).isZero();
		}

		@Test
		void theRecurringIncidentsAreTheFewProblemsThatGenuinelyCameBack() {
			RecurringIncidentsReport month = kpis.recurringIncidents(
					kpis.parse(Map.of("period", new String[] { "LAST_30_DAYS" })), supervisor());
			// the planted problems, and few others: the draws of a random month may add a chance cluster or four
			assertThat(month.clusters()).extracting(RecurringCluster::reasons)
				.contains(List.of(RecurrenceReason.SAME_LOCATION), List.of(RecurrenceReason.SIMILAR_TITLES),
						List.of(RecurrenceReason.SAME_REQUESTER))
				.hasSizeLessThanOrEqualTo(8);
			assertThat(month.clusters()).extracting(RecurringCluster::label)
				.anySatisfy(label -> assertThat(label).containsIgnoringCase("vpn"))
				.anySatisfy(label -> assertThat(label).containsIgnoringCase("wifi"))
				.anySatisfy(label -> assertThat(label).contains("étage"));

			RecurringIncidentsReport all = kpis.recurringIncidents(
					kpis.parse(Map.of("from", new String[] { kpis.today().minusDays(DemoTickets.DAYS).toString() }, "to",
							new String[] { kpis.today().toString() })), supervisor());
			assertThat(all.incidents()).isGreaterThan(DemoTickets.TICKETS / 3);
			// the six planted problems and the chance clusters that four random months draw, shifted by the
			// calendar of the day the demo is loaded and by the tickets other tests file for demo people: a
			// count bound broke twice (12, then 15: 16 clusters of about 240 incidents on 3 December 2026),
			// so "a few" is a rate, one cluster per 10 incidents at most
			assertThat(all.totalClusters()).as("a few problems, not every topic (%s)", all.clusters())
				.isBetween(4, all.incidents() / 10);
			assertThat(all.recurringIncidents()).as("most incidents are one-offs").isLessThan(all.incidents() / 4);
			assertThat(all.clusters()).filteredOn(cluster -> cluster.reasons().contains(RecurrenceReason.SAME_REQUESTER))
				.hasSizeGreaterThanOrEqualTo(2);
		}

		@Test
		void theCatalogueRequestsStandInEveryApprovalStateOneFiledByAManagerForAReport() {
			assertThat(count("select count(*) from approval where outcome = 'PENDING'")).isEqualTo(2);
			assertThat(count("select count(*) from approval a join approval_step s on s.approval_id = a.id"
					+ " where a.outcome = 'PENDING' and s.state = 'OPEN' and s.position = 2")).isEqualTo(1);
			assertThat(count("select count(*) from approval a join ticket t on t.id = a.ticket_id"
					+ " where a.outcome = 'APPROVED' and t.status in ('NEW', 'ASSIGNED')")).isEqualTo(3);
			assertThat(count("select count(*) from approval a where a.outcome = 'APPROVED' and not exists"
					+ " (select 1 from approval_step s where s.approval_id = a.id and s.state <> 'SKIPPED')"))
				.as("every step skipped").isEqualTo(1);
			assertThat(count("select count(*) from approval a join ticket t on t.id = a.ticket_id"
					+ " where a.outcome = 'REFUSED' and t.status = 'CANCELLED'")).isEqualTo(1);
			assertThat(count("select count(*) from approval a join ticket t on t.id = a.ticket_id"
					+ " where a.outcome = 'WITHDRAWN' and t.status = 'CANCELLED'")).isEqualTo(1);
			assertThat(count("select count(*) from ticket where approval_hold and pending_reason = 'APPROVAL'")).isEqualTo(2);
			assertThat(count("select count(*) from ticket t where t.pending_reason = 'APPROVAL' and (not t.approval_hold"
					+ " or not exists (select 1 from approval a where a.ticket_id = t.id and a.outcome = 'PENDING'))"))
				.as("every request waiting for an approval has one").isZero();
			assertThat(count("select count(*) from catalogue_request r join ticket t on t.id = r.ticket_id"
					+ " join app_user requester on requester.id = t.requester_id"
					+ " where r.filed_by_id <> t.requester_id and requester.manager_id = r.filed_by_id"))
				.as("filed by a manager for a direct report").isEqualTo(1);
			assertThat(count("select count(*) from ticket_fact where approval_outcome in ('APPROVED', 'REFUSED')"
					+ " and approval_seconds > 0")).as("the approval delay has its decided approvals").isEqualTo(3);
			assertThat(value(kpis.report(last90Days(), supervisor()), "approvalDelay"))
				.as("decided hours or days after they were asked").isBetween(hours(1), hours(5 * 24));
		}

	}

	private KpiFilter last90Days() {
		return kpis.parse(Map.of("period", new String[] { "LAST_90_DAYS" }));
	}

	private CurrentUser supervisor() {
		return new CurrentUser(users.findByUsername("manager").orElseThrow());
	}

	private static double value(KpiReport report, String name) {
		Double value = report.kpi(name).value();
		assertThat(value).as(name).isNotNull();
		return value;
	}

	private static double hours(int hours) {
		return hours * 3600.0;
	}

	private List<String> groupsOf(String username) {
		return jdbc.queryForList("select g.name from support_group g join group_member m on m.group_id = g.id"
				+ " join app_user u on u.id = m.user_id where u.username = ?", String.class, username);
	}

	private List<String> distinct(String column) {
		return jdbc.queryForList("select distinct " + column + " from ticket", String.class);
	}

	private int count(String sql) {
		return jdbc.queryForObject(sql, Integer.class);
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

	/**
	 * The demo's dossiers anonymised, in this application: nested here, so that the failsafe fork
	 * that runs this class runs them too, and the demo application starts once a build rather than
	 * once in each fork (each start about 35 s).
	 */
	@Nested
	@Order(2)
	@DatabaseNeutral
	class DossierAnonymisation extends DemoDossierAnonymisationChecks {

	}

	/** A presentation pack of demo tickets anonymised, in this application (as {@link DossierAnonymisation}). */
	@Nested
	@Order(3)
	@DatabaseNeutral
	class PackAnonymisation extends DemoPackAnonymisationChecks {

	}

	/** The demo's fake SMS gateway, in this application (as {@link DossierAnonymisation}). */
	@Nested
	@Order(4)
	@DatabaseNeutral
	class Sms extends DemoSmsChecks {

	}

	/** The demo's mail server, in this application (as {@link DossierAnonymisation}). */
	@Nested
	@Order(5)
	@DatabaseNeutral
	class Mail extends DemoMailChecks {

	}

	/** Points this context at a database of its own, empty when the context starts. */
	public static class EmptyDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("guichet-demo-database",
						Map.of("spring.datasource.url", TestDatabase.jdbcUrl("guichet_demo"),
								"spring.datasource.username", TestDatabase.username(), "spring.datasource.password",
								"")));
		}

	}

}
