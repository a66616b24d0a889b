package org.guichet.tickets;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The priority order of the queues, read level by level: the highest priority first, the newest
 * first within a level, across pages that cut through levels; and the work queues, read as two
 * branches (open tickets, others a requester replied to), in every order.
 */
@GuichetIntegrationTest
class PriorityOrderIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private TicketSearch search;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void pagesInPriorityOrderGoFromTheHighestLevelToTheLowestNewestFirstWithin() {
		User techUser = fixtures.user("order-tech", Role.TECHNICIAN);
		CurrentUser tech = TestFixtures.current(techUser);
		CurrentUser admin = TestFixtures.current(fixtures.user("order-admin", Role.ADMINISTRATOR));
		CurrentUser requester = TestFixtures.current(fixtures.user("order-requester", Role.REQUESTER));
		SupportGroup group = fixtures.group(SupportLevel.N1, techUser);
		Priority[] levels = { Priority.LOW, Priority.MAJOR, Priority.MEDIUM, Priority.LOW, Priority.VERY_LOW,
				Priority.MAJOR, Priority.HIGH, Priority.MEDIUM };
		List<Ticket> created = new ArrayList<>();
		for (Priority level : levels) {
			TicketId id = tickets.register(new NewTicket(TicketType.INCIDENT, "Poste lent", "Très lent", null,
					Channel.PORTAL, null, Urgency.MEDIUM, Impact.LOW, List.of()), requester).id();
			tickets.update(id, new TicketChanges(null, null, null, null, null, null, level, "Test du tri", false, null),
					null, admin);
			tickets.assign(id, group.getId(), techUser.getId(), null, admin);
			created.add(tickets.get(id, tech));
		}
		List<Long> expected = created.stream()
			.sorted(Comparator.comparing(Ticket::getPriority).reversed()
				.thenComparing(Comparator.comparing((Ticket t) -> t.id().value()).reversed()))
			.map(t -> t.id().value())
			.toList();

		List<Long> listed = new ArrayList<>();
		List<Boolean> more = new ArrayList<>();
		for (int page = 0; page < 3; page++) {
			TicketSlice slice = tickets.search(new TicketQuery(Queue.MINE, null, null, null, null, null, null, null,
					null, TicketSort.PRIORITY, page, 3), tech);
			slice.tickets().forEach(t -> listed.add(t.id().value()));
			more.add(slice.hasNext());
		}

