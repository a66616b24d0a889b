package org.guichet.directory.web;

import java.time.Duration;

import org.guichet.directory.PasswordResets;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.WebSession;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Forgot password" for an account without e-mail address: the request answers the same whether
 * the account exists or not, an administrator issues a one-time link valid 30 minutes, a newer link or a reset ends the
 * earlier one, and a reset ends the person's sessions.
 */
@GuichetIntegrationTest
class PasswordResetIT {

	private static final String NEW_PASSWORD = "a-much-longer-password";

	@Autowired
	private WebApplicationContext context;

	@LocalServerPort
	private int port;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private PasswordResets resets;

	@Autowired
	private UserRepository users;

	@Autowired
	private ShiftableClock clock;

	private MockMvc mvc;

	private User alice;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		alice = fixtures.user("forgetful", Role.REQUESTER);
		// an account with an address gets its link by mail (PasswordResetMailChecks); this one waits for an administrator
		alice.setEmail(null);
		alice = users.save(alice);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void theRequestAnswersTheSameForAnUnknownAccountAndOnlyAKnownOneWaitsForAnAdministrator() throws Exception {
		MvcResult known = forgot(alice.getUsername().toUpperCase(), "10.0.0.1");
		MvcResult unknown = forgot("nobody-" + alice.getUsername(), "10.0.0.1");
		assertThat(known.getResponse().getRedirectedUrl()).isEqualTo(unknown.getResponse().getRedirectedUrl())
			.isEqualTo("/password/forgot?sent");
		assertThat(known.getFlashMap().get("flash")).isEqualTo(unknown.getFlashMap().get("flash"));
		assertThat(resets.pending()).anySatisfy(p -> assertThat(p.userId()).isEqualTo(alice.getId()))
			.noneSatisfy(p -> assertThat(p.username()).startsWith("nobody-"));
	}

	@Test
	void oneAddressAskingTooOftenIsToldToWaitWhateverTheAccount() throws Exception {
		for (int i = 0; i < 5; i++) {
			forgot("someone-" + i, "10.0.0.2");
		}
		String page = mvc.perform(post("/password/forgot").with(csrf()).with(remote("10.0.0.2"))
			.param("login", alice.getUsername())
			.header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Too many requests from this device").contains("value=\"" + alice.getUsername() + "\"");
		assertThat(resets.pending()).noneSatisfy(p -> assertThat(p.userId()).isEqualTo(alice.getId()));
	}

