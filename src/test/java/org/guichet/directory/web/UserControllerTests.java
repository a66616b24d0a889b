package org.guichet.directory.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.guichet.directory.AccountOrigin;
import org.guichet.directory.AccountOrigins;
import org.guichet.directory.UserId;
import org.guichet.directory.Accounts;
import org.guichet.directory.ldap.LdapSettings;
import org.guichet.directory.ApiTokens;
import org.guichet.directory.PasswordResets;
import org.guichet.directory.UserAdministration;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@WebMvcTest(UserController.class)
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class })
@Import({ UserControllerTests.DirectorySecurity.class, UserAdministration.class })
class UserControllerTests {

	/**
	 * The application's own security rules and locale resolver. (Boot 4 adds security to a web
	 * slice only with spring-boot-security-test, which the build does not have.)
	 */
	@TestConfiguration
	@ComponentScan("org.guichet.directory.internal")
	static class DirectorySecurity {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);
		}

	}

	private static final CurrentUser ADMINISTRATOR = new CurrentUser(1, "ada", "Ada Admin", Role.ADMINISTRATOR, "en",
			"", true);

	private static final CurrentUser REQUESTER = new CurrentUser(2, "bob", "Bob Requester", Role.REQUESTER, "en", "",
			true);

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	@MockitoBean
	UserRepository users;

	@MockitoBean
	Accounts accounts;

	@MockitoBean
	ApiTokens tokens;

	@MockitoBean
	AccountOrigins origins;

	@MockitoBean
	LdapSettings ldap;

	@MockitoBean
	PasswordResets resets;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		given(origins.of(any(UserId.class))).willReturn(AccountOrigin.LOCAL);
	}

	@Test
	void aDuplicateUsernameIsRefusedNextToTheFieldAndTheTypedValuesAreKept() throws Exception {
		given(users.existsByUsername("jdupont")).willReturn(true);
		given(accounts.encode("a-long-initial-password")).willReturn("{noop}hash");

		mvc.perform(post("/admin/users/new").with(user(ADMINISTRATOR))
			.with(csrf())
			.param("username", "jdupont")
			.param("fullName", "Jean Dupont")
			.param("email", "jean.dupont@example.org")
			.param("department", "Finance")
			.param("role", "TECHNICIAN")
			.param("active", "true")
			.param("password", "a-long-initial-password"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/users/form"))
			.andExpect(model().attributeHasFieldErrorCode("userForm", "username", "admin.users.username.taken"))
			.andExpect(content().string(containsString("aria-describedby=\"username-error\"")))
			.andExpect(content().string(containsString(
					"<div class=\"invalid-feedback\" id=\"username-error\">The user name \u201cjdupont\u201d is already taken: choose another one.</div>")))
			.andExpect(content().string(containsString("value=\"Jean Dupont\"")))
			.andExpect(content().string(containsString("value=\"jean.dupont@example.org\"")))
			.andExpect(content().string(containsString("value=\"Finance\"")))
			.andExpect(content().string(containsString("<option value=\"TECHNICIAN\" selected=\"selected\">")));
		verify(users, never()).save(any());
	}

	@Test
	void anAdministratorCannotTakeAwayTheirOwnRoleNorDeactivateThemselves() throws Exception {
		User self = new User("ada", "{noop}x", "Ada Admin", Role.ADMINISTRATOR, Instant.EPOCH);
		ReflectionTestUtils.setField(self, "id", ADMINISTRATOR.id());
		given(users.findWithManagerById(ADMINISTRATOR.id())).willReturn(Optional.of(self));

		mvc.perform(post("/admin/users/{id}/edit", ADMINISTRATOR.id()).with(user(ADMINISTRATOR))
			.with(csrf())
			.param("username", "ada")
			.param("fullName", "Ada Admin")
			.param("role", "REQUESTER")
			.param("_active", "on")
			.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("userForm", "role", "admin.users.self.role"))
			.andExpect(model().attributeHasFieldErrorCode("userForm", "active", "admin.users.self.active"));
		verify(users, never()).save(any());
	}

	@Test
	void aRequesterIsForbiddenFromTheUserAdministration() throws Exception {
		mvc.perform(get("/admin/users").with(user(REQUESTER))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/users/new").with(user(REQUESTER)).with(csrf()).param("username", "intruder"))
			.andExpect(status().isForbidden());
		verify(users, never()).save(any());
	}

	@Test
	void aVisitorWhoIsNotLoggedInIsSentToTheLoginPage() throws Exception {
		mvc.perform(get("/admin/users").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

}
