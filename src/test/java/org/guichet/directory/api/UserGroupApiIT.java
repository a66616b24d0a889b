package org.guichet.directory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.guichet.directory.PasswordResets;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Users, groups and their members through the API, for administrators only, with the rules of
 * Administration › Users and › Groups (the same service): the page and the API refuse the same.
 */
@GuichetIntegrationTest
class UserGroupApiIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	TestFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordResets resets;

	@Autowired
	UserRepository users;

	@Autowired
	WebApplicationContext context;

	@LocalServerPort
	int port;

	User adminUser;

	ApiClient admin;

	ApiClient technician;

	@BeforeEach
	void setUp() {
		adminUser = fixtures.user("api-admin", Role.ADMINISTRATOR);
		admin = ApiClient.bearer(port, fixtures.token(adminUser));
		technician = ApiClient.bearer(port, fixtures.token(fixtures.user("api-tech", Role.TECHNICIAN)));
	}

	@Test
	void onlyAdministratorsManageUsersAndGroups() {
		assertThat(ApiClient.anonymous(port).get("/api/v1/users").status()).isEqualTo(401);
		Response refused = technician.get("/api/v1/users");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(technician.post("/api/v1/users", Map.of("username", "x", "fullName", "X")).status()).isEqualTo(403);
		assertThat(technician.post("/api/v1/groups", Map.of("name", "X", "level", "N1", "memberIds", List.of())).status()).isEqualTo(403);
		assertThat(technician.get("/api/v1/groups").status()).isEqualTo(200);
	}

	@Test
	void aDeactivatedOrDemotedPersonIsSignedOutAtTheirNextRequestAndOtherChangesKeepTheirSession() throws Exception {
		String base = "http://localhost:" + port;
		User requester = fixtures.user("session-requester", Role.REQUESTER);
		User promoted = fixtures.user("session-admin", Role.ADMINISTRATOR);
		// over HTTP, so that the sessions live where the application keeps them (the database)
		WebSession requesterSession = WebSession.signedIn(base, requester);
		WebSession adminSession = WebSession.signedIn(base, promoted);
		WebSession adminOtherTab = WebSession.signedIn(base, promoted);
		assertThat(requesterSession.get("/portal").statusCode()).isEqualTo(200);
		assertThat(adminSession.get("/admin/users").statusCode()).isEqualTo(200);

		assertThat(replace(requester, "phone", "+33 1 02 03 04 05").status()).isEqualTo(200);
		assertThat(requesterSession.get("/portal").statusCode()).as("a new phone number ends nothing").isEqualTo(200);

		assertThat(replace(requester, "active", false).status()).isEqualTo(200);
		assertThat(requesterSession.get("/portal").headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login?expired"));

		assertThat(replace(promoted, "role", "TECHNICIAN").status()).isEqualTo(200);
		assertThat(adminSession.get("/admin/users").headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login?expired"));
		HttpResponse<String> inPlace = adminOtherTab.get("/admin/users", Map.of("HX-Request", "true"));
		assertThat(inPlace.statusCode()).as("an htmx request loads the login page whole, not in a part").isEqualTo(401);
		assertThat(inPlace.headers().firstValue("HX-Redirect"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login?expired"));
		assertThat(WebSession.signedIn(base, promoted).get("/admin/users").statusCode())
			.as("signed in again, as a technician").isEqualTo(403);
	}

	/** Replaces an account through the API with what its GET gives, one member changed. */
	private Response replace(User user, String member, Object value) {
		Response read = admin.get("/api/v1/users/" + user.getId());
		Map<String, Object> body = JSON.convertValue(read.json(), new TypeReference<Map<String, Object>>() {
		});
		body.put(member, value);
		return admin.put("/api/v1/users/" + user.getId(), body, "If-Match", read.header("ETag"));
	}

	@Test
	void anAdministratorCreatesFindsAndChangesAUserWithThePagesRules() {
		String username = "api-" + UUID.randomUUID().toString().substring(0, 8);
		Response created = admin.post("/api/v1/users", Map.of("username", username, "fullName", "Jeanne Api",
				"email", username + "@example.org", "role", "TECHNICIAN", "password", "a-long-initial-password"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.header("Location")).isEqualTo("/api/v1/users/" + id);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		assertThat(created.text()).doesNotContain("password\":\"", "a-long-initial-password");
		assertThat(ApiClient.basic(port, username, "a-long-initial-password").get("/api/v1/users/me").status())
			.isEqualTo(200);

		Response refused = admin.post("/api/v1/users", Map.of("username", username, "fullName", "", "email",
				"not-an-address", "password", "short"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(codes(refused)).containsEntry("username", "admin.users.username.taken")
			.containsEntry("fullName", "field.required")
			.containsEntry("email", "field.email-invalid")
			.containsEntry("password", "password.too-short");
		Response tooLong = admin.post("/api/v1/users", Map.of("username", username + "-long", "fullName", "Long",
				"password", "é".repeat(37)));
		assertThat(tooLong.status()).as("bcrypt hashes 72 bytes: 37 accented letters are 74").isEqualTo(400);
		assertThat(codes(tooLong)).containsEntry("password", "password.too-long");

		JsonNode found = admin.get("/api/v1/users?text=" + username.toUpperCase() + "&role=TECHNICIAN&active=true")
			.json();
		assertThat(found.get("total").asLong()).isEqualTo(1);
		assertThat(found.get("items").get(0).get("id").asLong()).isEqualTo(id);
		assertThat(admin.get("/api/v1/users?text=" + username + "&role=REQUESTER").json().get("total").asLong())
			.isZero();
		assertThat(admin.get("/api/v1/users?size=500").json().get("field").asText()).isEqualTo("size");

		Map<String, Object> change = new HashMap<>(Map.of("fullName", "Jeanne Changed", "role", "TECHNICIAN", "vip",
				false, "active", false));
		assertThat(admin.put("/api/v1/users/" + id, change).status()).isEqualTo(428);
		Response changed = admin.put("/api/v1/users/" + id, change, "If-Match", "\"0\"");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("active").asBoolean()).isFalse();
		assertThat(changed.header("ETag")).isEqualTo("\"1\"");
		Response stale = admin.put("/api/v1/users/" + id, change, "If-Match", "\"0\"");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(1);
		assertThat(admin.get("/api/v1/users?text=" + username + "&active=false").json().get("total").asLong())
			.isEqualTo(1);
		assertThat(admin.delete("/api/v1/users/" + id).status()).isEqualTo(405);

		Map<String, Object> self = new HashMap<>(Map.of("fullName", adminUser.getFullName(), "role", "REQUESTER",
				"vip", false, "active", false, "version", adminUser.getVersion()));
		assertThat(codes(admin.put("/api/v1/users/" + adminUser.getId(), self)))
			.containsEntry("role", "admin.users.self.role")
			.containsEntry("active", "admin.users.self.active");
	}

	@Test
	void aUserWithoutPasswordGetsTheResetMailAndOneWithoutAddressIsRefused() {
		String username = "mailed-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(codes(admin.post("/api/v1/users", Map.of("username", username, "fullName", "No Mail"))))
			.containsEntry("password", "admin.users.password.or-email");
		Response created = admin.post("/api/v1/users",
				Map.of("username", username, "fullName", "Mailed", "email", username + "@example.org"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(jdbc.sql("select count(*) from password_reset_token where user_id = :id").param("id", id)
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient_id = :id").param("id", id)
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void anAdministratorGivesAPersonWithoutAddressAResetLinkOnceWithThePagesRules() {
		String username = "nomail-" + UUID.randomUUID().toString().substring(0, 8);
		long id = admin.post("/api/v1/users", Map.of("username", username, "fullName", "Sans Adresse", "password",
				"a-first-password")).json().get("id").asLong();
		resets.request(username, "192.0.2.7");
		assertThat(admin.get("/api/v1/users/password-resets").json().findValuesAsString("username")).contains(username);

		Response issued = admin.post("/api/v1/users/" + id + "/password-reset", "");
		assertThat(issued.status()).as(issued.text()).isEqualTo(200);
		assertThat(issued.header("Cache-Control")).contains("no-store");
		String link = issued.json().get("link").asString();
		assertThat(link).contains(":" + port + "/password/reset?token=");
		assertThat(resets.holder(link.substring(link.indexOf("token=") + "token=".length()))).isPresent();
		assertThat(admin.get("/api/v1/users/password-resets").json().findValuesAsString("username"))
			.as("the request is answered").doesNotContain(username);

		assertThat(admin.post("/api/v1/users/987654321/password-reset", "").status()).isEqualTo(404);
		User fromDirectory = fromTheDirectory(fixtures.user("ldap-reset", Role.REQUESTER));
		Response refused = admin.post("/api/v1/users/" + fromDirectory.getId() + "/password-reset", "");
		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.json().get("code").asString()).isEqualTo("password.directory");
		assertThat(technician.post("/api/v1/users/" + id + "/password-reset", "").status()).isEqualTo(403);

		User deactivated = fixtures.user("inactive-reset", Role.REQUESTER);
		deactivated.setActive(false);
		users.save(deactivated);
		Response inactive = admin.post("/api/v1/users/" + deactivated.getId() + "/password-reset", "");
		assertThat(inactive.status()).as(inactive.text()).isEqualTo(409);
		assertThat(inactive.json().get("code").asString()).isEqualTo("password.inactive");
	}

	@Test
	void anAccountCreatedDeactivatedWithoutPasswordIsRefusedForItWouldGetNoLink() {
		String username = "asleep-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(codes(admin.post("/api/v1/users", Map.of("username", username, "fullName", "Asleep", "email",
				username + "@example.org", "active", false))))
			.containsEntry("password", "admin.users.password.inactive");
	}

	@Test
	void theDirectoryFieldsOfADirectoryAccountCannotChangeButItCanBeDeactivated() {
		User person = fromTheDirectory(fixtures.user("ldap", Role.REQUESTER));
		JsonNode read = admin.get("/api/v1/users/" + person.getId()).json();
		assertThat(read.get("fromDirectory").asBoolean()).isTrue();
		Map<String, Object> body = new HashMap<>(Map.of("fullName", "Renamed", "email", person.getEmail(), "language",
				"en", "role", "REQUESTER", "vip", false, "active", true, "version", person.getVersion()));
		assertThat(codes(admin.put("/api/v1/users/" + person.getId(), body))).containsEntry("fullName",
				"user.directory-owned");
		body.put("fullName", person.getFullName());
		body.put("active", false);
		Response deactivated = admin.put("/api/v1/users/" + person.getId(), body);
		assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
		assertThat(deactivated.json().get("active").asBoolean()).isFalse();
	}

	@Test
	void groupsAndMembersFollowThePagesRulesAndAGroupAWebhookUsesIsKept() throws Exception {
		User tech = fixtures.user("member", Role.TECHNICIAN);
		User requester = fixtures.user("not-member", Role.REQUESTER);
		String name = "Api group " + UUID.randomUUID().toString().substring(0, 8);

		Response refused = admin.post("/api/v1/groups",
				Map.of("name", name, "level", "N2", "memberIds", List.of(tech.getId(), requester.getId())));
		assertThat(codes(refused)).containsEntry("memberIds", "admin.groups.members.agents-only");
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		mvc.perform(post("/admin/groups/new").with(user(TestFixtures.current(adminUser)))
			.with(csrf())
			.param("name", name)
			.param("level", "N2")
			.param("memberIds", String.valueOf(tech.getId()), String.valueOf(requester.getId())))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("groupForm", "memberIds", "admin.groups.members.agents-only"));

		Response created = admin.post("/api/v1/groups", Map.of("name", name, "level", "N2", "memberIds",
				List.of(tech.getId())));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(codes(admin.post("/api/v1/groups", Map.of("name", name, "level", "N1", "memberIds", List.of()))))
			.containsEntry("name", "admin.groups.name.taken");
		assertThat(admin.put("/api/v1/groups/" + id + "/members/" + requester.getId(), Map.of()).status())
			.isEqualTo(400);
		User other = fixtures.user("other-member", Role.SUPERVISOR);
		JsonNode withTwo = admin.put("/api/v1/groups/" + id + "/members/" + other.getId(), Map.of()).json();
		assertThat(withTwo.get("members")).hasSize(2);
		assertThat(admin.get("/api/v1/users?groupId=" + id).json().get("total").asLong()).isEqualTo(2);
		Response withOne = admin.delete("/api/v1/groups/" + id + "/members/" + tech.getId());
		assertThat(withOne.json().get("members")).hasSize(1);
		Response renamed = admin.put("/api/v1/groups/" + id, Map.of("name", name + " renamed", "level", "N3",
				"memberIds", List.of(other.getId())), "If-Match", withOne.header("ETag"));
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
		assertThat(renamed.json().get("level").asText()).isEqualTo("N3");
		Response read = admin.get("/api/v1/groups/" + id);
		ObjectNode edited = ((ObjectNode) read.json()).put("name", name + " edited");
		Response sentBack = admin.put("/api/v1/groups/" + id, edited, "If-Match", read.header("ETag"));
		assertThat(sentBack.status()).as("a group read, changed and sent back: " + sentBack).isEqualTo(200);
		assertThat(sentBack.json().get("memberIds")).as("its members kept").hasSize(1);
		assertThat(sentBack.json().get("memberIds").get(0).asLong()).isEqualTo(other.getId());

		Response webhook = admin.post("/api/v1/webhooks", Map.of("name", "Uses " + name, "url",
				"https://example.org/hook", "events", List.of("ticket.created"), "groupIds", List.of(id), "active", true,
				"categoryIds", List.of()));
		assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
		Response kept = admin.delete("/api/v1/groups/" + id);
		assertThat(kept.status()).isEqualTo(409);
		assertThat(kept.json().get("code").asText()).isEqualTo("webhooks.group.in-use");
		assertThat(admin.delete("/api/v1/webhooks/" + webhook.json().get("webhook").get("id").asLong()).status())
			.isEqualTo(204);
		assertThat(admin.delete("/api/v1/groups/" + id).status()).isEqualTo(204);
		assertThat(admin.get("/api/v1/groups/" + id).status()).isEqualTo(404);
	}

	@Test
	void theOpenApiDescriptionShowsTheAdministrationOperations() {
		JsonNode paths = ApiClient.anonymous(port).get("/v3/api-docs").json().get("paths");
		assertThat(paths.get("/api/v1/users").has("post")).isTrue();
		assertThat(paths.get("/api/v1/users/{id}").has("put")).isTrue();
		assertThat(paths.get("/api/v1/groups").has("post")).isTrue();
		assertThat(paths.get("/api/v1/groups/{id}/members/{userId}").has("delete")).isTrue();
		assertThat(paths.get("/api/v1/categories/{id}").has("put")).isTrue();
		assertThat(paths.get("/api/v1/categories/{id}/deactivate").has("post")).isTrue();
		assertThat(paths.get("/api/v1/admin/settings/priority-matrix").has("put")).isTrue();
		assertThat(paths.get("/api/v1/admin/settings/requester-sla").has("put")).isTrue();
	}

	/** Each refused field's code. */
	static Map<String, String> codes(Response refused) {
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		Map<String, String> codes = new HashMap<>();
		refused.json().get("errors").forEach(error -> codes.put(error.get("field").asText(), error.get("code").asText()));
		return codes;
	}

	/** The account, now known as one the synchronisation brought in from the directory. */
	private User fromTheDirectory(User person) {
		jdbc.sql("insert into directory_account (user_id, external_id, dn, synced_at) values (:id, :ext, :dn, :at)")
			.param("id", person.getId())
			.param("ext", UUID.randomUUID().toString())
			.param("dn", "uid=" + person.getUsername() + ",ou=people")
			.param("at", Timestamp.from(Instant.now()))
			.update();
		return person;
	}

}
