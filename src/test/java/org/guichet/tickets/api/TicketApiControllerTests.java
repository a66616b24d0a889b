package org.guichet.tickets.api;

import java.time.Instant;
import java.util.Optional;

import org.guichet.directory.ApiTokens;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.TokenScope;
import org.guichet.directory.User;
import org.guichet.directory.internal.ApiSecurityTestConfiguration;
import org.guichet.system.ConflictException;
import org.guichet.system.ForbiddenException;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.PriorityMatrix;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketExport;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(TicketApiController.class)
@Import({ ApiTransactions.class, TicketCsvDownload.class, ApiSecurityTestConfiguration.class,
		TicketApiControllerTests.NoDatabase.class })
class TicketApiControllerTests {

	static final Instant T0 = Instant.parse("2026-11-02T08:30:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TicketManagement tickets;

	@MockitoBean
	ApiTokens tokens;

	@MockitoBean
	TicketExport export;

	User alice;

	CurrentUser aliceSession;

	@BeforeEach
	void signIn() {
		alice = new User("alice", "", "Alice Martin", Role.REQUESTER, T0);
		ReflectionTestUtils.setField(alice, "id", 7L);
		aliceSession = new CurrentUser(alice);
		given(tokens.authenticate("alice-token"))
			.willReturn(Optional.of(new ApiTokens.Bearer(aliceSession, TokenScope.FULL, false, false)));
	}

	@Test
	void aCreatedTicketIsSentWithItsLocationEtagAndContractFields() throws Exception {
		given(tickets.register(any(NewTicket.class), eq(aliceSession), eq("k-1"))).willReturn(ticket(1042, 0));

		mvc.perform(post("/api/v1/tickets").header("Authorization", "Bearer alice-token")
			.header("Idempotency-Key", "k-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"type":"INCIDENT","title":"Printer jam","description":"Tray 2","urgency":"HIGH"}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "http://localhost/api/v1/tickets/1042"))
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.id").value(1042))
			.andExpect(jsonPath("$.number").value("#1042"))
			.andExpect(jsonPath("$.type").value("INCIDENT"))
			.andExpect(jsonPath("$.status").value("NEW"))
			.andExpect(jsonPath("$.channel").value("API"))
			.andExpect(jsonPath("$.urgency").value("HIGH"))
			.andExpect(jsonPath("$.priorityOverridden").value(false))
			.andExpect(jsonPath("$.requester.username").value("alice"))
			.andExpect(jsonPath("$.registeredBy.fullName").value("Alice Martin"))
			.andExpect(jsonPath("$.group").isEmpty())
			.andExpect(jsonPath("$.assignee").isEmpty())
			.andExpect(jsonPath("$.category").isEmpty())
			.andExpect(jsonPath("$.satisfaction").isEmpty())
			.andExpect(jsonPath("$.observers").isArray())
			.andExpect(jsonPath("$.createdAt").value("2026-11-02T08:30:00Z"))
			.andExpect(jsonPath("$.reopenCount").value(0))
			.andExpect(jsonPath("$.version").value(0));
	}

	@Test
	void anIllegalTransitionIsAConflictProblem() throws Exception {
		given(tickets.transition(eq(new TicketId(1042)), any(Transition.class), isNull(), eq(aliceSession)))
			.willThrow(new ConflictException("ticket.transition.illegal", "illegal", "#1042", "ACCEPT", "NEW"));

		mvc.perform(post("/api/v1/tickets/1042/transitions").header("Authorization", "Bearer alice-token")
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\":\"ACCEPT\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.code").value("ticket.transition.illegal"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("#1042")));
	}

	@Test
	void aPendingReasonOutsideTheListIsRefusedNamingTheField() throws Exception {
		mvc.perform(post("/api/v1/tickets/1042/transitions").header("Authorization", "Bearer alice-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\":\"PENDING\",\"reason\":\"LUNCH\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("reason"))
			.andExpect(jsonPath("$.code").value("ticket.pending.reason-unknown"));
	}

	@Test
	void aMissingTitleIsRefusedNamingTheField() throws Exception {
		mvc.perform(post("/api/v1/tickets").header("Authorization", "Bearer alice-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"INCIDENT\",\"description\":\"d\",\"urgency\":\"LOW\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("title"));
		verify(tickets, never()).register(any(), any(), any());
	}

	/** The role is checked once the ticket is known to be visible: 404 before 403 (TicketPermissionsIT). */
	@Test
	void aRequesterCannotChangeTicketFields() throws Exception {
		given(tickets.update(any(), any(), any(), any())).willThrow(
				new ForbiddenException("ticket.transition.agent-only", "Only the IT team can do this"));
		mvc.perform(patch("/api/v1/tickets/1042").header("Authorization", "Bearer alice-token")
			.header("If-Match", "\"3\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Mine\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aChangeWithoutVersionSaysWhichBodyMemberCarriesIt() throws Exception {
		mvc.perform(patch("/api/v1/tickets/1042").header("Authorization", "Bearer alice-token")
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Mine\"}"))
			.andExpect(status().is(428))
			.andExpect(jsonPath("$.code").value("ticket.version-required"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("\"version\" in the body")));
	}

	@Test
	void anUnexpectedFailureIsAProblemWithAReferenceAndNoInternals() throws Exception {
		given(tickets.transition(eq(new TicketId(1042)), any(Transition.class), isNull(), eq(aliceSession)))
			.willThrow(new IllegalStateException("connection pool of jdbc:h2:/srv/secret exhausted"));

		mvc.perform(post("/api/v1/tickets/1042/transitions").header("Authorization", "Bearer alice-token")
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\":\"ACCEPT\"}"))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("request.failed"))
			.andExpect(jsonPath("$.reference").isString())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("administrator")))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret"))));
	}

	@Test
	void aBodyBreakingItsConstraintsIsRefusedWithTheServicesCodesAndTheBounds() throws Exception {
		mvc.perform(post("/api/v1/tickets/1042/satisfaction").header("Authorization", "Bearer alice-token")
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"rating\":9,\"comment\":\"" + "x".repeat(2001) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'rating')].code").value("field.at-most"))
			.andExpect(jsonPath("$.errors[?(@.field == 'rating')].detail").value("Enter a number of at most 5."))
			.andExpect(jsonPath("$.errors[?(@.field == 'comment')].code").value("field.too-long"))
			.andExpect(jsonPath("$.errors[?(@.field == 'comment')].detail").value(
					"Too long: enter at most 2,000 characters."));
	}

	@Test
	void withoutCredentialsTheApiAnswersUnauthorized() throws Exception {
		mvc.perform(get("/api/v1/tickets/1042"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private Ticket ticket(long id, long version) {
		Ticket ticket = new Ticket(TicketType.INCIDENT, "Printer jam", "Tray 2", alice, alice, Channel.API, null,
				Urgency.HIGH, org.guichet.tickets.Impact.LOW, PriorityMatrix.standard(), T0);
		ReflectionTestUtils.setField(ticket, "id", id);
		ReflectionTestUtils.setField(ticket, "version", version);
		return ticket;
	}

	/** The slice has no database: transactions are no-ops. */
	@TestConfiguration(proxyBeanMethods = false)
	static class NoDatabase {

		@Bean
		PlatformTransactionManager transactionManager() {
			return new AbstractPlatformTransactionManager() {

				@Override
				protected Object doGetTransaction() {
					return new Object();
				}

				@Override
				protected void doBegin(Object transaction, TransactionDefinition definition) {
				}

				@Override
				protected void doCommit(DefaultTransactionStatus status) {
				}

				@Override
				protected void doRollback(DefaultTransactionStatus status) {
				}
			};
		}

	}

}
