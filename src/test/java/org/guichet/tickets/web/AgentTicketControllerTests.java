package org.guichet.tickets.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.guichet.directory.Accounts;
import org.guichet.directory.ApiTokens;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.ConflictException;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.CategoryRepository;
import org.guichet.tickets.Channel;
import org.guichet.tickets.EscalationKind;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.PriorityMatrix;
import org.guichet.tickets.Task;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.MajorIncidents;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.TicketView;
import org.guichet.tickets.Urgency;
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
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(AgentTicketController.class)
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class })
@Import({ AgentTicketControllerTests.ApplicationSecurity.class, FormErrors.class, FileUploads.class, AttachmentLimit.class,
		DateFormats.class, Choices.class, FileSizes.class, TextLimits.class, HistoryValues.class })
class AgentTicketControllerTests {

	/** The application's own security rules and locale resolver. */
	@TestConfiguration
	@ComponentScan("org.guichet.directory.internal")
	static class ApplicationSecurity {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);
		}

		/** The ticket operations are mocks here: there is no transaction to run them in. */
		@Bean
		TransactionOperations transactions() {
			return TransactionOperations.withoutTransaction();
		}

	}

	private static final CurrentUser TECHNICIAN = new CurrentUser(3, "tina", "Tina Tech", Role.TECHNICIAN, "en", "",
			true);

	private static final CurrentUser REQUESTER = new CurrentUser(2, "bob", "Bob Requester", Role.REQUESTER, "en", "",
			true);

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	Ticket ticket;

	@MockitoBean
	TicketManagement tickets;

	@MockitoBean
	MajorIncidents majorIncidents;

	@MockitoBean
	CategoryRepository categories;

	@MockitoBean
	SupportGroupRepository groups;

	@MockitoBean
	UserRepository users;

	@MockitoBean
	Accounts accounts;

	@MockitoBean
	ApiTokens tokens;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		User requester = new User("bob", "", "Bob Requester", Role.REQUESTER, Instant.parse("2026-01-01T00:00:00Z"));
		ReflectionTestUtils.setField(requester, "id", 2L);
		ticket = new Ticket(TicketType.INCIDENT, "Printer jams", "On every page.", requester, requester,
				Channel.PORTAL, null, Urgency.HIGH, Impact.LOW, PriorityMatrix.standard(),
				Instant.parse("2026-11-28T08:00:00Z"));
		ReflectionTestUtils.setField(ticket, "id", 42L);
		given(tickets.view(eq(new TicketId(42)), any()))
			.willReturn(new TicketView(ticket, List.of(), List.of(), List.of(), false));
		given(tickets.history(eq(new TicketId(42)), any())).willReturn(List.of());
		given(tickets.mayWorkOn(eq(ticket), any())).willReturn(true);
	}

	@Test
	void anAgentWhoOnlyReadsTheTicketIsOfferedTheReplyAndTheNoteButNoOtherAction() throws Exception {
		ticket.assign(new SupportGroup("N2 Réseau", SupportLevel.N2), null, null, Instant.parse("2026-11-28T08:00:00Z"));
		given(tickets.mayWorkOn(eq(ticket), any())).willReturn(false);
		mvc.perform(get("/agent/tickets/42").with(user(TECHNICIAN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"read-only\"")))
			.andExpect(content().string(containsString("N2 Réseau")))
			.andExpect(content().string(containsString("id=\"send-reply\"")))
			.andExpect(content().string(containsString("id=\"send-note\"")))
			.andExpect(content().string(not(containsString("id=\"action-take\""))))
			.andExpect(content().string(not(containsString("id=\"resolve\""))))
			.andExpect(content().string(not(containsString("id=\"escalate\""))))
			.andExpect(content().string(not(containsString("id=\"edit-fields\""))))
			.andExpect(content().string(not(containsString("id=\"add-task\""))));
	}

	@Test
	void aNewTicketOffersTakeAndResolveButNotResumeOrReopen() throws Exception {
		mvc.perform(get("/agent/tickets/42").with(user(TECHNICIAN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"action-take\"")))
			.andExpect(content().string(containsString("id=\"action-resolve\"")))
			.andExpect(content().string(not(containsString("id=\"action-resume\""))))
			.andExpect(content().string(not(containsString("id=\"action-reopen\""))));
	}

	@Test
	void aStaleResolutionShowsTheConflictAndKeepsTheTypedSolution() throws Exception {
		given(tickets.transition(eq(new TicketId(42)), any(), eq(3L), any())).willThrow(new ConflictException(
				"ticket.stale", "Ticket #42 was changed by someone else since you opened it", "#42"));

		mvc.perform(post("/agent/tickets/42/resolve").with(user(TECHNICIAN))
			.with(csrf())
			.param("version", "3")
			.param("solution", "Replaced the pick-up roller.")
			.param("solutionKind", "WORKAROUND"))
			.andExpect(status().isOk())
			.andExpect(view().name("agent/ticket"))
			.andExpect(content().string(containsString("Ticket #42 was changed by someone else since you opened it.")))
			.andExpect(content().string(containsString(">Replaced the pick-up roller.</textarea>")))
			.andExpect(content().string(containsString("value=\"WORKAROUND\" id=\"solutionKind1\" name=\"solutionKind\" checked=\"checked\"")))
			.andExpect(content().string(containsString("name=\"version\" value=\"0\"")));
	}

	@Test
	void resolvingWithOpenTasksAsksForConfirmationAndKeepsTheTypedSolution() throws Exception {
		Task open = ticket.addTask("Replace the roller", null, 30, ticket.getRequester(), Instant.parse("2026-11-28T09:00:00Z"));
		given(tickets.view(eq(new TicketId(42)), any()))
			.willReturn(new TicketView(ticket, List.of(), List.of(), List.of(open), false));

		mvc.perform(post("/agent/tickets/42/resolve").with(user(TECHNICIAN))
			.with(csrf())
			.param("version", "0")
			.param("solution", "Replaced the pick-up roller."))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"open-tasks-warning\"")))
			.andExpect(content().string(containsString("Tick the box to resolve the ticket with its open tasks")))
			.andExpect(content().string(containsString(">Replaced the pick-up roller.</textarea>")))
			.andExpect(model().attribute("failedForm", "resolveForm"));
		verify(tickets, never()).transition(any(), any(), any(), any());

		given(tickets.transition(eq(new TicketId(42)), any(), eq(0L), any())).willReturn(ticket);
		mvc.perform(post("/agent/tickets/42/resolve").with(user(TECHNICIAN))
			.with(csrf())
			.param("version", "0")
			.param("solution", "Replaced the pick-up roller.")
			.param("openTasksConfirmed", "true"))
			.andExpect(status().is3xxRedirection());
		verify(tickets).transition(eq(new TicketId(42)), any(), eq(0L), any());
	}

	@Test
	void aResolutionThatClosedTheTicketSaysItIsClosed() throws Exception {
		given(tickets.transition(eq(new TicketId(42)), any(), eq(0L), any())).willAnswer(invocation -> {
			ReflectionTestUtils.setField(ticket, "status", Status.CLOSED);
			return ticket;
		});

		mvc.perform(post("/agent/tickets/42/resolve").with(user(TECHNICIAN))
			.with(csrf())
			.param("version", "0")
			.param("solution", "Replaced the pick-up roller.")
			.param("solutionKind", "PERMANENT"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "agent.flash.RESOLVE.closed"));
	}

	@Test
	void aRefusalSentInPlaceTellsTheBrowserToKeepTheTicketsAddress() throws Exception {
		given(tickets.transition(eq(new TicketId(42)), any(), eq(3L), any())).willThrow(new ConflictException(
				"ticket.stale", "Ticket #42 was changed by someone else since you opened it", "#42"));

		mvc.perform(post("/agent/tickets/42/resolve").with(user(TECHNICIAN))
			.with(csrf())
			.header("HX-Request", "true")
			.param("version", "3")
			.param("solution", "Replaced the pick-up roller."))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Replace-Url", "/agent/tickets/42"))
			.andExpect(content().string(containsString(">Replaced the pick-up roller.</textarea>")));
	}

	@Test
	void aSolutionRefusedBecauseAnotherTabResolvedTheTicketIsKeptOnThePage() throws Exception {
		ReflectionTestUtils.setField(ticket, "status", Status.RESOLVED);
		given(tickets.transition(eq(new TicketId(42)), any(), eq(3L), any())).willThrow(new ConflictException(
				"ticket.stale", "Ticket #42 was changed by someone else since you opened it", "#42"));

		mvc.perform(post("/agent/tickets/42/resolve").with(user(TECHNICIAN))
			.with(csrf())
			.param("version", "3")
			.param("solution", "Replaced the pick-up roller.")
			.param("solutionKind", "WORKAROUND"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"action-resolve\""))))
			.andExpect(content().string(containsString("Ticket #42 was changed by someone else since you opened it.")))
			.andExpect(content().string(containsString("What you typed was not saved")))
			.andExpect(content().string(containsString(">Replaced the pick-up roller.</textarea>")));
	}

	@Test
	void aStaleSolutionStillOfferedIsKeptInItsFormOnly() throws Exception {
		given(tickets.transition(eq(new TicketId(42)), any(), eq(3L), any())).willThrow(new ConflictException(
				"ticket.stale", "Ticket #42 was changed by someone else since you opened it", "#42"));

		mvc.perform(post("/agent/tickets/42/resolve").with(user(TECHNICIAN))
			.with(csrf())
			.param("version", "3")
			.param("solution", "Replaced the pick-up roller.")
			.param("solutionKind", "WORKAROUND"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"kept-input\""))));
	}

	@Test
	void theEscalationFormOffersOnlyTheGroupsAboveTheTicketsLevel() throws Exception {
		SupportGroup n1 = new SupportGroup("Proximité", SupportLevel.N1);
		ReflectionTestUtils.setField(n1, "id", 7L);
		SupportGroup n2 = new SupportGroup("Réseau", SupportLevel.N2);
		ReflectionTestUtils.setField(n2, "id", 8L);
		given(groups.findAllWithMembers()).willReturn(List.of(n1, n2));

		mvc.perform(get("/agent/tickets/42").with(user(TECHNICIAN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"action-escalate\"")))
			.andExpect(model().attribute("escalationGroups", List.of(n2)));
	}

	@Test
	void anEscalationWithoutReasonIsRefusedNextToTheReason() throws Exception {
		given(tickets.escalate(eq(new TicketId(42)), eq(EscalationKind.HIERARCHICAL), any(), any(), eq(""), eq(0L),
				any()))
			.willThrow(new InvalidInputException("reason", "field.required", "The field reason is required"));

		mvc.perform(post("/agent/tickets/42/escalate").with(user(TECHNICIAN))
			.with(csrf())
			.param("version", "0")
			.param("escalationKind", "HIERARCHICAL")
			.param("reason", ""))
			.andExpect(status().isOk())
			.andExpect(view().name("agent/ticket"))
			.andExpect(model().attributeHasFieldErrorCode("escalateForm", "reason", "field.required"))
			.andExpect(model().attribute("failedForm", "escalateForm"));
	}

	@Test
	void aCallIsRegisteredForTheChosenRequesterByPhone() throws Exception {
		given(tickets.register(any(), any())).willReturn(ticket);

		mvc.perform(post("/agent/tickets/new").with(user(TECHNICIAN))
			.with(csrf())
			.param("requesterId", "2")
			.param("channel", "PHONE")
			.param("type", "ASSISTANCE")
			.param("title", "How to share a calendar")
			.param("description", "Called from the front desk.")
			.param("urgency", "LOW")
			.param("impact", "LOW"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/agent/tickets/42"));
		ArgumentCaptor<NewTicket> demand = ArgumentCaptor.forClass(NewTicket.class);
		verify(tickets).register(demand.capture(), eq(TECHNICIAN));
		assertThat(demand.getValue()).extracting(NewTicket::requesterId, NewTicket::channel, NewTicket::type)
			.containsExactly(2L, Channel.PHONE, TicketType.ASSISTANCE);
	}

	@Test
	void aCallWithoutRequesterIsRefusedNextToTheField() throws Exception {
		mvc.perform(post("/agent/tickets/new").with(user(TECHNICIAN))
			.with(csrf())
			.param("title", "How to share a calendar")
			.param("description", "Called from the front desk."))
			.andExpect(status().isOk())
			.andExpect(view().name("agent/new"))
			.andExpect(model().attributeHasFieldErrorCode("ticket", "requesterId", "field.required"))
			.andExpect(content().string(containsString("value=\"How to share a calendar\"")));
		verify(tickets, never()).register(any(), any());
	}

	@Test
	void aRequesterIsKeptOutOfTheAgentWorkspaceAndSentToThePortalsPageOfTheTicket() throws Exception {
		mvc.perform(get("/agent/tickets/42").with(user(REQUESTER))).andExpect(redirectedUrl("/portal/tickets/42"));
		mvc.perform(post("/agent/tickets/42/take").with(user(REQUESTER)).with(csrf()))
			.andExpect(status().isForbidden());
	}

}
