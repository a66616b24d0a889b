package org.guichet.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.sla.SlaChecks;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaPolicyRepository;
import org.guichet.system.DomainException;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.TestSweep;
import org.guichet.tickets.Category;
import org.guichet.tickets.CategoryRepository;
import org.guichet.tickets.Channel;
import org.guichet.tickets.EscalationKind;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketChanges;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketMerge;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every number of {@code GET /api/v1/kpis} and {@code /kpis/volumes} drills down to exactly the
 * tickets behind it: a varied desk is built through the ticket services (its facts kept by the
 * tickets module as in production, its SLA verdicts given by the SLA check), then, for several
 * filters and two periods, each KPI's and each detail's link is followed through the API's ticket
 * list, all pages, and the list's size must equal the KPI's count, on H2 and PostgreSQL (every
 * filter in both periods in the full sweep, {@code -Pfull}; each filter in one of them in the
 * everyday build, the unfiltered figures in both). The desk
 * lives in 2031 (the application clock moved there), a period no other test uses; it crosses the
 * change to summer time (30 March 2031 in Europe/Paris) and has tickets on both sides of local
 * midnights.
 */
@GuichetIntegrationTest
class KpiDrillDownIT {

	/** The desk's first local day; the periods are the two weeks from it. */
	private static final LocalDate FIRST_DAY = LocalDate.of(2031, 3, 24);

	private static final LocalDate LAST_DAY = LocalDate.of(2031, 4, 4);

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private TicketMerge merge;

	@Autowired
	private CategoryRepository categories;

	@Autowired
	private SlaPolicyRepository policies;

	@Autowired
	private Calendars calendars;

	@Autowired
	private UserRepository users;

	@Autowired
	private ShiftableClock clock;

	@Autowired
	private ApplicationContext context;

	@Value("${guichet.time-zone:Europe/Paris}")
	private ZoneId zone;

	@LocalServerPort
	private int port;

	@Autowired
	private KpiSources sources;

	@Autowired
	private KpiDaysKeeper keeper;

	private final List<Long> registered = new ArrayList<>();

	private String department;

	private CurrentUser requester;

	private CurrentUser technician;

	private CurrentUser colleague;

	private CurrentUser specialist;

	private SupportGroup desk;

	private SupportGroup network;

	private Category hardware;

	private Category printers;

	private Category software;

