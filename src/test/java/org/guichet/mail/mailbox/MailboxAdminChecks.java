package org.guichet.mail.mailbox;

import java.util.ArrayList;
import java.util.List;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The mailboxes' administrators' page and REST API: create, change keeping the password, every
 * wrong field refused at once, the password never given back, the connection test, and nobody but
 * an administrator let in.
 * Run by {@link MailboxIT}.
 */
abstract class MailboxAdminChecks extends MailboxIntegrationTest {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private WebApplicationContext context;

	@LocalServerPort
	private int port;

	private RestClient api;

	private SupportGroup group;

	private String administrator;

	private final List<Long> created = new ArrayList<>();

	@BeforeEach
	void setUp() {
		api = RestClient.builder().baseUrl("http://localhost:" + port + "/api/v1/mailboxes")
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
		group = fixtures.group(SupportLevel.N1);
		administrator = fixtures.token(fixtures.user("mailbox-admin", Role.ADMINISTRATOR));
	}

	@Autowired
	private MailboxService mailboxes;

	/** Through the service, so that the IDLE watcher of a mailbox made on the page stops too. */
	@AfterEach
	void deleteMailboxes() {
		created.forEach(mailboxes::delete);
		created.clear();
	}

	@Test
	void anAdministratorCreatesAMailboxWhosePasswordIsStoredEncryptedAndNeverSentBack() {
		ResponseEntity<JsonNode> response = call(HttpMethod.POST, "", administrator, body("api-create", "s3cret-pass"));

		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
		JsonNode mailbox = response.getBody();
		long id = mailbox.get("id").asLong();
		created.add(id);
		assertThat(response.getHeaders().getLocation()).hasToString("/api/v1/mailboxes/" + id);
		assertThat(mailbox.get("address").asString()).isEqualTo("api-create@desk.example");
		assertThat(mailbox.get("folder").asString()).isEqualTo("INBOX");
		assertThat(mailbox.get("attachmentLimit").asLong()).as("the default").isEqualTo(10L * 1024 * 1024);
		assertThat(mailbox.get("allowed").get(0).asString()).isEqualTo("partner.example");
		assertThat(mailbox.has("password")).isFalse();
		assertThat(call(HttpMethod.GET, "/" + id, administrator, null).getBody().toString()).doesNotContain("s3cret-pass");
		assertThat(call(HttpMethod.GET, "", administrator, null).getBody().toString()).doesNotContain("s3cret-pass");
		String stored = jdbc.queryForObject("select password_secret from mailbox where id = ?", String.class, id);
		assertThat(stored).startsWith("v1.").doesNotContain("s3cret-pass");
	}

	@Test
	void aChangeWithoutPasswordKeepsTheStoredOneAndTheConnectionTestStillLogsIn() {
		JsonNode made = call(HttpMethod.POST, "", administrator, body("api-keep", TestMailServers.PASSWORD)).getBody();
		long id = made.get("id").asLong();
		created.add(id);
		String before = jdbc.queryForObject("select password_secret from mailbox where id = ?", String.class, id);

		ResponseEntity<JsonNode> changed = call(HttpMethod.PUT, "/" + id, administrator, body("api-keep", "")
			.replace("\"pollSeconds\": 30", "\"pollSeconds\": 120, \"version\": " + made.get("version").asLong()));

		assertThat(changed.getStatusCode().value()).as(String.valueOf(changed.getBody())).isEqualTo(200);
		assertThat(changed.getBody().get("pollSeconds").asInt()).isEqualTo(120);
		assertThat(jdbc.queryForObject("select password_secret from mailbox where id = ?", String.class, id))
			.isEqualTo(before);
		JsonNode test = call(HttpMethod.POST, "/" + id + "/test", administrator, null).getBody();
		assertThat(test.get("ok").asBoolean()).as(test.toString()).isTrue();
		assertThat(test.get("message").asString()).contains("INBOX");
	}

	@Test
	void theConnectionTestOfTheApiSaysWhichKindOfFailureItMet() {
		JsonNode test = call(HttpMethod.POST, "/test", administrator, body("api-test", "wrong")).getBody();

		assertThat(test.get("ok").asBoolean()).isFalse();
		assertThat(test.get("failure").get("kind").asString()).isEqualTo("CREDENTIALS");
		assertThat(test.get("message").asString()).contains("refused the login support");
	}

