package org.guichet.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.TestDatabaseInitializer;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticket queries against the real schema, on H2 and on PostgreSQL.
 */
@DataJpaTest
// index changes go to the outbox in the change's transaction, as in production (nobody applies them here)
@TestPropertySource(properties = { "guichet.test.search-outbox=true",
		"spring.jpa.properties.hibernate.search.coordination.event_processor.enabled=false" })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
// the facts keeper is told of every write of a ticket (TicketFactsListener): in this slice too
@Import({ TicketSearch.class, TicketAccess.class, TicketParticipants.class, Categories.class, TicketFactsKeeper.class,
		TicketFactSource.class, TicketFactWriter.class, DrillDownConditions.class, TicketIndex.class })
class TicketPersistenceIT {

	/** The drill-down conditions of the lists (TicketSearch) count ages from now. */
	@TestConfiguration
	static class Time {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

	private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");

	@Autowired
	private EntityManager em;

	@Autowired
	private TicketRepository tickets;

	@Autowired
	private TicketSearch search;

	@Autowired
	private TicketAccess access;

	@Autowired
	private TicketParticipants participants;

	private User alice;

	private User bob;

	private User tech;

	private User outsider;

	private SupportGroup group;

	private SupportGroup otherGroup;

	private Category printer;

	private Category jam;

	@BeforeEach
	void setUp() {
		String suffix = String.valueOf(System.nanoTime());
		alice = persist(new User("alice-" + suffix, "{noop}x", "Alice", Role.REQUESTER, T0));
		bob = persist(new User("bob-" + suffix, "{noop}x", "Bob", Role.REQUESTER, T0));
		tech = persist(new User("tech-" + suffix, "{noop}x", "Tech", Role.TECHNICIAN, T0));
		outsider = persist(new User("outsider-" + suffix, "{noop}x", "Outsider", Role.TECHNICIAN, T0));
		group = new SupportGroup("N1 " + suffix, SupportLevel.N1);
		group.getMembers().add(tech);
		persist(group);
		otherGroup = new SupportGroup("N2 " + suffix, SupportLevel.N2);
		otherGroup.getMembers().add(outsider);
		persist(otherGroup);
		printer = persist(new Category("Printer " + suffix, null));
		jam = persist(new Category("Paper jam", printer));
	}

	@Test
	void savingATicketWritesItsHistoryAndTimeline() {
		Ticket ticket = ticket(alice, "Imprimante bloquée", jam);
		ticket.take(tech, T0.plusSeconds(60));
		ticket.reply(tech, "Je passe vous voir", ReplyToResolved.FLAG, T0.plusSeconds(120));
		tickets.saveAndFlush(ticket);
		em.clear();
		Long count = em.createQuery("select count(h) from HistoryEntry h where h.ticket.id = :id", Long.class)
			.setParameter("id", ticket.getId())
			.getSingleResult();
		assertThat(count).isEqualTo(3);
		Ticket loaded = tickets.findWithPeople(ticket.getId()).orElseThrow();
		assertThat(loaded.getComments()).extracting(Comment::getBody).containsExactly("Je passe vous voir");
		assertThat(loaded.getFirstResponseAt()).isEqualTo(T0.plusSeconds(120));
	}

	@Test
	void aTicketIsReadWithItsPeopleFromTheTransactionThatHoldsItElseFromTheDatabase() {
		Ticket ticket = ticket(alice, "Écran noir", jam);
		ticket.take(tech, T0.plusSeconds(60));
		tickets.saveAndFlush(ticket);
		assertThat(tickets.findWithPeople(ticket.getId())).containsSame(ticket);
		em.clear();
		Ticket loaded = tickets.findWithPeople(ticket.getId()).orElseThrow();
		assertThat(loaded).isNotSameAs(ticket);
		assertThat(Arrays.asList(loaded.getRequester(), loaded.getRegisteredBy(), loaded.getAssignee(),
				loaded.getGroup(), loaded.getCategory()))
			.allMatch(Hibernate::isInitialized);
		assertThat(loaded.getAssignee().id()).isEqualTo(tech.id());
		assertThat(tickets.findWithPeople(-1)).isEmpty();
	}

	@Test
	void replyingToALoadedTicketDoesNotLoadItsTimeline() {
		Ticket ticket = ticket(alice, "Wi-Fi coupé", null);
		ticket.reply(alice, "Premier message", ReplyToResolved.FLAG, T0);
		tickets.saveAndFlush(ticket);
		em.clear();
		Ticket loaded = tickets.findById(ticket.getId()).orElseThrow();
		loaded.reply(tech, "Deuxième message", ReplyToResolved.FLAG, T0.plusSeconds(30));
		em.flush();
		assertThat(Hibernate.isInitialized(loaded.getComments())).isFalse();
		em.clear();
		assertThat(tickets.findById(ticket.getId()).orElseThrow().getComments()).hasSize(2);
	}