	private Instant end;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void everyKpiAndEveryVolumeListsExactlyTheTicketsItCounted() {
		buildDesk();
		ApiClient supervisor = ApiClient.bearer(port, fixtures.token(fixtures.user("drill-supervisor", Role.SUPERVISOR)));
		List<String> filters = List.of("", "&group=" + desk.getId(), "&technician=" + technician.id(),
				"&category=" + hardware.getId(), "&channel=PHONE");
		List<String> periods = List.of("from=2031-03-24&to=2031-03-30", "from=2031-03-31&to=2031-04-06");
		List<String> mismatches = new ArrayList<>();
		int followed = 0;
		long counted = 0;
		for (int p = 0; p < periods.size(); p++) {
			String period = periods.get(p);
			for (int f = 0; f < filters.size(); f++) {
				String filter = filters.get(f);
				// the whole grid in the full sweep; in the everyday build no filter in both periods,
				// each other filter in one of them, the two periods taking turns
				if (!TestSweep.full() && f > 0 && f % 2 != p) {
					continue;
				}
				String query = period + filter;
				ApiClient.Response report = supervisor.get("/api/v1/kpis?" + query);
				assertThat(report.status()).as(report.toString()).isEqualTo(200);
				List<Drill> drills = new ArrayList<>();
				report.json().get("kpis").properties().forEach(kpi -> kpiDrills(kpi.getKey(), kpi.getValue(), drills));
				ApiClient.Response volumes = supervisor.get("/api/v1/kpis/volumes?" + query);
				assertThat(volumes.status()).as(volumes.toString()).isEqualTo(200);
				volumeDrills(volumes.json(), drills);
				JsonNode days = supervisor.get("/api/v1/kpis/backlog/trend?" + query).json().get("days");
				long openNow = report.json().get("kpis").get("backlog").get("count").asLong();
				if (period.endsWith("2031-04-06") && days.get(days.size() - 1).get("open").asLong() != openNow) {
					mismatches.add(query + " backlog trend today: " + days.get(days.size() - 1) + ", backlog " + openNow);
				}
				for (Drill drill : drills) {
					if (drill.link() == null && drill.name().equals("backlog") && !period.endsWith("2031-04-06")) {
						continue; // a past period's backlog is open at its end: no list criterion says so
					}
					if (drill.link() == null) {
						mismatches.add(query + " " + drill.name() + ": " + drill.count() + " tickets, no drill-down");
						continue;
					}
					long listed = listed(supervisor, drill.link());
					followed++;
					counted += drill.count();
					if (listed != drill.count()) {
						mismatches.add(query + " " + drill.name() + ": counts " + drill.count() + ", lists " + listed
								+ " (" + drill.link() + ")");
					}
				}
			}
		}
		assertThat(mismatches).as("KPIs whose list is not exactly their tickets").isEmpty();
		assertThat(followed).as("drill-downs followed").isGreaterThan(TestSweep.full() ? 300 : 180);
		assertThat(counted).as("tickets behind them: the desk is not empty").isGreaterThan(TestSweep.full() ? 1000 : 600);

		// the daily figures, kept as the tickets changed, equal the facts' queries
		keeper.computeStaleDays();
		assertDailyFiguresEqualTheFacts();
		// old tickets change again, weeks later: the days they are counted on are computed again
		Random random = new Random(2032);
		moveTo(end.plus(Duration.ofDays(20)));
		for (int i = 0; i < 60; i++) {
			moveTo(clock.instant().plus(Duration.ofMinutes(1 + random.nextInt(600))));
			long ticket = registered.get(random.nextInt(registered.size()));
			tryTo(random.nextBoolean() ? randomAction(random)
					: t -> tickets.update(id(t), new TicketChanges(null, null, null, null, null, null,
							Priority.values()[random.nextInt(Priority.values().length)], "Re-assessed", false, null), null,
							technician), ticket);
		}
		SlaChecks.runNow(context);
		assertThat(keeper.ready()).as("a few stale days are computed before a report").isTrue();
		assertDailyFiguresEqualTheFacts();

		// the rebuild command, for administrators only, computes every day again
		assertThat(supervisor.post("/api/v1/admin/kpi-days/rebuild", "").status()).isEqualTo(403);
		ApiClient administrator = ApiClient.bearer(port,
				fixtures.token(fixtures.user("drill-administrator", Role.ADMINISTRATOR)));
		ApiClient.Response rebuilt = administrator.post("/api/v1/admin/kpi-days/rebuild", "");
		assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(202);
		assertThat(rebuilt.json().get("days").asInt()).isGreaterThan(40);
		assertThat(keeper.ready()).as("reports read the facts until the days are computed").isFalse();
		keeper.computeStaleDays();
		// a background round may hold the days' lock (this call then does nothing): it computes them
		assertThat(keeper.ready() || keeper.ready() || keeper.ready()).as("every day computed, by one round or another")
			.isTrue();
		assertDailyFiguresEqualTheFacts();
	}