	@Test
	void aLinkWorksOnceAndEndsThePersonsSessions() throws Exception {
		forgot(alice.getUsername(), "10.0.0.3");
		// over HTTP, so that the session lives where the application keeps them (the database)
		WebSession session = WebSession.signedIn("http://localhost:" + port, alice);
		User admin = fixtures.user("reset-admin", Role.ADMINISTRATOR);
		MockHttpSession adminSession = login(admin, TestFixtures.PASSWORD);
		assertThat(page(adminSession, "/admin/password-resets")).contains(alice.getFullName());
		MvcResult issued = mvc.perform(post("/admin/users/" + alice.getId() + "/password-reset").session(adminSession)
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		String link = (String) issued.getFlashMap().get("resetLink");
		String token = link.substring(link.indexOf("token=") + 6);
		assertThat(resets.pending()).noneSatisfy(p -> assertThat(p.userId()).isEqualTo(alice.getId()));

		assertThat(page(null, "/password/reset?token=" + token)).contains(alice.getFullName()).contains("id=\"reset\"");
		String tooShort = mvc.perform(post("/password/reset").with(csrf())
			.header("Accept-Language", "en")
			.param("token", token)
			.param("newPassword", "short")
			.param("confirmation", "short")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(tooShort).contains("at least 10 characters").contains("id=\"newPassword-error\"");
		assertThat(Jsoup.parse(tooShort).select("#newPassword[aria-invalid=true]").attr("aria-describedby"))
			.as("the field in error says so and is described by its error").isEqualTo("newPassword-error newPassword-help");
		String differ = mvc.perform(post("/password/reset").with(csrf())
			.param("token", token)
			.param("newPassword", NEW_PASSWORD)
			.param("confirmation", NEW_PASSWORD + "x")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(differ).select("#confirmation[aria-invalid=true][aria-describedby=confirmation-error][autofocus]"))
			.hasSize(1);

		mvc.perform(post("/password/reset").with(csrf())
			.param("token", token)
			.param("newPassword", NEW_PASSWORD)
			.param("confirmation", NEW_PASSWORD)).andExpect(redirectedUrl("/login?reset"));
		assertThat(session.get("/portal").headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/login?expired"));
		login(alice, NEW_PASSWORD);
		mvc.perform(formLogin("/login").user(alice.getUsername()).password(TestFixtures.PASSWORD))
			.andExpect(unauthenticated());

		assertThat(page(null, "/password/reset?token=" + token)).contains("id=\"reset-invalid\"")
			.doesNotContain("id=\"reset\"");
		mvc.perform(post("/password/reset").with(csrf())
			.param("token", token)
			.param("newPassword", "yet-another-password")
			.param("confirmation", "yet-another-password")).andExpect(status().isOk());
		login(alice, NEW_PASSWORD);
	}

	@Test
	void aLinkExpiresAfterThirtyMinutesAndANewerOneReplacesIt() throws Exception {
		String first = resets.issue(alice.id());
		String second = resets.issue(alice.id());
		assertThat(resets.holder(first)).isEmpty();
		assertThat(resets.holder(second)).contains(alice.getFullName());
		clock.advance(Duration.ofMinutes(31));
		assertThat(resets.holder(second)).isEmpty();
		assertThat(page(null, "/password/reset?token=" + second)).contains("id=\"reset-invalid\"");
	}

	@Test
	void aDeactivatedAccountGetsNoResetTheForgotPageAnswersAsForAnUnknownOneAndTheAdministratorIsToldWhy()
			throws Exception {
		alice.setActive(false);
		alice = users.save(alice);
		MvcResult deactivated = forgot(alice.getUsername(), "10.0.0.4");
		MvcResult unknown = forgot("nobody-" + alice.getUsername(), "10.0.0.4");
		assertThat(deactivated.getResponse().getRedirectedUrl()).isEqualTo(unknown.getResponse().getRedirectedUrl());
		assertThat(deactivated.getFlashMap().get("flash")).isEqualTo(unknown.getFlashMap().get("flash"));
		assertThat(resets.pending()).noneSatisfy(p -> assertThat(p.userId()).isEqualTo(alice.getId()));

		MockHttpSession adminSession = login(fixtures.user("reset-admin", Role.ADMINISTRATOR), TestFixtures.PASSWORD);
		assertThat(page(adminSession, "/admin/users/" + alice.getId() + "/password-reset"))
			.contains("id=\"password-reset-inactive\"")
			.doesNotContain("id=\"issue-reset-link\"");
		MvcResult refused = mvc.perform(post("/admin/users/" + alice.getId() + "/password-reset").session(adminSession)
			.with(csrf())).andExpect(redirectedUrl("/admin/users/" + alice.getId() + "/edit")).andReturn();
		assertThat(refused.getFlashMap().get("resetRefusal")).isEqualTo("password.inactive");
		assertThat(refused.getFlashMap().get("resetLink")).isNull();
		String edit = mvc.perform(get("/admin/users/" + alice.getId() + "/edit").session(adminSession)
			.flashAttrs(refused.getFlashMap())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(edit).contains("id=\"password-reset-refusal\"").contains("This account is deactivated");
	}

	private MvcResult forgot(String login, String address) throws Exception {
		return mvc.perform(post("/password/forgot").with(csrf()).with(remote(address)).param("login", login))
			.andExpect(status().is3xxRedirection())
			.andReturn();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor remote(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private String page(MockHttpSession session, String path) throws Exception {
		var request = get(path).header("Accept-Language", "en");
		if (session != null) {
			request = request.session(session);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private MockHttpSession login(User user, String password) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(user.getUsername()).password(password))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
