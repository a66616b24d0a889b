package org.guichet.tickets.web;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 8, queues: one filter for the lists, the API and the export; saved views personal and
 * shared; bulk actions ticket by ticket with their refusals; the CSV export of a whole list.
 */
@GuichetIntegrationTest
class QueuesIT {

	private static final String BOM = "\uFEFF";

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private UserRepository users;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	private MockMvc mvc;

	private User technician;

	private User colleague;

	private User supervisor;

	private User caller;

	private SupportGroup group;

	private ApiClient api;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		technician = fixtures.user("queue-tech", Role.TECHNICIAN);
		colleague = fixtures.user("queue-colleague", Role.TECHNICIAN);
		supervisor = fixtures.user("queue-supervisor", Role.SUPERVISOR);
		caller = fixtures.user("queue-caller", Role.REQUESTER);
		group = fixtures.group(SupportLevel.N1, technician, colleague, supervisor);
		api = ApiClient.bearer(port, fixtures.token(technician));
	}

	@Test
	void theApiListRefusesEveryFilterValueThatDoesNotFitInOneProblem() {
		Response refused = api.get("/api/v1/tickets?status=SLEEPING&size=500&priority=HIGH");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = refused.json();
		assertThat(problem.get("code").asString()).isEqualTo("filter.choice-unknown");
		assertThat(problem.get("field").asString()).isEqualTo("status");
		assertThat(problem.get("detail").asString()).contains("SLEEPING", "PENDING");
		assertThat(problem.get("errors")).hasSize(2);
		assertThat(problem.get("errors").get(1).get("field").asString()).isEqualTo("size");
		assertThat(problem.get("errors").get(1).get("detail").asString()).contains("1 to 100");
	}

	@Test
	void theCsvOfAListHoldsEveryPageStreamedWithHeadersInTheReadersLanguageAndNoFormulas() {
		long categoryId = fixtures.category("Export").getId();
		int count = 1_234;
		insertTickets(count, categoryId, "Printer jammed");
		jdbc.update("update ticket set title = '=HYPERLINK(\"http://evil\")' where id = (select min(id) from ticket"
				+ " where category_id = ?)", categoryId);
		User frenchAdmin = fixtures.user("export-admin", Role.ADMINISTRATOR);
		frenchAdmin.setLanguage("fr");
		users.save(frenchAdmin);
		ApiClient admin = ApiClient.bearer(port, fixtures.token(frenchAdmin));

		// a language the desk does not speak: the reader's profile decides
		Response csv = admin.get("/api/v1/tickets.csv?categoryId=" + categoryId + "&sort=OLDEST", "Accept-Language", "de");

		assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"tickets-");
		assertThat(csv.headers()).as("streamed, not counted beforehand").doesNotContainKey("content-length");
		String text = new String(csv.bytes(), StandardCharsets.UTF_8);
		assertThat(text).startsWith(BOM + "Numéro,Titre,Statut,Priorité,SLA,Demandeur,Type,Catégorie,Groupe,"
				+ "Technicien,Mis à jour,Créé\r\n");
		List<String> rows = text.lines().skip(1).toList();
		assertThat(rows).hasSize(count);
		assertThat(rows.get(0)).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",Nouveau,Basse,");
		assertThat(rows.get(1)).contains(",Printer jammed 1,Nouveau,").contains(caller.getFullName());
		assertThat(rows.get(1)).matches(".*,\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?[+-]\\d{2}:\\d{2}$");

		Response negotiated = api.get("/api/v1/tickets?categoryId=" + categoryId + "&status=CLOSED", "Accept",
				"text/csv");
		assertThat(negotiated.status()).as(negotiated.toString()).isEqualTo(200);
		assertThat(new String(negotiated.bytes(), StandardCharsets.UTF_8))
			.isEqualTo(BOM + "Number,Title,Status,Priority,SLA,Requester,Type,Category,Group,Technician,Updated,Created\r\n");
		assertThat(api.get("/api/v1/tickets.csv?type=BUG").status()).isEqualTo(400);
		Response json = api.get("/api/v1/tickets?categoryId=" + categoryId + "&size=2", "Accept", "*/*");
		assertThat(json.status()).as(json.toString()).isEqualTo(200);
		assertThat(json.json().get("items")).hasSize(2);
	}

	@Test
	void aSharedViewIsSeenByTheGroupAndManagedByItsCreatorAndSupervisorsOnly() throws Exception {
		MockHttpSession creator = login(technician);
		MvcResult saved = mvc.perform(post("/agent/views").session(creator)
			.with(csrf())
			.param("name", "Urgent of my group")
			.param("shareWith", String.valueOf(group.getId()))
			.param("queue", "GROUPS")
			.param("priority", "HIGH")
			.param("page", "3")).andExpect(status().is3xxRedirection()).andReturn();
		String view = saved.getResponse().getRedirectedUrl();
		assertThat(view).matches("/agent\\?queue=GROUPS&priority=HIGH&view=\\d+");
		long viewId = Long.parseLong(view.substring(view.lastIndexOf('=') + 1));
		mvc.perform(post("/agent/views").session(creator).with(csrf()).param("name", "Mine only").param("queue", "MINE"))
			.andExpect(status().is3xxRedirection());

		String colleaguePage = page(login(colleague), "/agent");
		assertThat(colleaguePage).contains("Urgent of my group").doesNotContain("Mine only");
		MvcResult refused = mvc.perform(post("/agent/views/" + viewId + "/delete").session(login(colleague))
			.with(csrf())
			.header("Accept-Language", "en")).andExpect(status().is3xxRedirection()).andReturn();
		assertThat((String) refused.getFlashMap().get("viewProblem"))
			.contains("Only its creator and the group’s supervisors");
		mvc.perform(post("/agent/views/" + viewId + "/rename").session(login(supervisor))
			.with(csrf())
			.param("name", "High priority, N1")).andExpect(status().is3xxRedirection());
		assertThat(page(creator, view)).contains("High priority, N1").contains("id=\"view-delete\"");
		User outsider = fixtures.user("queue-outsider", Role.TECHNICIAN);
		mvc.perform(get(view).session(login(outsider))).andExpect(status().isNotFound());

		mvc.perform(post("/agent/views/" + viewId + "/delete").session(creator).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(page(login(colleague), "/agent")).doesNotContain("High priority, N1");
	}

	@Test
	void aViewCannotBeSharedWithAGroupItsCreatorIsNotIn() throws Exception {
		SupportGroup other = fixtures.group(SupportLevel.N2, fixtures.user("n2", Role.TECHNICIAN));
		MvcResult refused = mvc.perform(post("/agent/views").session(login(technician))
			.with(csrf())
			.header("Accept-Language", "en")
			.param("name", "Theirs")
			.param("shareWith", String.valueOf(other.getId()))).andExpect(status().is3xxRedirection()).andReturn();

		assertThat((String) refused.getFlashMap().get("viewProblem")).contains("one of your own groups");
		assertThat(refused.getFlashMap().get("viewName")).isEqualTo("Theirs");
	}

	@Test
	void aBulkActionIsTakenTicketByTicketAndSaysWhichWereRefusedAndWhy() throws Exception {
		JsonNode fresh = create("Fresh one");
		JsonNode changedSince = create("Changed since the list");
		JsonNode taken = api.post("/api/v1/tickets/" + create("Already taken").get("id").asLong() + "/transitions",
				Map.of("action", "TAKE")).json();
		api.post("/api/v1/tickets/" + changedSince.get("id").asLong() + "/assign",
				Map.of("groupId", group.getId()));
		User stranger = fixtures.user("queue-stranger", Role.TECHNICIAN);
		SupportGroup elsewhere = fixtures.group(SupportLevel.N2, stranger);
		JsonNode hidden = ApiClient.bearer(port, fixtures.token(stranger))
			.post("/api/v1/tickets", Map.of("type", "INCIDENT", "title", "Not for you", "description", "x",
					"urgency", "LOW", "requesterId", caller.getId()))
			.json();
		ApiClient.bearer(port, fixtures.token(stranger))
			.post("/api/v1/tickets/" + hidden.get("id").asLong() + "/assign", Map.of("groupId", elsewhere.getId()));

		MvcResult result = mvc.perform(post("/agent/bulk").session(login(colleague))
			.with(csrf())
			.header("Accept-Language", "en")
			.param("action", "TAKE")
			.param("back", "/agent?queue=ALL")
			.param("ticket", selection(fresh), selection(changedSince), selection(taken), selection(hidden)))
			.andExpect(status().is3xxRedirection())
			.andReturn();

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/agent?queue=ALL");
		@SuppressWarnings("unchecked")
		List<BulkActions.Outcome> outcomes = (List<BulkActions.Outcome>) result.getFlashMap().get("bulkOutcomes");
		assertThat(outcomes).extracting(BulkActions.Outcome::done).containsExactly(true, false, false, false);
		assertThat(outcomes.get(1).reason()).contains("changed by someone else since the list was shown");
		assertThat(outcomes.get(2).reason()).contains("cannot take the action");
		assertThat(outcomes.get(3).reason()).isNotBlank();
		assertThat(result.getFlashMap().get("bulkDone")).isEqualTo(1L);
		assertThat(result.getFlashMap().get("bulkRefused")).isEqualTo(3L);
		assertThat(statusOf(fresh)).isEqualTo("IN_PROGRESS");
		assertThat(statusOf(changedSince)).isEqualTo("NEW");

		MvcResult incomplete = mvc.perform(post("/agent/bulk").session(login(colleague))
			.with(csrf())
			.header("Accept-Language", "en")
			.param("action", "PRIORITY")
			.param("ticket", selection(changedSince))).andExpect(status().is3xxRedirection()).andReturn();
		assertThat((String) incomplete.getFlashMap().get("bulkProblem")).contains("Choose the new priority");
	}

	@Test
	void aRefusedBulkActionNamesTheFieldInWordsAndKeepsTheSelectionAndTheFormAsSent() throws Exception {
		JsonNode first = create("Resolve me");
		JsonNode second = create("Resolve me too");
		MockHttpSession session = login(technician);

		MvcResult refused = mvc.perform(post("/agent/bulk").session(session)
			.with(csrf())
			.header("Accept-Language", "en")
			.param("action", "STATUS")
			.param("transition", "RESOLVE")
			.param("solution", " ")
			.param("solutionKind", "PERMANENT")
			.param("back", "/agent?queue=ALL")
			.param("ticket", selection(first), selection(second))).andExpect(status().is3xxRedirection()).andReturn();
		@SuppressWarnings("unchecked")
		List<BulkActions.Outcome> outcomes = (List<BulkActions.Outcome>) refused.getFlashMap().get("bulkOutcomes");
		assertThat(outcomes).extracting(BulkActions.Outcome::reason)
			.allSatisfy(reason -> assertThat(reason).startsWith("“Solution (to resolve)”: This field is required"));
		// newest first: the two tickets are on the first page whatever other tests left in the database
		String list = mvc.perform(get("/agent?queue=ALL&sort=NEWEST").session(session)
			.header("Accept-Language", "en")
			.flashAttrs(refused.getFlashMap())).andReturn().getResponse().getContentAsString();
		for (JsonNode ticket : List.of(first, second)) {
			assertThat(list).containsPattern("id=\"select-" + ticket.get("id").asLong() + "\"[^>]*checked=\"checked\"");
		}
		assertThat(list).containsPattern("value=\"STATUS\"[^>]*selected=\"selected\"")
			.containsPattern("value=\"RESOLVE\"[^>]*selected=\"selected\"");

		MvcResult unparsable = mvc.perform(post("/agent/bulk").session(session)
			.with(csrf())
			.header("Accept-Language", "fr")
			.param("action", "PRIORITY")
			.param("priority", "SOMETIMES")
			.param("ticket", selection(first))).andExpect(status().is3xxRedirection()).andReturn();
		assertThat((String) unparsable.getFlashMap().get("bulkProblem")).contains("\"Priority\"");
		assertThat(unparsable.getFlashMap().get("bulkSelected")).isEqualTo(List.of(first.get("id").asLong()));
	}

	@Test
	void theListsCsvHasTheColumnsTheAgentChose() throws Exception {
		long categoryId = fixtures.category("Columns").getId();
		insertTickets(3, categoryId, "Screen flickers");
		MockHttpSession session = login(technician);
		mvc.perform(post("/agent/columns").session(session)
			.with(csrf())
			.param("column", "TITLE", "CREATED")
			.param("back", "/agent?queue=ALL")).andExpect(status().is3xxRedirection());

		String csv = mvc.perform(get("/agent/tickets.csv").session(session)
			.header("Accept-Language", "en")
			.param("queue", "ALL")
			.param("categoryId", String.valueOf(categoryId))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(csv.lines().toList()).hasSize(4).first().isEqualTo(BOM + "Number,Title,Created");
		assertThat(page(session, "/agent?queue=ALL&categoryId=" + categoryId)).contains(">Created</th>")
			.doesNotContain(">Updated</th>");
	}

	@Test
	void theColumnsKeepTheOrderTheAgentGaveThemInTheListAndTheCsv() throws Exception {
		long categoryId = fixtures.category("Column order").getId();
		insertTickets(2, categoryId, "Badge reader");
		MockHttpSession session = login(technician);
		mvc.perform(post("/agent/columns").session(session)
			.with(csrf())
			.param("column", "CREATED", "NUMBER", "TITLE")
			.param("back", "/agent?queue=ALL")).andExpect(status().is3xxRedirection());
		// the picker's button without JavaScript: moves Title one place up and keeps the picker open
		mvc.perform(post("/agent/columns").session(session)
			.with(csrf())
			.param("column", "CREATED", "NUMBER", "TITLE")
			.param("move", "TITLE:UP")
			.param("back", "/agent?queue=ALL")).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("columnsOpen", true));

		String csv = mvc.perform(get("/agent/tickets.csv").session(session)
			.header("Accept-Language", "en")
			.param("queue", "ALL")
			.param("categoryId", String.valueOf(categoryId))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(csv.lines().toList()).hasSize(3).first().isEqualTo(BOM + "Created,Title,Number");
		assertThat(page(session, "/agent?queue=ALL&categoryId=" + categoryId).replaceAll("\\s+", " "))
			.containsSubsequence(">Created</th>", ">Title</th>", ">Number</th>");
	}

	@Test
	void theCsvSaysTheSlaStateInTheReadersLanguageAsTheListDoes() throws Exception {
		long categoryId = fixtures.category("Sla in words").getId();
		insertTickets(2, categoryId, "Projector");
		jdbc.update("update ticket set sla_state = 'AT_RISK' where category_id = ?", categoryId);
		technician.setLanguage("fr");
		users.save(technician);
		MockHttpSession session = login(technician);
		mvc.perform(post("/agent/columns").session(session)
			.with(csrf())
			.param("column", "TITLE", "SLA")
			.param("back", "/agent?queue=ALL")).andExpect(status().is3xxRedirection());

		String csv = mvc.perform(get("/agent/tickets.csv").session(session)
			.param("queue", "ALL")
			.param("categoryId", String.valueOf(categoryId))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(csv.lines().skip(1).toList()).hasSize(2).allSatisfy(line -> assertThat(line).endsWith(",À risque"));
	}

	@Test
	void theCallerPickerSearchesNamesEmailsAndPhonesFromTwoCharactersAndAFewAtATime() throws Exception {
		caller.setPhone("+33 4 72 10 99 " + caller.getId());
		users.save(caller);
		MockHttpSession session = login(technician);

		assertThat(page(session, "/agent/callers?caller=" + caller.getUsername().substring(0, 12).toUpperCase()))
			.contains("id=\"caller-" + caller.getId() + "\"")
			.contains("role=\"option\"");
		assertThat(page(session, "/agent/callers?caller=72 10 99 " + caller.getId()))
			.contains("data-label=\"" + caller.getFullName() + "\"");
		assertThat(page(session, "/agent/callers?caller=q")).doesNotContain("role=\"option\"");
		for (int i = 0; i < 11; i++) {
			fixtures.user("zz-many-callers", Role.REQUESTER);
		}
		String many = page(session, "/agent/callers?caller=zz-many-callers");
		assertThat(many.split("role=\"option\"", -1)).hasSize(CallerController.LIMIT + 1);
		assertThat(many).contains("More people match");
		mvc.perform(get("/agent/callers?caller=queue").session(login(caller))).andExpect(status().isForbidden());
	}

	private void insertTickets(int count, long categoryId, String title) {
		Timestamp now = Timestamp.from(Instant.parse("2026-11-30T09:15:00Z"));
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(new Object[] { title + " " + i, caller.getId(), technician.getId(), categoryId, now, now });
		}
		jdbc.batchUpdate("insert into ticket (type, title, description, requester_id, registered_by_id, channel,"
				+ " category_id, urgency, impact, priority, status, created_at, updated_at) values ('INCIDENT', ?,"
				+ " 'Seen on the 2nd floor', ?, ?, 'PHONE', ?, 'LOW', 'LOW', 'LOW', 'NEW', ?, ?)", rows);
	}

	private JsonNode create(String title) {
		Response created = api.post("/api/v1/tickets", Map.of("type", "INCIDENT", "title", title, "description",
				"Called", "urgency", "MEDIUM", "requesterId", caller.getId()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		Response assigned = api.post("/api/v1/tickets/" + created.json().get("id").asLong() + "/assign",
				Map.of("groupId", group.getId()));
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		return assigned.json();
	}

	private static String selection(JsonNode ticket) {
		return ticket.get("id").asLong() + ":" + ticket.get("version").asLong();
	}

	private String statusOf(JsonNode ticket) {
		return jdbc.queryForObject("select status from ticket where id = ?", String.class, ticket.get("id").asLong());
	}

	private String page(MockHttpSession session, String url) throws Exception {
		return mvc.perform(get(url).session(session).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpSession login(User user) throws Exception {
		return (MockHttpSession) mvc
			.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
