package org.guichet.directory.ldap;

import java.time.Duration;
import java.util.Optional;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import org.guichet.directory.AccountOrigins;
import org.guichet.directory.Accounts;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportGroupRepository;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.system.InvalidInputException;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.LocalServers;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The LDAP directory against a real LDAP server in the test's JVM (UnboundID's in-memory
 * directory, loaded from {@code directory/people.ldif}): login with the directory's password,
 * the synchronisation of people, managers, roles and support groups (read two per page), a person
 * removed from the directory deactivated and never deleted, and a directory that is down, which
 * deactivates nobody while local accounts still log in.
 */
@GuichetIntegrationTest
class LdapDirectoryIT {

	private static final String BASE = "dc=example,dc=org";

	private static final String PEOPLE = "ou=people," + BASE;

	private static final String SUPPORT_GROUP = "LDAP helpdesk";

	private static final int PORT = LocalServers.freePort();

	private static final InMemoryDirectoryServer server = started();

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private DirectorySync sync;

	@Autowired
	private UserRepository users;

	@Autowired
	private SupportGroupRepository groups;

	@Autowired
	private AccountOrigins origins;

	@Autowired
	private Accounts accounts;

	@Autowired
	private PasswordEncoder passwords;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TransactionTemplate transactions;

	@LocalServerPort
	private int port;

	private MockMvc mvc;

	@DynamicPropertySource
	static void directory(DynamicPropertyRegistry registry) {
		registry.add("guichet.directory.ldap.enabled", () -> "true");
		registry.add("guichet.directory.ldap.urls", () -> "ldap://localhost:" + PORT);
		registry.add("guichet.directory.ldap.base-dn", () -> BASE);
		registry.add("guichet.directory.ldap.bind-dn", () -> "cn=guichet,dc=example,dc=org");
		registry.add("guichet.directory.ldap.bind-password", () -> "service-password");
		registry.add("guichet.directory.ldap.user-search-base", () -> "ou=people");
		registry.add("guichet.directory.ldap.group-search-base", () -> "ou=groups");
		registry.add("guichet.directory.ldap.group-mappings[0].group", () -> "cn=guichet-admins,ou=groups," + BASE);
		registry.add("guichet.directory.ldap.group-mappings[0].role", () -> "ADMINISTRATOR");
		registry.add("guichet.directory.ldap.group-mappings[1].group", () -> "guichet-agents");
		registry.add("guichet.directory.ldap.group-mappings[1].role", () -> "TECHNICIAN");
		registry.add("guichet.directory.ldap.group-mappings[1].support-groups", () -> SUPPORT_GROUP);
		registry.add("guichet.directory.ldap.sync-interval", () -> "0s");
		registry.add("guichet.directory.ldap.page-size", () -> "2");
		registry.add("guichet.directory.ldap.connect-timeout", () -> "1s");
		registry.add("guichet.directory.ldap.read-timeout", () -> "5s");
	}

	@AfterAll
	static void stop() {
		server.shutDown(true);
	}

	@BeforeEach
	void setUp() throws LDAPException {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		if (groups.findByName(SUPPORT_GROUP).isEmpty()) {
			groups.save(new SupportGroup(SUPPORT_GROUP, SupportLevel.N1));
		}
		if (server.getListenPort() < 0) {
			server.startListening();
		}
	}

	@Test
	void aPersonLogsInWithTheDirectoryPasswordAndTheirAccountComesFromTheDirectory() throws Exception {
		mvc.perform(post("/login").with(csrf()).param("username", "ldap.tech").param("password", "theo-directory-password"))
			.andExpect(authenticated().withUsername("ldap.tech").withRoles(Role.TECHNICIAN.name()));

		User theo = users.findByUsername("ldap.tech").orElseThrow();
		assertThat(theo.getFullName()).isEqualTo("Théo Bernard");
		assertThat(theo.getEmail()).isEqualTo("theo.bernard@example.org");
		assertThat(theo.getLocation()).isEqualTo("Paris");
		assertThat(theo.getRole()).isEqualTo(Role.TECHNICIAN);
		assertThat(origins.fromDirectory(theo.id())).isTrue();
		assertThat(memberOfSupportGroup(theo)).isTrue();
	}

