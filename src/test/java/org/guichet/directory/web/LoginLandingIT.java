package org.guichet.directory.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Where a login lands: on the page (with its query) that sent the person to the login form —
 * a bookmarked report, a ticket, any page — never on another host; on the home page otherwise.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class LoginLandingIT {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TestFixtures fixtures;

	@LocalServerPort
	private int port;

	private MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void aBookmarkedReportOpenedLoggedOutOpensWithItsQueryAfterTheLogin() throws Exception {
		User supervisor = fixtures.user("landing-supervisor", Role.SUPERVISOR);
		assertLandsOn(supervisor, "/reports?period=LAST_MONTH&group=2", "/reports?period=LAST_MONTH&group=2");
	}

	@Test
	void anyPageAskedForLoggedOutIsWhereTheLoginLands() throws Exception {
		User technician = fixtures.user("landing-technician", Role.TECHNICIAN);
		assertLandsOn(technician, "/agent?queue=ALL&status=NEW&sort=created", "/agent?queue=ALL&status=NEW&sort=created");
		User requester = fixtures.user("landing-requester", Role.REQUESTER);
		assertLandsOn(requester, "/portal/notifications", "/portal/notifications");
	}

	@Test
	void aForgedHostNeverSendsTheLoginToAnotherSite() throws Exception {
		User supervisor = fixtures.user("landing-host", Role.SUPERVISOR);
		MockHttpSession session = new MockHttpSession();
		mvc.perform(get("/reports").queryParam("period", "LAST_WEEK").header("Host", "evil.example")
				.accept(MediaType.TEXT_HTML).session(session))
			.andExpect(redirectedUrl("/login"));
		mvc.perform(post("/login").session(session).with(csrf())
				.param("username", supervisor.getUsername()).param("password", TestFixtures.PASSWORD))
			.andExpect(redirectedUrl("/reports?period=LAST_WEEK"));
	}

	@Test
	void aFragmentAskedForByHtmxIsNoPageToLandOn() throws Exception {
		User technician = fixtures.user("landing-htmx", Role.TECHNICIAN);
		MockHttpSession session = new MockHttpSession();
		// htmx loads the login page as the whole page (SessionEndedIT), never inside the part it replaces
		mvc.perform(get("/agent?queue=ALL").header("HX-Request", "true").accept(MediaType.TEXT_HTML).session(session))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login?timeout"));
		mvc.perform(post("/login").session(session).with(csrf())
				.param("username", technician.getUsername()).param("password", TestFixtures.PASSWORD))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void aLoginWithoutAPageAskedForLandsOnTheHomePage() throws Exception {
		User supervisor = fixtures.user("landing-direct", Role.SUPERVISOR);
		mvc.perform(post("/login").session(new MockHttpSession()).with(csrf())
				.param("username", supervisor.getUsername()).param("password", TestFixtures.PASSWORD))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void overHttpThePageAskedForIsKeptInTheSessionStoreThatEveryNodeReads() throws Exception {
		User technician = fixtures.user("landing-stored", Role.TECHNICIAN);
		WebSession browser = new WebSession("http://localhost:" + port);
		assertThat(browser.get("/agent?queue=ALL&status=NEW", Map.of("Accept", "text/html")).headers()
			.firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
		HttpResponse<String> login = browser.submit("/login", "/login",
				Map.of("username", technician.getUsername(), "password", TestFixtures.PASSWORD));
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/agent?queue=ALL&status=NEW"));
	}

	private void assertLandsOn(User user, String asked, String landing) throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(get(asked).accept(MediaType.TEXT_HTML).session(session)).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/login").session(session).with(csrf())
				.param("username", user.getUsername()).param("password", TestFixtures.PASSWORD))
			.andExpect(redirectedUrl(landing));
	}

}
