package org.guichet.directory.internal;

import java.util.List;
import java.util.Locale;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which language answers: a page follows the user's profile first, an API call the language its
 * {@code Accept-Language} asks for first, the profile when it asks for none the desk has.
 */
class UserLocaleResolverTests {

	private final UserLocaleResolver resolver = new UserLocaleResolver("fr");

	@BeforeEach
	void frenchProfile() {
		CurrentUser user = new CurrentUser(7, "marie", "Marie Curie", Role.SUPERVISOR, "fr", "{noop}x", true);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anApiCallsAcceptLanguageWinsOverTheProfile() {
		assertThat(resolver.resolveLocale(request("/api/v1/kpis", "en-GB,en;q=0.8"))).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void anApiCallAskingForNoSupportedLanguageGetsTheProfiles() {
		assertThat(resolver.resolveLocale(request("/api/v1/kpis", "de"))).isEqualTo(Locale.FRENCH);
		assertThat(resolver.resolveLocale(request("/api/v1/kpis", null))).isEqualTo(Locale.FRENCH);
		assertThat(resolver.resolveLocale(request("/api/v1/kpis", "en;q=nonsense"))).isEqualTo(Locale.FRENCH);
	}

	@Test
	void aPageFollowsTheProfileBeforeTheBrowser() {
		assertThat(resolver.resolveLocale(request("/reports", "en"))).isEqualTo(Locale.FRENCH);
		assertThat(resolver.resolveLocale(request("/apidoc", "en"))).as("not under /api/").isEqualTo(Locale.FRENCH);
	}

	@Test
	void withoutProfileTheBrowsersLanguageThenTheDesksDefault() {
		SecurityContextHolder.clearContext();
		assertThat(resolver.resolveLocale(request("/login", "en"))).isEqualTo(Locale.ENGLISH);
		assertThat(resolver.resolveLocale(request("/login", "de"))).isEqualTo(Locale.FRENCH);
	}

	private static MockHttpServletRequest request(String path, String acceptLanguage) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		if (acceptLanguage != null) {
			request.addHeader("Accept-Language", acceptLanguage);
		}
		return request;
	}

}
