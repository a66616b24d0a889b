package org.guichet.directory.web;

import static org.mockito.BDDMockito.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.guichet.directory.ApiTokens;
import org.guichet.directory.UserRepository;
import org.guichet.directory.oidc.SingleSignOn;
import org.mockito.Answers;
import org.guichet.system.StartupLoading;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.mock.web.MockHttpSession;
import org.junit.jupiter.api.Test;
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

/** The login page while Guichet still loads data after its start (the demo data at the first start). */
@WebMvcTest(LoginController.class)
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class })
@Import({ LoginControllerTests.DirectorySecurity.class, StartupLoading.class })
class LoginControllerTests {

	/** The application's own security rules and locale resolver, as in {@link UserControllerTests}. */
	@TestConfiguration
	@ComponentScan("org.guichet.directory.internal")
	static class DirectorySecurity {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);
		}

	}

	@Autowired
	WebApplicationContext context;

	@Autowired
	StartupLoading startupLoading;

	/** Off: no button; its logout handler a mock, as the filter chain needs one. */
	@MockitoBean(answers = Answers.RETURNS_MOCKS)
	SingleSignOn singleSignOn;

	@MockitoBean
	UserRepository users;

	@MockitoBean
	ApiTokens tokens;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		given(singleSignOn.buttonName()).willReturn(null);
	}

	@Test
	void aRefusedLoginKeepsTheTypedUserNameOnceAndPutsTheFocusOnThePassword() throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login").session(session).with(csrf()).param("username", "alice").param("password", "wrong"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/login").param("error", "").session(session).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"alice\"")))
			.andExpect(content().string(containsString("Wrong user name or password")))
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
					"(?s).*id=\"password\"[^>]*autofocus.*")));
		mvc.perform(get("/login").session(session))
			.andExpect(content().string(not(containsString("value=\"alice\""))));
	}

	@Test
	void whileTheDemoDataLoadsTheLoginPageSaysSoInAStatusRegionThatAsksAgainEverySecond() throws Exception {
		try (StartupLoading.Task loading = startupLoading.begin("demo.loading")) {
			mvc.perform(get("/login").header("Accept-Language", "en"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<div id=\"startup-loading\" role=\"status\">")))
				.andExpect(content().string(containsString("data-startup-loading")))
				.andExpect(content().string(containsString("hx-get=\"/login?waited=true\" hx-trigger=\"every 1s\"")))
				.andExpect(content().string(containsString("Loading the demo data…")))
				.andExpect(content().string(containsString("You can log in as soon as it is loaded.")));
			mvc.perform(get("/login").header("Accept-Language", "fr"))
				.andExpect(content().string(containsString("Chargement des données de démonstration…")))
				.andExpect(content().string(containsString("Vous pourrez vous connecter dès la fin du chargement.")));
		}
	}

	@Test
	void onceLoadedTheWaitingPageSaysThatLoggingInWorksAndStopsAsking() throws Exception {
		startupLoading.begin("demo.loading").close();

		mvc.perform(get("/login").param("waited", "true").header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Loaded: you can log in.")))
			.andExpect(content().string(not(containsString("data-startup-loading"))));
		mvc.perform(get("/login").header("Accept-Language", "fr"))
			.andExpect(content().string(containsString("<div id=\"startup-loading\" role=\"status\">")))
			.andExpect(content().string(not(containsString("Chargement"))));
	}

}