	/**
	 * For every filter of one dimension at most (the desk's own and global ones) and periods of
	 * one day to the whole desk, everything the daily figures give equals the facts' queries.
	 */
	private void assertDailyFiguresEqualTheFacts() {
		List<KpiFilter> filters = new ArrayList<>();
		DateRange whole = new DateRange(FIRST_DAY.minusDays(3), LAST_DAY.plusDays(30));
		for (DateRange period : List.of(whole, new DateRange(FIRST_DAY, FIRST_DAY.plusDays(6)),
				new DateRange(LocalDate.of(2031, 3, 30), LocalDate.of(2031, 3, 30)))) {
			filters.add(new KpiFilter(period, null, null, null, null, null, null, null, department));
			filters.add(new KpiFilter(period, null, null, desk.getId(), null, null, null, null, null));
			filters.add(new KpiFilter(period, null, null, null, technician.id(), null, null, null, null));
			filters.add(new KpiFilter(period, null, null, null, null, hardware.getId(), null, null, null));
			filters.add(new KpiFilter(period, null, null, null, null, null, Channel.PHONE, null, null));
			filters.add(new KpiFilter(period, null, TicketType.INCIDENT, null, null, null, null, null, null));
			filters.add(new KpiFilter(period, null, null, null, null, null, null, Priority.VERY_HIGH, null));
			filters.add(KpiFilter.of(period));
		}
		List<Instant> instants = new ArrayList<>();
		for (LocalDate day = whole.from(); !day.isAfter(whole.to()); day = day.plusDays(1)) {
			instants.add(day.atStartOfDay(zone).toInstant());
			instants.add(day.atTime(13, 17).atZone(zone).toInstant());
		}
		for (KpiFilter filter : filters) {
			KpiSource daily = sources.daily(filter);
			KpiSource direct = sources.direct(filter);
			DateRange period = filter.period();
			String what = filter.toParameters().toString();
			for (DateRange range : List.of(period, period.previous())) {
				assertThat(daily.figures(range)).as(what + " figures " + range)
					.usingRecursiveComparison()
					.withComparatorForType(KpiDrillDownIT::sameDuration, Double.class)
					.isEqualTo(direct.figures(range));
			}
			assertThat(daily.openAt(instants)).as(what + " open at").isEqualTo(direct.openAt(instants));
			KpiSource.DayCounts dailyCounts = daily.dayCounts(period);
			KpiSource.DayCounts directCounts = direct.dayCounts(period);
			assertThat(dailyCounts.created()).as(what + " per day created").isEqualTo(directCounts.created());
			assertThat(dailyCounts.resolved()).as(what + " per day resolved").isEqualTo(directCounts.resolved());
			assertThat(dailyCounts.closed()).as(what + " per day closed").isEqualTo(directCounts.closed());
			assertThat(dailyCounts.heatmap()).as(what + " heatmap").containsExactlyElementsOf(directCounts.heatmap());
			for (VolumeDimension dimension : VolumeDimension.values()) {
				assertThat(daily.createdBy(dimension, period)).as(what + " by " + dimension)
					.isEqualTo(direct.createdBy(dimension, period));
			}
		}
	}

	/** Percentiles: the databases' and the daily figures' interpolations may differ in the last bits. */
	private static int sameDuration(Double a, Double b) {
		return Math.abs(a - b) < 1e-6 ? 0 : Double.compare(a, b);
	}

	/** A number and the list link of its tickets (null when it has none). */
	private record Drill(String name, long count, @Nullable String link) {
	}

	private static void kpiDrills(String name, JsonNode kpi, List<Drill> drills) {
		JsonNode link = kpi.get("link");
		drills.add(new Drill(name, kpi.get("count").asLong(), link == null || link.isNull() ? null : link.asString()));
		kpi.get("details").properties().forEach(detail -> kpiDrills(detail.getKey(), detail.getValue(), drills));
	}

	private static void volumeDrills(JsonNode volumes, List<Drill> drills) {
		volumes.get("byDimension").properties().forEach(dimension -> {
			for (JsonNode count : dimension.getValue()) {
				drills.add(new Drill("volumes " + dimension.getKey() + " " + count.get("key").asString(),
						count.get("created").asLong(), count.get("link").asString()));
			}
		});
		for (JsonNode cell : volumes.get("heatmap")) {
			drills.add(new Drill("heatmap " + cell.get("weekday").asInt() + "/" + cell.get("hour").asInt(),
					cell.get("created").asLong(), cell.get("link").asString()));
		}
		for (JsonNode point : volumes.get("series")) {
			for (String edge : List.of("created", "resolved", "closed")) {
				JsonNode links = point.get("links");
				drills.add(new Drill("series " + point.get("start").asString() + " " + edge, point.get(edge).asLong(),
						links == null || links.get(edge) == null ? null : links.get(edge).asString()));
			}
		}
	}

	/** The size of the API's list at that link, every page read. */
	private static long listed(ApiClient api, String link) {
		long total = 0;
		for (int page = 0;; page++) {
			ApiClient.Response response = api.get(link + (link.contains("?") ? "&" : "?") + "size=100&page=" + page);
			assertThat(response.status()).as(link + " " + response).isEqualTo(200);
			JsonNode json = response.json();
			total += json.get("items").size();
			if (!json.get("hasNext").asBoolean()) {
				return total;
			}
		}
	}

	// --- The desk -------------------------------------------------------------------------------

