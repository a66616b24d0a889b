package org.guichet.tickets;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue tabs' counts against the lists they stand for, through a ticket's lifecycle: each
 * count equals the number of tickets its queue lists to the same reader, up to the bound.
 */
@GuichetIntegrationTest
class QueueCountsIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private QueueCounts counts;

	@Autowired
	private TicketSearch search;

	@LocalServerPort
	private int port;

	private User tinaUser;

	private CurrentUser tina;

	private CurrentUser colleague;

	private CurrentUser requester;

	private SupportGroup n1;

	private SupportGroup n2;

	private CurrentUser admin;

	@BeforeEach
	void setUp() {
		tinaUser = fixtures.user("count-tech", Role.TECHNICIAN);
		tina = TestFixtures.current(tinaUser);
		User colleagueUser = fixtures.user("count-colleague", Role.TECHNICIAN);
		colleague = TestFixtures.current(colleagueUser);
		n1 = fixtures.group(SupportLevel.N1, tinaUser, colleagueUser);
		n2 = fixtures.group(SupportLevel.N2, fixtures.user("count-n2", Role.TECHNICIAN));
		requester = TestFixtures.current(fixtures.user("count-requester", Role.REQUESTER));
		admin = TestFixtures.current(fixtures.user("count-admin", Role.ADMINISTRATOR));
	}

	@Test
	void everyTabCountsWhatItsListShowsThroughTheLifecycle() {
		TicketId taken = routedToN1();
		TicketId waiting = routedToN1();
		TicketId resolved = routedToN1();
		TicketId escalated = routedToN1();
		TicketId colleagues = routedToN1();
		TicketId cancelled = routedToN1();
		assertCountsMatchLists();

		tickets.transition(taken, Transition.of(TicketAction.TAKE), null, tina);
		tickets.transition(waiting, Transition.of(TicketAction.TAKE), null, tina);
		tickets.transition(waiting, new Transition(TicketAction.PENDING, null, PendingReason.USER, null, null), null,
				tina);
		tickets.transition(resolved, Transition.of(TicketAction.TAKE), null, tina);
		tickets.transition(resolved,
				new Transition(TicketAction.RESOLVE, null, null, "Pilote réinstallé", SolutionKind.PERMANENT), null,
				tina);
		tickets.transition(escalated, Transition.of(TicketAction.TAKE), null, tina);
		tickets.escalate(escalated, EscalationKind.FUNCTIONAL, n2.getId(), null, "Needs N2", null, tina);
		tickets.transition(colleagues, Transition.of(TicketAction.TAKE), null, colleague);
		tickets.transition(cancelled, new Transition(TicketAction.CANCEL, "Doublon", null, null, null), null, tina);
		assertCountsMatchLists();

		Map<Queue, QueueCount> mine = counts.of(tina);
		assertThat(mine.get(Queue.MINE)).as("taken and waiting").isEqualTo(new QueueCount(2, false));
		assertThat(mine.get(Queue.HANDLED)).as("the four she took, escalated included; cancelling is no part taken")
			.isEqualTo(new QueueCount(4, false));
		assertThat(mine.get(Queue.GROUPS)).as("the open ones still in N1").isEqualTo(new QueueCount(3, false));

		tickets.comment(resolved, "Toujours en panne", false, requester);
		tickets.transition(waiting, Transition.of(TicketAction.RESUME), null, tina);
		tickets.transition(taken, new Transition(TicketAction.RESOLVE, null, null, "Câble changé",
				SolutionKind.PERMANENT), null, tina);
		assertCountsMatchLists();
		assertThat(counts.of(tina).get(Queue.MINE)).as("waiting resumed, resolved with the requester's reply")
			.isEqualTo(new QueueCount(2, false));
	}

	@Test
	void aQueueBeyondTheBoundSaysSoAndCountsNoFurther() {
		for (int i = 0; i < 3; i++) {
			tickets.transition(routedToN1(), Transition.of(TicketAction.TAKE), null, tina);
		}
		Map<Queue, QueueCount> bounded = search.count(tina, 2);
		assertThat(bounded.get(Queue.MINE)).isEqualTo(new QueueCount(2, true));
		assertThat(search.count(tina, 3).get(Queue.MINE)).isEqualTo(new QueueCount(3, false));
	}

	@Test
	void aFilteredListsTotalCountsEveryPageItsReaderSeesWhicheverPageIsShown() {
		String title = "Scanner total " + System.nanoTime();
		for (int i = 0; i < 7; i++) {
			routedToN1(title);
		}
		routedToN1("Autre chose " + System.nanoTime());
		TicketId elsewhere = routedToN1(title);
		tickets.assign(elsewhere, n2.getId(), null, null, admin);
		for (int size = 2; size <= 9; size += 7) {
			for (int page = 0; page <= 4; page++) {
				TicketQuery query = new TicketQuery(Queue.ALL, null, null, null, null, null, null, null, title,
						TicketSort.NEWEST, page, size);
				TicketSlice slice = tickets.search(query, colleague);
				assertThat(counts.ofList(query, slice, colleague)).as("size %d, page %d", size, page)
					.isEqualTo(new QueueCount(7, false));
			}
		}
		TicketQuery all = new TicketQuery(Queue.ALL, null, null, null, null, null, null, null, title,
				TicketSort.NEWEST, 0, 2);
		assertThat(counts.ofList(all, tickets.search(all, admin), admin)).as("the administrator sees the N2 one")
			.isEqualTo(new QueueCount(8, false));
	}

	@Test
	void aListLongerThanTheBoundSaysMoreWhicheverPageIsShown() {
		String title = "Clavier total " + System.nanoTime();
		for (int i = 0; i <= QueueCounts.BOUND; i++) {
			routedToN1(title);
		}
		for (int page : new int[] { 0, 1, 3, 4, 9 }) {
			TicketQuery query = new TicketQuery(Queue.ALL, null, null, null, null, null, null, null, title,
					TicketSort.NEWEST, page, 25);
			assertThat(counts.ofList(query, tickets.search(query, tina), tina)).as("page %d", page)
				.isEqualTo(new QueueCount(QueueCounts.BOUND, true));
		}
	}

	@Test
	void theApiGivesTheCountsOfEveryQueueToAnAgentOnly() {
		tickets.transition(routedToN1(), Transition.of(TicketAction.TAKE), null, tina);
		ApiClient.Response answer = ApiClient.bearer(port, fixtures.token(tinaUser)).get("/api/v1/tickets/counts");
		assertThat(answer.status()).isEqualTo(200);
		JsonNode body = answer.json();
		assertThat(body.get("MINE").get("count").asInt()).isEqualTo(1);
		assertThat(body.get("MINE").get("more").asBoolean()).isFalse();
		assertThat(body.propertyNames()).hasSize(Queue.values().length);
		User requesterUser = fixtures.user("count-api-requester", Role.REQUESTER);
		assertThat(ApiClient.bearer(port, fixtures.token(requesterUser)).get("/api/v1/tickets/counts").status())
			.isEqualTo(403);
	}

	private TicketId routedToN1() {
		return routedToN1("Imprimante bloquée");
	}

	private TicketId routedToN1(String title) {
		TicketId id = tickets.register(new NewTicket(TicketType.INCIDENT, title, "Bourrage papier",
				null, Channel.PORTAL, null, Urgency.MEDIUM, Impact.LOW, List.of()), requester).id();
		tickets.assign(id, n1.getId(), null, null, admin);
		return id;
	}

	/** Each reader's tab counts equal the number of tickets their lists show, read page by page. */
	private void assertCountsMatchLists() {
		for (CurrentUser reader : List.of(tina, colleague)) {
			Map<Queue, QueueCount> expected = new EnumMap<>(Queue.class);
			for (Queue queue : Queue.values()) {
				int listed = listed(queue, reader);
				expected.put(queue, new QueueCount(Math.min(listed, QueueCounts.BOUND), listed > QueueCounts.BOUND));
			}
			assertThat(counts.of(reader)).as(reader.getUsername()).isEqualTo(expected);
		}
	}

	private int listed(Queue queue, CurrentUser reader) {
		int listed = 0;
		for (int page = 0;; page++) {
			TicketSlice slice = tickets.search(new TicketQuery(queue, null, null, null, null, null, null, null, null,
					TicketSort.OLDEST, page, TicketQuery.MAX_SIZE), reader);
			listed += slice.tickets().size();
			if (!slice.hasNext() || listed > QueueCounts.BOUND) {
				return listed;
			}
		}
	}

}
