package org.guichet.directory.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.Locale;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A deactivated account is told so, and whom to ask, only when its password is right; a wrong
 * password reads as for anyone, so that the answer never tells which accounts exist or are active.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class DeactivatedLoginIT {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private UserRepository users;

	private MockMvc mvc;

	private User deactivated;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		deactivated = fixtures.user("deactivated", Role.REQUESTER);
		deactivated.setActive(false);
		deactivated = users.save(deactivated);
	}

	@Test
	void theRightPasswordOfADeactivatedAccountSaysItIsDeactivatedAndWhomToAsk() throws Exception {
		mvc.perform(post("/login").session(new MockHttpSession()).with(csrf())
			.param("username", deactivated.getUsername())
			.param("password", TestFixtures.PASSWORD)).andExpect(redirectedUrl("/login?error=deactivated"));

		mvc.perform(get("/login").queryParam("error", "deactivated").locale(Locale.FRENCH))
			.andExpect(content().string(Matchers.containsString("Votre compte est désactivé")))
			.andExpect(content().string(Matchers.containsString("administrateurs du service d’assistance")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("Identifiant ou mot de passe incorrect"))));
	}

	@Test
	void aWrongPasswordOfADeactivatedAccountReadsAsAnyWrongPassword() throws Exception {
		mvc.perform(post("/login").session(new MockHttpSession()).with(csrf())
			.param("username", deactivated.getUsername())
			.param("password", "not-the-password")).andExpect(redirectedUrl("/login?error"));
		mvc.perform(post("/login").session(new MockHttpSession()).with(csrf())
			.param("username", "nobody-" + deactivated.getUsername())
			.param("password", "not-the-password")).andExpect(redirectedUrl("/login?error"));
	}

}