	@Test
	void aMailboxWithWrongFieldsIsRefusedListingEveryOne() {
		ResponseEntity<JsonNode> refused = call(HttpMethod.POST, "", administrator, """
				{"name": "", "address": "not an address", "protocol": "POP3", "host": "imap://x", "port": 0,
				 "security": "TLS", "username": "", "folder": "INBOX", "afterIngest": "MARK_SEEN", "pollSeconds": 5,
				 "idle": false, "enabled": true, "groupId": 999999999, "type": "INCIDENT", "unknownSenders": "TRIAGE",
				 "allowed": [], "blocked": ["spam.example", "not a domain"], "attachmentLimit": -1}""");

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		List<String> fields = new ArrayList<>();
		refused.getBody().get("errors").forEach(error -> fields.add(error.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("name", "address", "host", "port", "username", "password",
				"afterIngest", "pollSeconds", "groupId", "blocked", "attachmentLimit");
		assertThat(refused.getBody().toString()).contains("not a domain");
	}

	@Test
	void requestersAndAgentsAreRefusedTheApiAndThePage() throws Exception {
		for (Role role : List.of(Role.REQUESTER, Role.TECHNICIAN)) {
			String token = fixtures.token(fixtures.user("mailbox-" + role.name().toLowerCase(), role));
			assertThat(call(HttpMethod.GET, "", token, null).getStatusCode().value()).as(role.name()).isEqualTo(403);
			assertThat(call(HttpMethod.POST, "", token, body("nope", "x")).getStatusCode().value()).isEqualTo(403);
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
			mvc.perform(get("/admin/mailboxes").session(login(mvc, role))).andExpect(status().isForbidden());
		}
	}

	@Test
	void theAdministratorsPageCreatesRefusesEveryWrongFieldAndKeepsThePasswordOnAChange() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		MockHttpSession admin = login(mvc, Role.ADMINISTRATOR);
		String refused = mvc.perform(post("/admin/mailboxes/new").session(admin).with(csrf()).header("Accept-Language", "en")
				.param("name", "").param("address", "support").param("protocol", "IMAP").param("host", "mail.example.org")
				.param("port", "abc").param("security", "TLS").param("username", "support").param("password", "typed")
				.param("folder", "INBOX").param("afterIngest", "KEEP").param("pollSeconds", "60")
				.param("groupId", String.valueOf(group.getId())).param("type", "INCIDENT")
				.param("unknownSenders", "TRIAGE").param("attachmentLimit", "10"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"name-error\"", "id=\"address-error\"", "id=\"port-error\"",
				"id=\"afterIngest-error\"", "mark the messages seen", "value=\"mail.example.org\"")
			.doesNotContain("value=\"typed\"");

		mvc.perform(post("/admin/mailboxes/new").session(admin).with(csrf()).param("name", "Page support")
				.param("address", "Page-Support@Desk.example").param("protocol", "IMAP").param("host", TestMailServers.HOST)
				.param("port", String.valueOf(TestMailServers.IMAP.getPort())).param("security", "NONE")
				.param("username", TestMailServers.LOGIN).param("password", TestMailServers.PASSWORD).param("folder", "INBOX")
				.param("afterIngest", "MARK_SEEN").param("pollSeconds", "60").param("enabled", "true")
				.param("groupId", String.valueOf(group.getId())).param("type", "INCIDENT")
				.param("unknownSenders", "TRIAGE").param("attachmentLimit", "10"))
			.andExpect(redirectedUrl("/admin/mailboxes"));
		long id = jdbc.queryForObject("select id from mailbox where address = 'page-support@desk.example'", Long.class);
		created.add(id);
		String secret = jdbc.queryForObject("select password_secret from mailbox where id = ?", String.class, id);

		String form = mvc.perform(get("/admin/mailboxes/{id}/edit", id).session(admin)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(form).doesNotContain(TestMailServers.PASSWORD).contains("page-support@desk.example");
		mvc.perform(post("/admin/mailboxes/{id}/edit", id).session(admin).with(csrf()).param("name", "Page support 2")
				.param("version", String.valueOf(version(id)))
				.param("address", "page-support@desk.example").param("protocol", "IMAP").param("host", TestMailServers.HOST)
				.param("port", String.valueOf(TestMailServers.IMAP.getPort())).param("security", "NONE")
				.param("username", TestMailServers.LOGIN).param("password", "").param("folder", "INBOX")
				.param("afterIngest", "MARK_SEEN").param("pollSeconds", "90").param("enabled", "true")
				.param("groupId", String.valueOf(group.getId())).param("type", "INCIDENT")
				.param("unknownSenders", "TRIAGE").param("attachmentLimit", "10"))
			.andExpect(redirectedUrl("/admin/mailboxes"));
		assertThat(jdbc.queryForObject("select password_secret from mailbox where id = ?", String.class, id)).isEqualTo(secret);
		assertThat(jdbc.queryForObject("select poll_seconds from mailbox where id = ?", Integer.class, id)).isEqualTo(90);

		String tested = mvc.perform(post("/admin/mailboxes/test").session(admin).with(csrf()).header("HX-Request", "true")
				.header("Accept-Language", "en").param("id", String.valueOf(id)).param("name", "Page support 2")
				.param("address", "page-support@desk.example").param("protocol", "IMAP").param("host", TestMailServers.HOST)
				.param("port", String.valueOf(TestMailServers.IMAP.getPort())).param("security", "NONE")
				.param("username", TestMailServers.LOGIN).param("password", "").param("folder", "INBOX")
				.param("afterIngest", "MARK_SEEN").param("pollSeconds", "90"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(tested).contains("id=\"connection-ok\"", "Connected with IMAP").doesNotContain("<html");

		String list = mvc.perform(get("/admin/mailboxes").session(admin))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("Page support 2", "page-support@desk.example", "Messages ingested");
	}

	@Test
	void aChangeOnThePageMadeOnAnOldVersionComesBackAsTypedSayingItChangedMeanwhileAndChangesNothing()
			throws Exception {
		JsonNode made = call(HttpMethod.POST, "", administrator, body("page-stale", TestMailServers.PASSWORD)).getBody();
		long id = made.get("id").asLong();
		created.add(id);
		long read = made.get("version").asLong();
		ResponseEntity<JsonNode> meanwhile = call(HttpMethod.PUT, "/" + id, administrator, body("page-stale", "")
			.replace("\"pollSeconds\": 30", "\"pollSeconds\": 120, \"version\": " + read));
		assertThat(meanwhile.getStatusCode().value()).as(String.valueOf(meanwhile.getBody())).isEqualTo(200);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

		String page = mvc.perform(post("/admin/mailboxes/{id}/edit", id).session(login(mvc, Role.ADMINISTRATOR))
				.with(csrf()).header("Accept-Language", "en").param("version", String.valueOf(read))
				.param("name", "Typed on a stale form").param("address", "page-stale@desk.example")
				.param("protocol", "IMAP").param("host", TestMailServers.HOST)
				.param("port", String.valueOf(TestMailServers.IMAPS.getPort())).param("security", "TLS")
				.param("username", TestMailServers.LOGIN).param("password", "").param("folder", "INBOX")
				.param("afterIngest", "MARK_SEEN").param("pollSeconds", "777").param("enabled", "true")
				.param("groupId", String.valueOf(group.getId())).param("type", "INCIDENT")
				.param("unknownSenders", "TRIAGE").param("attachmentLimit", "10"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Someone else changed this since you opened the form", "value=\"777\"",
				"value=\"Typed on a stale form\"", "name=\"version\" value=\"" + version(id) + "\"");
		assertThat(jdbc.queryForObject("select poll_seconds from mailbox where id = ?", Integer.class, id))
			.as("the other administrator's change stays").isEqualTo(120);
	}

	private long version(long mailboxId) {
		return jdbc.queryForObject("select version from mailbox where id = ?", Long.class, mailboxId);
	}

	private MockHttpSession login(MockMvc mvc, Role role) throws Exception {
		return (MockHttpSession) mvc
			.perform(formLogin().user(fixtures.user("mailbox-page-" + role.name().toLowerCase(), role).getUsername())
				.password(TestFixtures.PASSWORD))
			.andReturn().getRequest().getSession();
	}

	private String body(String local, String password) {
		return """
				{"name": "%s", "address": "%s@Desk.example", "protocol": "IMAP", "host": "%s", "port": %d,
				 "security": "TLS", "username": "%s", "password": "%s", "afterIngest": "MARK_SEEN",
				 "folder": "INBOX", "pollSeconds": 30, "idle": false, "enabled": true, "groupId": %d, "type": "INCIDENT",
				 "unknownSenders": "CREATE_REQUESTER", "allowed": ["Partner.example"], "blocked": [],
				 "attachmentLimit": 10485760}"""
			.formatted(local, local, TestMailServers.HOST, TestMailServers.IMAPS.getPort(), TestMailServers.LOGIN, password,
					group.getId());
	}

	private ResponseEntity<JsonNode> call(HttpMethod method, String path, String token, String json) {
		RestClient.RequestBodySpec request = api.method(method).uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(json);
		}
		return request.retrieve().toEntity(JsonNode.class);
	}

}