	@Test
	void requesterListsOnlyTheTicketsTheyRequestedOrObserve() {
		Ticket own = ticket(alice, "Mon écran", null);
		Ticket observed = ticket(bob, "Projecteur salle B", null);
		observed.addObserver(alice, bob, T0);
		Ticket foreign = ticket(bob, "Mot de passe", null);
		tickets.saveAllAndFlush(List.of(own, observed, foreign));
		List<Long> ids = ids(search.search(query(null, null), new CurrentUser(alice)));
		assertThat(ids).contains(own.getId(), observed.getId()).doesNotContain(foreign.getId());
	}

	@Test
	void technicianSeesTicketsOfHisGroupsAndUnassignedOnesButNotOtherGroups() {
		Ticket mine = ticket(alice, "Dans mon groupe", null);
		mine.assign(group, null, tech, T0);
		Ticket unrouted = ticket(alice, "Sans groupe", null);
		Ticket elsewhere = ticket(alice, "Autre groupe", null);
		elsewhere.assign(otherGroup, outsider, outsider, T0);
		tickets.saveAllAndFlush(List.of(mine, unrouted, elsewhere));
		List<Long> ids = ids(search.search(query(Queue.ALL, null), new CurrentUser(tech)));
		assertThat(ids).contains(mine.getId(), unrouted.getId()).doesNotContain(elsewhere.getId());
	}

	@Test
	void anAgentKeepsSightOfTheTicketsTheyTookPartInAfterTheyLeftTheirGroups() {
		User colleague = persist(new User("colleague-" + System.nanoTime(), "{noop}x", "Colleague", Role.TECHNICIAN, T0));
		group.getMembers().add(colleague);
		Ticket registered = new Ticket(TicketType.INCIDENT, "Appel : écran noir", "Description", alice, tech,
				Channel.PHONE, null, Urgency.MEDIUM, Impact.LOW, PriorityMatrix.standard(), T0);
		registered.route(List.of("Écrans"), otherGroup, null, List.of(), T0);
		Ticket escalated = ticket(alice, "Routeur", null);
		escalated.assign(group, tech, tech, T0);
		escalated.take(tech, T0);
		escalated.escalate(otherGroup, null, "Routeur à remplacer", tech, T0);
		Ticket neverTouched = ticket(alice, "Autre groupe", null);
		neverTouched.assign(otherGroup, outsider, outsider, T0);
		tickets.saveAllAndFlush(List.of(registered, escalated, neverTouched));
		List.of(registered, escalated, neverTouched).forEach(participants::record);
		em.flush();

		CurrentUser me = new CurrentUser(tech);
		assertThat(ids(search.search(query(Queue.ALL, null), me))).contains(registered.getId(), escalated.getId())
			.doesNotContain(neverTouched.getId());
		assertThat(ids(search.search(query(Queue.HANDLED, null), me)))
			.containsExactly(escalated.getId(), registered.getId());
		assertThat(access.canSee(registered, me)).isTrue();
		assertThat(access.canSee(escalated, me)).isTrue();
		assertThat(access.canWorkOn(escalated, me)).as("reading is not working on it").isFalse();
		assertThat(access.canSee(neverTouched, me)).isFalse();

		CurrentUser sameGroupButNeverTookPart = new CurrentUser(colleague);
		assertThat(access.canSee(escalated, sameGroupButNeverTookPart)).isFalse();
		assertThat(ids(search.search(query(Queue.ALL, null), sameGroupButNeverTookPart)))
			.doesNotContain(registered.getId(), escalated.getId());
		assertThat(ids(search.search(query(Queue.HANDLED, null), sameGroupButNeverTookPart))).isEmpty();
		assertThat(ids(search.search(query(Queue.ALL, null), new CurrentUser(bob))))
			.as("the requester's rule is unchanged")
			.doesNotContain(registered.getId(), escalated.getId(), neverTouched.getId());
	}

	@Test
	void aParticipationIsRecordedOnceHoweverOftenTheAgentActs() {
		Ticket ticket = ticket(alice, "Imprimante", null);
		tickets.saveAndFlush(ticket);
		ticket.reply(tech, "Je regarde", ReplyToResolved.FLAG, T0);
		participants.record(ticket);
		ticket.reply(tech, "J’arrive", ReplyToResolved.FLAG, T0.plusSeconds(60));
		participants.record(ticket);
		em.flush();
		em.clear();
		assertThat(em.createQuery("select count(p) from TicketParticipant p where p.ticketId = :id", Long.class)
			.setParameter("id", ticket.getId())
			.getSingleResult()).isEqualTo(1);
	}