	@Test
	void aWrongDirectoryPasswordOrAnUnknownNameIsRefused() throws Exception {
		mvc.perform(post("/login").with(csrf()).param("username", "ldap.paul").param("password", "not-his-password"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(post("/login").with(csrf()).param("username", "ldap.nobody").param("password", "whatever-password"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aDirectoryAccountNeverAcceptsALocalPassword() throws Exception {
		mvc.perform(post("/login").with(csrf()).param("username", "ldap.paul").param("password", "paul-directory-password"))
			.andExpect(authenticated());
		User paul = users.findByUsername("ldap.paul").orElseThrow();
		// a local password hash slipped in by whatever means is never looked at
		paul.changePasswordHash(passwords.encode("a-local-password"));
		users.save(paul);

		mvc.perform(post("/login").with(csrf()).param("username", "ldap.paul").param("password", "a-local-password"))
			.andExpect(unauthenticated());
		assertThatThrownBy(() -> accounts.changePassword(paul.id(), "a-local-password", "another-local-password"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("directory");
	}

	@Test
	void theSyncBringsInPeopleWithTheirFieldsManagerRolesAndSupportGroups() {
		assertThat(sync.run(false)).isTrue();

		DirectorySync.LastSync last = sync.last();
		assertThat(last.succeeded()).isTrue();
		assertThat(last.found()).isEqualTo(3);
		assertThat(last.failed()).isZero();
		User marie = users.findByUsername("ldap.marie").orElseThrow();
		assertThat(marie.getFullName()).isEqualTo("Marie Martin");
		assertThat(marie.getPhone()).isEqualTo("+33 1 23 45 67 89");
		assertThat(marie.getDepartment()).isEqualTo("Finance");
		assertThat(marie.getLocation()).isEqualTo("Lyon");
		assertThat(marie.getLanguage()).isEqualTo("fr");
		assertThat(marie.getRole()).isEqualTo(Role.ADMINISTRATOR);
		User paul = users.findWithManagerById(users.findByUsername("ldap.paul").orElseThrow().getId()).orElseThrow();
		assertThat(paul.getManager()).isNotNull();
		assertThat(paul.getManager().getUsername()).isEqualTo("ldap.marie");
		assertThat(paul.getLanguage()).isEqualTo("en");
		assertThat(paul.getRole()).isEqualTo(Role.REQUESTER);
		assertThat(memberOfSupportGroup(paul)).isFalse();
		assertThat(memberOfSupportGroup(users.findByUsername("ldap.tech").orElseThrow())).isTrue();
	}

	@Test
	void aPersonRemovedFromTheDirectoryIsDeactivatedNeverDeletedAndActiveAgainWhenBack() throws Exception {
		sync.run(false);
		long paulId = users.findByUsername("ldap.paul").orElseThrow().getId();
		String paulEntry = server.getEntry("uid=ldap.paul," + PEOPLE).toLDIFString();
		server.delete("uid=ldap.paul," + PEOPLE);
		try {
			sync.run(false);

			assertThat(sync.last().deactivated()).isEqualTo(1);
			Optional<User> paul = users.findById(paulId);
			assertThat(paul).isPresent();
			assertThat(paul.get().isActive()).isFalse();
			assertThat(users.findByUsername("ldap.marie").orElseThrow().isActive()).isTrue();
		}
		finally {
			server.add(paulEntry.split("\n"));
		}
		sync.run(false);

		assertThat(sync.last().reactivated()).isEqualTo(1);
		assertThat(users.findById(paulId).orElseThrow().isActive()).isTrue();
	}

	@Test
	void aDirectoryThatIsDownDeactivatesNobodyAndLocalAccountsStillLogIn() throws Exception {
		sync.run(false);
		User admin = fixtures.user("ldap-local-admin", Role.ADMINISTRATOR);
		server.shutDown(true);
		try {
			sync.run(false);

			DirectorySync.LastSync last = sync.last();
			assertThat(last.succeeded()).isFalse();
			assertThat(last.errorLines()).isNotEmpty();
			assertThat(last.deactivated()).isZero();
			assertThat(users.findByUsername("ldap.marie").orElseThrow().isActive()).isTrue();
			assertThat(users.findByUsername("ldap.paul").orElseThrow().isActive()).isTrue();
			mvc.perform(post("/login").with(csrf())
					.param("username", admin.getUsername()).param("password", TestFixtures.PASSWORD))
				.andExpect(authenticated());
			mvc.perform(post("/login").with(csrf()).param("username", "ldap.marie").param("password", "marie-directory-password"))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?error=directory"));
			mvc.perform(get("/login").param("error", "directory"))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"directory-down\"")));
		}
		finally {
			server.startListening();
		}
	}

	@Test
	void theAdministratorsPageShowsTheLastSyncAndSynchronisesOnDemand() throws Exception {
		sync.run(false);
		java.time.Instant before = sync.last().startedAt();
		User admin = fixtures.user("ldap-page-admin", Role.ADMINISTRATOR);

		mvc.perform(get("/admin/directory").with(user(TestFixtures.current(admin))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"directory-last-sync\"")));
		mvc.perform(post("/admin/directory/sync").with(csrf()).with(user(TestFixtures.current(admin))))
			.andExpect(redirectedUrl("/admin/directory"));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> sync.last().running() == null && sync.last().startedAt() != null
					&& sync.last().startedAt().isAfter(before));
		assertThat(sync.last().succeeded()).isTrue();
	}

	@Test
	void theApiShowsTheSettingsWithoutThePasswordAndSynchronisesOnDemandForAdministratorsOnly() {
		sync.run(false);
		java.time.Instant before = sync.last().startedAt();
		ApiClient admin = ApiClient.bearer(port, fixtures.token(fixtures.user("ldap-api-admin", Role.ADMINISTRATOR)));

		ApiClient.Response shown = admin.get("/api/v1/directory/ldap");
		assertThat(shown.status()).as(shown.text()).isEqualTo(200);
		assertThat(shown.json().get("enabled").asBoolean()).isTrue();
		assertThat(shown.json().get("urls").get(0).asString()).isEqualTo("ldap://localhost:" + PORT);
		assertThat(shown.json().get("bindDn").asString()).isEqualTo("cn=guichet,dc=example,dc=org");
		assertThat(shown.json().get("groupMappings").get(1).get("supportGroups").get(0).asString())
			.isEqualTo(SUPPORT_GROUP);
		assertThat(shown.json().get("syncInterval").asString()).as("ISO-8601").isEqualTo("PT0S");
		assertThat(shown.json().get("last").get("found").asInt()).isEqualTo(3);
		assertThat(shown.text()).as("the service account's password is never shown").doesNotContain("service-password");

		ApiClient.Response started = admin.post("/api/v1/directory/ldap/sync", "");
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		assertThat(started.json().get("started").asBoolean()).isTrue();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> sync.last().running() == null && sync.last().startedAt() != null
					&& sync.last().startedAt().isAfter(before));
		assertThat(admin.get("/api/v1/directory/ldap").json().get("last").get("succeeded").asBoolean()).isTrue();

		ApiClient technician = ApiClient.bearer(port, fixtures.token(fixtures.user("ldap-api-tech", Role.TECHNICIAN)));
		assertThat(technician.get("/api/v1/directory/ldap").status()).isEqualTo(403);
		assertThat(technician.post("/api/v1/directory/ldap/sync", "").status()).isEqualTo(403);
	}

	@Test
	void theUsersAdministrationShowsADirectoryAccountsOriginAndKeepsTheDirectorysFields() throws Exception {
		sync.run(false);
		User admin = fixtures.user("ldap-users-admin", Role.ADMINISTRATOR);
		User marie = users.findByUsername("ldap.marie").orElseThrow();

		mvc.perform(get("/admin/users").param("q", "ldap.marie").with(user(TestFixtures.current(admin))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Directory")));
		mvc.perform(get("/admin/users/{id}/edit", marie.getId()).with(user(TestFixtures.current(admin))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"user-origin\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"password\""))));
		mvc.perform(post("/admin/users/{id}/edit", marie.getId()).with(csrf())
				.with(user(TestFixtures.current(admin)))
				.param("username", "ldap.marie")
				.param("fullName", "Someone Else")
				.param("role", "REQUESTER")
				.param("vip", "true")
				.param("active", "true")
				.param("password", "a-local-password-typed")
				.param("version", String.valueOf(marie.getVersion())))
			.andExpect(redirectedUrl("/admin/users"));

		User saved = users.findByUsername("ldap.marie").orElseThrow();
		assertThat(saved.getFullName()).isEqualTo("Marie Martin");
		assertThat(saved.getRole()).isEqualTo(Role.ADMINISTRATOR);
		assertThat(saved.isVip()).isTrue();
		assertThat(saved.getPasswordHash()).isEqualTo(DirectoryAccounts.NO_LOCAL_PASSWORD);
	}

	private boolean memberOfSupportGroup(User user) {
		return Boolean.TRUE.equals(transactions.execute(status -> groups.findByName(SUPPORT_GROUP)
			.orElseThrow()
			.hasMember(user.getId())));
	}

	private static InMemoryDirectoryServer started() {
		try {
			InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
			config.addAdditionalBindCredentials("cn=guichet,dc=example,dc=org", "service-password");
			config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", PORT));
			InMemoryDirectoryServer directory = new InMemoryDirectoryServer(config);
			directory.importFromLDIF(true, LdapDirectoryIT.class.getResource("/directory/people.ldif").getPath());
			directory.startListening();
			return directory;
		}
		catch (LDAPException ex) {
			throw new IllegalStateException("Could not start the in-memory directory", ex);
		}
	}

}