		assertThat(listed).containsExactlyElementsOf(expected);
		assertThat(more).containsExactly(true, true, false);
		TicketSlice beyond = tickets.search(new TicketQuery(Queue.MINE, null, null, null, null, null, null, null,
				null, TicketSort.PRIORITY, 3, 3), tech);
		assertThat(beyond.tickets()).isEmpty();
		assertThat(beyond.hasNext()).isFalse();
	}

	@Test
	void theWorkQueuesListOpenTicketsAndResolvedOnesARequesterRepliedToInEveryOrderPageByPage() {
		User techUser = fixtures.user("branch-tech", Role.TECHNICIAN);
		CurrentUser tech = TestFixtures.current(techUser);
		CurrentUser admin = TestFixtures.current(fixtures.user("branch-admin", Role.ADMINISTRATOR));
		CurrentUser requester = TestFixtures.current(fixtures.user("branch-requester", Role.REQUESTER));
		SupportGroup group = fixtures.group(SupportLevel.N1, techUser);
		SupportGroup other = fixtures.group(SupportLevel.N2, techUser);
		Priority[] levels = { Priority.LOW, Priority.MAJOR, Priority.MEDIUM, Priority.LOW, Priority.HIGH,
				Priority.MAJOR, Priority.HIGH, Priority.MEDIUM, Priority.VERY_LOW };
		List<Long> expected = new ArrayList<>();
		for (int i = 0; i < levels.length; i++) {
			TicketId id = tickets.register(new NewTicket(TicketType.INCIDENT, "Écran noir " + i, "Plus d'image", null,
					Channel.PORTAL, null, Urgency.MEDIUM, Impact.LOW, List.of()), requester).id();
			tickets.update(id, new TicketChanges(null, null, null, null, null, null, levels[i], "Test du tri", false,
					null), null, admin);
			tickets.assign(id, (i % 2 == 0 ? group : other).getId(), techUser.getId(), null, admin);
			if (i % 3 != 0) {
				expected.add(id.value());
				continue;
			}
			tickets.transition(id, new Transition(TicketAction.RESOLVE, null, null, "Câble rebranché",
					SolutionKind.PERMANENT), null, tech);
			if (i % 2 == 0) {
				tickets.comment(id, "Toujours noir", false, requester);
				expected.add(id.value());
			}
		}

		for (Queue queue : List.of(Queue.MINE, Queue.GROUPS)) {
			for (TicketSort sort : TicketSort.values()) {
				List<Long> paged = new ArrayList<>();
				for (int page = 0; page < 4; page++) {
					TicketSlice slice = tickets.search(new TicketQuery(queue, null, null, null, null, null, null,
							null, null, sort, page, 3), tech);
					slice.tickets().forEach(t -> paged.add(t.id().value()));
					assertThat(slice.hasNext()).as("%s %s page %d", queue, sort, page).isEqualTo(page < 2);
				}
				assertThat(paged).as("%s %s", queue, sort)
					.containsExactlyInAnyOrderElementsOf(expected)
					.containsExactlyElementsOf(inOneQuery(new TicketQuery(queue, null, null, null, null, null, null,
							null, null, sort, 0, 3), tech));
			}
		}
	}

	@Test
	void theSlaQueuesInDeadlineOrderListTheNearestDeadlineFirstAndThePausedLastPageByPage() {
		User techUser = fixtures.user("deadline-tech", Role.TECHNICIAN);
		CurrentUser tech = TestFixtures.current(techUser);
		CurrentUser admin = TestFixtures.current(fixtures.user("deadline-admin", Role.ADMINISTRATOR));
		CurrentUser requester = TestFixtures.current(fixtures.user("deadline-requester", Role.REQUESTER));
		SupportGroup group = fixtures.group(SupportLevel.N1, techUser);
		Instant base = Instant.parse("2026-03-02T09:00:00Z");
		// minutes after base; null: no deadline (a paused clock); the same minute twice ties on the id
		Integer[] dueIn = { 30, null, 5, 90, 5, null, 60, 15, null, 45 };
		List<Long> breached = new ArrayList<>();
		for (int i = 0; i < dueIn.length + 2; i++) {
			TicketId id = tickets.register(new NewTicket(TicketType.INCIDENT, "Imprimante " + i, "Bourrage", null,
					Channel.PORTAL, null, Urgency.MEDIUM, Impact.LOW, List.of()), requester).id();
			tickets.assign(id, group.getId(), techUser.getId(), null, admin);
			boolean inQueue = i < dueIn.length;
			Instant due = !inQueue ? base : dueIn[i] == null ? null : base.plus(Duration.ofMinutes(dueIn[i]));
			new TransactionTemplate(transactions).executeWithoutResult(status -> tickets.recordSla(id,
					inQueue ? SlaState.BREACHED : SlaState.ON_TRACK, due, SlaFacts.NONE));
			if (inQueue) {
				breached.add(id.value());
			}
		}

		List<Long> paged = new ArrayList<>();
		for (int page = 0; page < 4; page++) {
			// the group's own tickets: other tests' breached tickets without a group are every agent's too
			TicketSlice slice = tickets.search(new TicketQuery(Queue.BREACHED, null, null, null, group.getId(), null,
					null, null, null, TicketSort.DEADLINE, page, 3), tech);
			slice.tickets().forEach(t -> paged.add(t.id().value()));
			assertThat(slice.hasNext()).as("page %d", page).isEqualTo(page < 3);
		}

		List<Long> expected = new ArrayList<>();
		for (int minutes : new int[] { 5, 15, 30, 45, 60, 90 }) {
			for (int i = 0; i < dueIn.length; i++) {
				if (dueIn[i] != null && dueIn[i] == minutes) {
					expected.add(breached.get(i));
				}
			}
		}
		for (int i = 0; i < dueIn.length; i++) {
			if (dueIn[i] == null) {
				expected.add(breached.get(i));
			}
		}
		assertThat(paged).containsExactlyElementsOf(expected)
			.containsExactlyElementsOf(inOneQuery(new TicketQuery(Queue.BREACHED, null, null, null, group.getId(), null,
					null, null, null, TicketSort.DEADLINE, 0, 3), tech));
	}

	/** The list as the export reads it: one query, its conditions joined by {@code or}. */
	private List<Long> inOneQuery(TicketQuery query, CurrentUser reader) {
		return new TransactionTemplate(transactions).execute(status -> {
			try (var rows = search.stream(query, reader, 50)) {
				return rows.map(t -> t.id().value()).toList();
			}
		});
	}

}
