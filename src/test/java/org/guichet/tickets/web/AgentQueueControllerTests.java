package org.guichet.tickets.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.guichet.directory.Accounts;
import org.guichet.directory.ApiTokens;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.PriorityMatrix;
import org.guichet.tickets.SlaState;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.springframework.test.util.ReflectionTestUtils;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.UserRepository;
import org.guichet.tickets.CategoryRepository;
import org.guichet.tickets.Priority;
import org.guichet.tickets.Queue;
import org.guichet.tickets.QueueCount;
import org.guichet.tickets.QueueCounts;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketQuery;
import org.guichet.tickets.TicketSlice;
import org.guichet.tickets.TicketColumn;
import org.guichet.tickets.TicketSort;
import org.guichet.tickets.queues.SavedViews;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AgentQueueController.class)
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class })
@Import({ AgentQueueControllerTests.ApplicationSecurity.class, DateFormats.class, Choices.class, DrillDownChips.class, QueueRows.class })
class AgentQueueControllerTests {

	/** The application's own security rules and locale resolver. */
	@TestConfiguration
	@ComponentScan("org.guichet.directory.internal")
	static class ApplicationSecurity {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);
		}

	}

	private static final CurrentUser TECHNICIAN = new CurrentUser(3, "tina", "Tina Tech", Role.TECHNICIAN, "en", "",
			true);

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	@MockitoBean
	TicketManagement tickets;

	@MockitoBean
	QueueCounts counts;

	@MockitoBean
	CategoryRepository categories;

	@MockitoBean
	SupportGroupRepository groups;

	@MockitoBean
	UserRepository users;

	@MockitoBean
	SavedViews views;

	@MockitoBean
	Accounts accounts;

	@MockitoBean
	ApiTokens tokens;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		given(views.columnsOf(any())).willReturn(TicketColumn.DEFAULT);
		// more than the bound, as a list that does not know its length: the pager offers previous and next only
		given(counts.ofList(any(), any(), any())).willReturn(new QueueCount(QueueCounts.BOUND, true));
	}

	@Test
	void theFiltersAreSearchedAndTheNextPageLinkKeepsThem() throws Exception {
		given(tickets.search(any(), any())).willReturn(new TicketSlice(List.of(), 1, 25, true));

		mvc.perform(get("/agent").with(user(TECHNICIAN))
			.param("queue", "GROUPS")
			.param("priority", "HIGH")
			.param("text", "#1042")
			.param("sort", "UPDATED")
			.param("page", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(
					containsString("href=\"/agent?queue=GROUPS&amp;priority=HIGH&amp;text=%231042&amp;sort=UPDATED&amp;page=2\"")))
			.andExpect(content().string(
					containsString("href=\"/agent?queue=GROUPS&amp;priority=HIGH&amp;text=%231042&amp;sort=UPDATED\"")));
		ArgumentCaptor<TicketQuery> query = ArgumentCaptor.forClass(TicketQuery.class);
		verify(tickets).search(query.capture(), any());
		assertThat(query.getValue()).extracting(TicketQuery::queue, TicketQuery::priority, TicketQuery::text,
				TicketQuery::sort, TicketQuery::page)
			.containsExactly(Queue.GROUPS, Priority.HIGH, "#1042", TicketSort.UPDATED, 1);
	}

	@Test
	void htmxReceivesTheResultListAlone() throws Exception {
		given(tickets.search(any(), any())).willReturn(new TicketSlice(List.of(), 0, 25, false));

		mvc.perform(get("/agent").with(user(TECHNICIAN)).header("HX-Request", "true").param("status", "PENDING"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"queue-results\"")))
			.andExpect(content().string(containsString("No ticket matches.")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void theListSaysItsTotalInTheReadersLanguageAndSendsItOutOfBandWhenChangedInPlace() throws Exception {
		given(tickets.search(any(), any())).willReturn(new TicketSlice(List.of(), 0, 25, true));
		given(counts.ofList(any(), any(), any())).willReturn(new QueueCount(42, false));

		mvc.perform(get("/agent").with(user(TECHNICIAN)).header("Accept-Language", "en").param("queue", "ALL"))
			.andExpect(content().string(containsString("aria-live=\"polite\" aria-atomic=\"true\">42 tickets</p>")));
		mvc.perform(get("/agent").with(user(TECHNICIAN)).header("HX-Request", "true")
			.param("queue", "ALL").param("text", "printer"))
			.andExpect(content().string(containsString("id=\"queue-total\"")))
			.andExpect(content().string(containsString("hx-swap-oob=\"innerHTML\">42 tickets</p>")));

		given(counts.ofList(any(), any(), any())).willReturn(new QueueCount(QueueCounts.BOUND, true));
		CurrentUser french = new CurrentUser(4, "thierry", "Thierry Tech", Role.TECHNICIAN, "fr", "", true);
		mvc.perform(get("/agent").with(user(french)).param("queue", "ALL"))
			.andExpect(content().string(containsString(">Plus de 99 tickets</p>")));
		given(counts.ofList(any(), any(), any())).willReturn(new QueueCount(1, false));
		mvc.perform(get("/agent").with(user(TECHNICIAN)).header("Accept-Language", "en").param("queue", "ALL"))
			.andExpect(content().string(containsString(">1 ticket</p>")));
	}

	@Test
	void aFilterChangedInPlaceCarriesTheExportLinkAndTheViewAndColumnFormsAlong() throws Exception {
		given(tickets.search(any(), any())).willReturn(new TicketSlice(List.of(), 0, 25, false));

		mvc.perform(get("/agent").with(user(TECHNICIAN)).header("HX-Request", "true")
			.param("queue", "ALL").param("priority", "HIGH").param("text", "printer"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("outOfBand", true))
			.andExpect(content().string(containsString("hx-swap-oob=\"true\">Export as CSV</a>")))
			.andExpect(content().string(containsString("/agent/tickets.csv?queue=ALL&amp;priority=HIGH&amp;text=printer")))
			.andExpect(content().string(containsString("id=\"view-create-filter\" hx-swap-oob=\"true\"")))
			.andExpect(content().string(containsString("name=\"text\" value=\"printer\"")))
			.andExpect(content().string(containsString("id=\"columns-back\"")));
	}

	@Test
	void aDrillDownIsSearchedShownAsChipsEachRemovableAndKeptByTheFiltersExportAndPager() throws Exception {
		given(tickets.search(any(), any())).willReturn(new TicketSlice(List.of(), 0, 25, true));

		mvc.perform(get("/agent").with(user(TECHNICIAN))
			.header("Accept-Language", "en")
			.param("queue", "ALL")
			.param("from", "2026-10-01")
			.param("to", "2026-10-31")
			.param("periodBy", "RESOLVED")
			.param("ttr", "MISSED")
			.param("escalated", "FUNCTIONAL"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("aria-labelledby=\"drill-label\"")))
			.andExpect(content().string(containsString("<span>Resolved between 1 Oct and 31 Oct</span>")))
			.andExpect(content().string(containsString("<span>TTR missed</span>")))
			.andExpect(content().string(containsString("<span>Escalated: functional</span>")))
			.andExpect(content().string(containsString("aria-label=\"Remove the criterion “TTR missed”\"")))
			.andExpect(content().string(
					containsString("aria-label=\"Remove the criterion “Resolved between 1 Oct and 31 Oct”\"")))
			.andExpect(content().string(containsString(
					"href=\"/agent?queue=ALL&amp;ttr=MISSED&amp;escalated=FUNCTIONAL\" class=\"drill-chip-remove\"")))
			.andExpect(content().string(containsString(
					"href=\"/agent?queue=ALL&amp;from=2026-10-01&amp;to=2026-10-31&amp;periodBy=RESOLVED&amp;escalated=FUNCTIONAL\" class=\"drill-chip-remove\"")))
			.andExpect(content().string(containsString("href=\"/agent?queue=ALL\" id=\"drill-clear\"")))
			.andExpect(content().string(containsString("<input type=\"hidden\" name=\"periodBy\" value=\"RESOLVED\">")))
			.andExpect(content().string(containsString(
					"/agent/tickets.csv?queue=ALL&amp;from=2026-10-01&amp;to=2026-10-31&amp;periodBy=RESOLVED&amp;ttr=MISSED&amp;escalated=FUNCTIONAL")))
			.andExpect(content().string(containsString(
					"/agent?queue=ALL&amp;from=2026-10-01&amp;to=2026-10-31&amp;periodBy=RESOLVED&amp;ttr=MISSED&amp;escalated=FUNCTIONAL&amp;page=1")));
		ArgumentCaptor<TicketQuery> query = ArgumentCaptor.forClass(TicketQuery.class);
		verify(tickets).search(query.capture(), any());
		assertThat(query.getValue().drillDown().toParameters()).containsExactly(Map.entry("from", "2026-10-01"),
				Map.entry("to", "2026-10-31"), Map.entry("periodBy", "RESOLVED"), Map.entry("ttr", "MISSED"),
				Map.entry("escalated", "FUNCTIONAL"));
	}

	@Test
	void theDrillDownChipsSpeakFrenchWithTheYearWhenItIsNotThisOne() throws Exception {
		given(tickets.search(any(), any())).willReturn(new TicketSlice(List.of(), 0, 25, false));

		CurrentUser french = new CurrentUser(4, "francois", "François Tech", Role.TECHNICIAN, "fr", "", true);
		mvc.perform(get("/agent").with(user(french))
			.param("queue", "ALL")
			.param("from", "2025-12-01")
			.param("reopened", "true")
			.param("age", "D3_7")
			.param("weekday", "1")
			.param("hour", "9"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<span>Créés à partir du 1 déc. 2025</span>")))
			.andExpect(content().string(containsString("<span>Réouverts</span>")))
			.andExpect(content().string(containsString("<span>Ouverts, âge : 3 à 7 jours</span>")))
			.andExpect(content().string(containsString("<span>Créés un lundi</span>")))
			.andExpect(content().string(containsString("<span>Créés entre 09 h 00 et 09 h 59</span>")))
			.andExpect(content().string(containsString("Effacer ces critères")));
	}

	@Test
	void withoutDrillDownNoChipIsShown() throws Exception {
		given(tickets.search(any(), any())).willReturn(new TicketSlice(List.of(), 0, 25, false));

		mvc.perform(get("/agent").with(user(TECHNICIAN)).param("queue", "ALL").param("status", "NEW"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("drill-chips"))))
			.andExpect(content().string(not(containsString("drill-clear"))));
	}

	@Test
	void aBreachedTicketRunningTowardsItsNextDeadlineSaysTheDateIsTheNextOne() throws Exception {
		User requester = new User("bob", "", "Bob Requester", Role.REQUESTER, Instant.parse("2026-01-01T00:00:00Z"));
		ReflectionTestUtils.setField(requester, "id", 2L);
		Ticket missedTto = ticket(requester, 41, Instant.parse("2099-01-04T10:00:00Z"));
		Ticket late = ticket(requester, 42, Instant.parse("2000-01-04T10:00:00Z"));
		given(tickets.search(any(), any())).willReturn(new TicketSlice(List.of(missedTto, late), 0, 25, false));

		mvc.perform(get("/agent").with(user(TECHNICIAN)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">next deadline ")))
			.andExpect(content().string(containsString("datetime=\"2000-01-04T11:00:00+01:00\">Jan 4, 2000")));
	}

	@Test
	void aRowShowsTheChosenColumnsThenTheCardsOtherFieldsForPhonesOnlyAndKeepsARefusedSelectionTicked()
			throws Exception {
		given(views.columnsOf(any())).willReturn(List.of(TicketColumn.NUMBER, TicketColumn.STATUS,
				TicketColumn.CATEGORY, TicketColumn.UPDATED));
		User requester = new User("bob", "", "Bob Requester", Role.REQUESTER, Instant.parse("2026-01-01T00:00:00Z"));
		ReflectionTestUtils.setField(requester, "id", 2L);
		ReflectionTestUtils.setField(requester, "vip", true);
		Ticket replied = ticket(requester, 43, Instant.parse("2099-01-04T10:00:00Z"));
		ReflectionTestUtils.setField(replied, "requesterRepliedAt", Instant.parse("2026-11-29T09:30:00Z"));
		given(tickets.search(any(), any())).willReturn(new TicketSlice(List.of(replied), 0, 25, false));

		String page = mvc.perform(get("/agent").with(user(TECHNICIAN))
			.header("Accept-Language", "en")
			.flashAttr("bulkSelected", List.of(43L)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("\\s+", " ");

		assertThat(page).contains("<td class=\"cell-NUMBER\"><a href=\"/agent/tickets/43\">#43</a>",
				"<span class=\"badge badge-status-NEW\">New</span>",
				"class=\"badge badge-requester-replied\" title=\"Nov 29, 2026, 10:30 AM\">Requester replied</span>",
				"<td class=\"cell-CATEGORY\">–</td>",
				"datetime=\"2026-11-28T09:00:00+01:00\">Nov 28, 2026, 9:00 AM</time>",
				"<td class=\"cell-TITLE card-only\"><a href=\"/agent/tickets/43\">Printer jams 43</a>",
				"<td class=\"cell-PRIORITY card-only\">", "<span class=\"badge sla-BREACHED\">Breached</span>",
				"<span>Bob Requester</span> <span class=\"badge bg-purple-lt\">VIP</span>",
				"value=\"43:0\" id=\"select-43\" aria-label=\"Select #43: Printer jams 43\" checked=\"checked\"")
			.doesNotContain("cell-GROUP");
	}

	private static Ticket ticket(User requester, long id, Instant dueAt) {
		Ticket ticket = new Ticket(TicketType.INCIDENT, "Printer jams " + id, "On every page.", requester, requester,
				Channel.PORTAL, null, Urgency.HIGH, Impact.LOW, PriorityMatrix.standard(),
				Instant.parse("2026-11-28T08:00:00Z"));
		ReflectionTestUtils.setField(ticket, "id", id);
		ReflectionTestUtils.setField(ticket, "slaState", SlaState.BREACHED);
		ReflectionTestUtils.setField(ticket, "slaDueAt", dueAt);
		return ticket;
	}

	@Test
	void anUnknownFilterValueIsRefusedNextToItsFieldWithTheOtherValuesKept() throws Exception {
		mvc.perform(get("/agent").with(user(TECHNICIAN))
			.header("Accept-Language", "en")
			.param("status", "SLEEPING")
			.param("priority", "HIGH")
			.param("groupId", "abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The list was not filtered")))
			.andExpect(content().string(containsString("status: &quot;SLEEPING&quot; is not a known value")))
			.andExpect(content().string(containsString("groupId: &quot;abc&quot; is not an id")))
			.andExpect(content().string(containsString("href=\"#status\"")))
			.andExpect(content().string(containsString("<option value=\"HIGH\" selected=\"selected\">")));
		verify(tickets, never()).search(any(), any());
	}

	@Test
	void theChosenColumnsAreTheListsHeaders() throws Exception {
		given(views.columnsOf(any())).willReturn(List.of(TicketColumn.NUMBER, TicketColumn.CREATED));
		given(tickets.search(any(), any())).willReturn(new TicketSlice(List.of(), 0, 25, false));

		mvc.perform(get("/agent").with(user(TECHNICIAN)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Created</th>")))
			.andExpect(content().string(not(containsString(">Updated</th>"))));
	}

	@Test
	void theTabsShowTheirCountsAndABoundedOneAsMore() throws Exception {
		given(tickets.search(any(), any())).willReturn(new TicketSlice(List.of(), 0, 25, false));
		given(counts.of(any())).willReturn(
				Map.of(Queue.UNASSIGNED, new QueueCount(12, false), Queue.ALL, new QueueCount(99, true)));

		mvc.perform(get("/agent").with(user(TECHNICIAN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("queue-count\">12</span>")))
			.andExpect(content().string(containsString("queue-count\">99+</span>")));
	}

}