	/**
	 * Twelve days of tickets (incidents with an SLA policy, requests without), each with a random
	 * life of takes, pauses, replies, resolutions, refusals, reopenings, closures, cancellations,
	 * escalations of every kind and ratings, plus tickets placed on local midnights, a merge and a
	 * first-contact phone call; then the SLA check at the end, when the clock stops.
	 */
	private void buildDesk() {
		department = "Drill " + UUID.randomUUID();
		User supervisorUser = fixtures.user("drill-boss", Role.SUPERVISOR);
		User tech = fixtures.user("drill-tech", Role.TECHNICIAN);
		tech.setManager(supervisorUser);
		users.save(tech);
		User other = fixtures.user("drill-colleague", Role.TECHNICIAN);
		other.setManager(supervisorUser);
		users.save(other);
		User expert = fixtures.user("drill-specialist", Role.TECHNICIAN);
		desk = fixtures.group(SupportLevel.N1, tech, other);
		network = fixtures.group(SupportLevel.N2, tech, expert);
		User requesterUser = fixtures.user("drill-requester", Role.REQUESTER);
		requesterUser.setDepartment(department);
		users.save(requesterUser);
		requester = TestFixtures.current(requesterUser);
		technician = TestFixtures.current(tech);
		colleague = TestFixtures.current(other);
		specialist = TestFixtures.current(expert);
		hardware = fixtures.category("Hardware");
		printers = categories.save(new Category("Printers " + UUID.randomUUID(), hardware));
		software = fixtures.category("Software");
		long calendarId = calendars.define("24/7 " + department, StandardCalendars.twentyFourSeven()).id();
		SlaPolicy policy = new SlaPolicy("Policy " + department, calendarId);
		policy.conditions(TicketType.INCIDENT, null, department, null);
		for (Priority priority : Priority.values()) {
			policy.target(TicketType.INCIDENT, priority, Duration.ofHours(2), Duration.ofHours(10));
		}
		policies.save(policy);
		end = LAST_DAY.plusDays(1).atTime(3, 30).atZone(zone).toInstant();

		Random random = new Random(2031);
		Category[] categoryChoices = { hardware, printers, printers, software, null };
		for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
			for (int i = 0; i < 6; i++) {
				at(day, LocalTime.of(7 + random.nextInt(15), random.nextInt(60)));
				Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
				Category category = categoryChoices[random.nextInt(categoryChoices.length)];
				long ticket = register(channel == Channel.PHONE ? colleague : requester,
						random.nextInt(3) == 0 ? TicketType.SERVICE_REQUEST : TicketType.INCIDENT, channel, category);
				int steps = random.nextInt(9);
				for (int step = 0; step < steps; step++) {
					Instant next = clock.instant().plus(Duration.ofMinutes(10 + random.nextInt(random.nextBoolean() ? 120 : 1800)));
					if (next.isAfter(end)) {
						break;
					}
					moveTo(next);
					tryTo(randomAction(random), ticket);
				}
			}
		}
		edges();
		moveTo(end);
		SlaChecks.runNow(context);
	}

	/** Tickets on both sides of local midnights, on the day summer time starts and at the periods' edge. */
	private void edges() {
		// created 23:50 on the last day of the first period, resolved 00:20 on the first of the second
		at(LocalDate.of(2031, 3, 30), LocalTime.of(23, 50));
		long lateNight = register(requester, TicketType.INCIDENT, Channel.PORTAL, printers);
		tickets.transition(id(lateNight), Transition.of(TicketAction.TAKE), null, technician);
		at(LocalDate.of(2031, 3, 31), LocalTime.of(0, 20));
		resolve(lateNight, technician);
		// created at 00:20 on the first day of the second period: 22:20 UTC the day before
		long earlyMorning = register(requester, TicketType.SERVICE_REQUEST, Channel.EMAIL, hardware);
		// on the day summer time starts (02:00 local does not exist): created 01:30, closed 23:40
		at(LocalDate.of(2031, 3, 30), LocalTime.of(1, 30));
		long dstDay = register(requester, TicketType.INCIDENT, Channel.PHONE, software);
		at(LocalDate.of(2031, 3, 30), LocalTime.of(3, 10));
		resolve(dstDay, technician);
		at(LocalDate.of(2031, 3, 30), LocalTime.of(23, 40));
		tickets.transition(id(dstDay), Transition.of(TicketAction.ACCEPT), null, requester);
		tickets.rate(id(dstDay), 2, "Slow", requester);
		// a phone call solved by the agent who took it, at first contact
		at(LocalDate.of(2031, 3, 26), LocalTime.of(10, 0));
		long call = register(colleague, TicketType.INCIDENT, Channel.PHONE, printers);
		resolve(call, colleague);
		// a duplicate merged into another ticket
		long duplicate = register(requester, TicketType.INCIDENT, Channel.PORTAL, printers);
		long original = register(requester, TicketType.INCIDENT, Channel.PORTAL, printers);
		merge.merge(id(duplicate), original, null, colleague);
		// escalated every way, priority raised mid-way
		long escalated = register(requester, TicketType.INCIDENT, Channel.EMAIL, hardware);
		tickets.assign(id(escalated), desk.getId(), technician.id(), null, colleague);
		tickets.escalate(id(escalated), EscalationKind.HIERARCHICAL, null, null, "Angry", null, technician);
		tickets.escalate(id(escalated), EscalationKind.FUNCTIONAL, network.getId(), specialist.id(), "Network", null,
				technician);
		tickets.escalateAutomatically(id(escalated), "Level 1", true, false, null, null, clock.instant());
		tickets.update(id(escalated), new TicketChanges(null, null, null, null, null, null, Priority.VERY_HIGH, "VIP",
				false, null), null, technician);
		assertThat(earlyMorning).isPositive();
	}

	private Consumer<Long> randomAction(Random random) {
		int pick = random.nextInt(20);
		return ticket -> {
			switch (pick) {
				case 0, 1 -> tickets.assign(id(ticket), desk.getId(),
						random.nextBoolean() ? technician.id() : colleague.id(), null, colleague);
				case 2, 3 -> tickets.transition(id(ticket), Transition.of(TicketAction.TAKE), null,
						random.nextBoolean() ? technician : colleague);
				case 4 -> tickets.transition(id(ticket), new Transition(TicketAction.PENDING, null,
						PendingReason.values()[random.nextInt(PendingReason.values().length)], null, null), null,
						technician);
				case 5 -> tickets.transition(id(ticket), Transition.of(TicketAction.RESUME), null, technician);
				case 6 -> tickets.comment(id(ticket), "Can you restart it?", false, technician);
				case 7 -> tickets.comment(id(ticket), "Still broken", false, requester);
				case 8, 9, 10 -> resolve(ticket, random.nextBoolean() ? technician : colleague);
				case 11 -> tickets.transition(id(ticket), new Transition(TicketAction.REFUSE, "No", null, null, null),
						null, requester);
				case 12 -> tickets.transition(id(ticket), Transition.of(TicketAction.REOPEN), null, technician);
				case 13, 14 -> tickets.transition(id(ticket), Transition.of(TicketAction.ACCEPT), null, requester);
				case 15 -> tickets.transition(id(ticket), new Transition(TicketAction.CANCEL, "No longer needed", null, null, null), null, requester);
				case 16 -> tickets.escalate(id(ticket), EscalationKind.FUNCTIONAL, network.getId(), specialist.id(),
						"Hard", null, technician);
				case 17 -> tickets.escalate(id(ticket), EscalationKind.HIERARCHICAL, null, null, "Slow", null,
						technician);
				case 18 -> tickets.escalateAutomatically(id(ticket), "Level", random.nextBoolean(),
						random.nextBoolean(), null, null, clock.instant());
				default -> tickets.rate(id(ticket), 1 + random.nextInt(5), null, requester);
			}
		};
	}

	/** An action the ticket's state may refuse: a refusal is part of a random life. */
	private static void tryTo(Consumer<Long> action, long ticket) {
		try {
			action.accept(ticket);
		}
		catch (DomainException refused) {
			// refused as the lifecycle says: the ticket did not change
		}
	}

	private long register(CurrentUser by, TicketType type, Channel channel, @Nullable Category category) {
		Long requesterId = by.isAgent() ? requester.id() : null;
		long id = tickets.register(new NewTicket(type, "Printer on floor 2", "It jams", requesterId, channel,
				category == null ? null : category.getId(), Urgency.MEDIUM, Impact.MEDIUM, List.of()), by).getId();
		registered.add(id);
		return id;
	}

	private void resolve(long ticket, CurrentUser by) {
		tickets.transition(id(ticket), new Transition(TicketAction.RESOLVE, null, null, "Replaced the toner",
				SolutionKind.WORKAROUND), null, by);
	}

	/** Moves the application clock to that local time (to the microsecond or so: real time runs on). */
	private void at(LocalDate day, LocalTime time) {
		moveTo(day.atTime(time).atZone(zone).toInstant());
	}

	private void moveTo(Instant instant) {
		clock.advance(Duration.between(clock.instant(), instant));
	}

	private static TicketId id(long ticket) {
		return new TicketId(ticket);
	}

}