	@Test
	void queuesSelectByStatusAndAssignee() {
		Ticket fresh = ticket(alice, "Nouveau", null);
		Ticket taken = ticket(alice, "Pris", null);
		taken.assign(group, null, tech, T0);
		taken.take(tech, T0);
		Ticket waiting = ticket(alice, "En attente", null);
		waiting.take(tech, T0);
		waiting.putPending(PendingReason.USER, tech, T0);
		tickets.saveAllAndFlush(List.of(fresh, taken, waiting));
		CurrentUser me = new CurrentUser(tech);
		assertThat(ids(search.search(query(Queue.UNASSIGNED, null), me))).contains(fresh.getId())
			.doesNotContain(taken.getId(), waiting.getId());
		assertThat(ids(search.search(query(Queue.MINE, null), me))).contains(taken.getId(), waiting.getId())
			.doesNotContain(fresh.getId());
		assertThat(ids(search.search(query(Queue.GROUPS, null), me))).contains(taken.getId())
			.doesNotContain(fresh.getId());
		assertThat(ids(search.search(query(Queue.PENDING, null), me))).contains(waiting.getId())
			.doesNotContain(taken.getId());
	}

	@Test
	void categoryFilterIncludesSubCategoriesAndANumberFindsItsTicket() {
		Ticket inSub = ticket(alice, "Bourrage au 2e étage", jam);
		Ticket inRoot = ticket(alice, "Toner vide", printer);
		Ticket other = ticket(alice, "Souris cassée", null);
		tickets.saveAllAndFlush(List.of(inSub, inRoot, other));
		CurrentUser me = new CurrentUser(tech);
		TicketQuery byCategory = new TicketQuery(null, null, null, null, null, null, null, printer.getId(), null,
				TicketSort.NEWEST, 0, 25);
		assertThat(ids(search.search(byCategory, me))).containsExactlyInAnyOrder(inSub.getId(), inRoot.getId());
		assertThat(ids(search.search(query(null, "#" + other.getId()), me))).containsExactly(other.getId());
	}

	@Test
	void pagesAreCutWithoutCountingAndSayWhetherMoreFollow() {
		String marker = "Paging " + System.nanoTime();
		for (int i = 0; i < 3; i++) {
			tickets.save(ticket(alice, marker + " " + i, null));
		}
		tickets.flush();
		CurrentUser me = new CurrentUser(alice);
		// alice (new for this test) sees her three tickets only; words are the index's (TicketSearchApiIT)
		TicketQuery first = new TicketQuery(null, null, null, null, null, null, null, null, null, TicketSort.OLDEST,
				0, 2);
		TicketSlice page = search.search(first, me);
		assertThat(page.tickets()).extracting(Ticket::getTitle).containsExactly(marker + " 0", marker + " 1");
		assertThat(page.hasNext()).isTrue();
		TicketSlice second = search.search(new TicketQuery(null, null, null, null, null, null, null, null, null,
				TicketSort.OLDEST, 1, 2), me);
		assertThat(second.tickets()).extracting(Ticket::getTitle).containsExactly(marker + " 2");
		assertThat(second.hasNext()).isFalse();
	}

	@Test
	void resolvedTicketsAreFoundForAutomaticClosureOnlyOnceTheDelayHasPassed() {
		Ticket old = ticket(alice, "Ancien", null);
		old.resolve("Fait", SolutionKind.PERMANENT, tech, T0);
		Ticket recent = ticket(alice, "Récent", null);
		recent.resolve("Fait", SolutionKind.PERMANENT, tech, T0.plusSeconds(86400 * 10));
		tickets.saveAllAndFlush(List.of(old, recent));
		List<Long> due = tickets.findResolvedBefore(T0.plusSeconds(86400), PageRequest.of(0, 1000));
		assertThat(due).contains(old.getId()).doesNotContain(recent.getId());
	}

	private Ticket ticket(User requester, String title, Category category) {
		return new Ticket(TicketType.INCIDENT, title, "Description", requester, requester, Channel.PORTAL, category,
				Urgency.MEDIUM, Impact.LOW, PriorityMatrix.standard(), T0);
	}

	private static TicketQuery query(Queue queue, String text) {
		return new TicketQuery(queue, null, null, null, null, null, null, null, text, TicketSort.NEWEST, 0, 100);
	}

	private static List<Long> ids(TicketSlice slice) {
		return slice.tickets().stream().map(Ticket::getId).toList();
	}

	private <T> T persist(T entity) {
		em.persist(entity);
		return entity;
	}

}
