package org.guichet.directory.web;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.HtmlForms;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page left open after its session ended (a logout in another window, a timeout) leads to the
 * login page when the person acts on it, saying why: never the 403 page of a refused role, nor
 * an error's JSON or the login form inside the part of the page an htmx request replaces. A page
 * opened before its person signed in again says that, and leads back to the form.
 */
@GuichetIntegrationTest
@DatabaseNeutral
class SessionEndedIT {

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private UserRepository users;

	@LocalServerPort
	private int port;

	@Test
	void aFormSentAfterALogoutInAnotherWindowLeadsToTheLoginPageThatSaysTheSessionEnded() throws Exception {
		WebSession window = signedIn("ended-form");
		Map<String, String> languageForm = HtmlForms.hiddenFields(window.get("/profile").body(), "/profile/language");
		window.submit("/agent", "/logout", Map.of());

		HttpResponse<String> sent = window.post("/profile/language", with(languageForm, "language", "en"), Map.of());
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?timeout"));
		assertThat(window.get("/login?timeout", Map.of("Accept-Language", "en")).body()).contains("id=\"session-ended\"")
			.contains("log in again");
	}

	@Test
	void theLoginAfterAFormSentOnceTheSessionHadEndedLeadsBackToTheFormsPageNeverElsewhere() throws Exception {
		User technician = fixtures.user("ended-back", Role.TECHNICIAN);
		WebSession window = WebSession.signedIn("http://localhost:" + port, technician);
		Map<String, String> languageForm = HtmlForms.hiddenFields(window.get("/profile").body(), "/profile/language");
		window.submit("/agent", "/logout", Map.of());

		HttpResponse<String> sent = window.post("/profile/language", with(languageForm, "language", "en"),
				Map.of("HX-Request", "true", "Referer", "http://localhost:" + port + "/profile?tab=language"));
		assertThat(sent.headers().firstValue("HX-Redirect")).hasValue("/login?timeout");
		assertThat(logIn(window, technician).headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).endsWith("/profile?tab=language"));

		window.submit("/agent", "/logout", Map.of());
		window.post("/profile/language", with(languageForm, "language", "en"),
				Map.of("Referer", "https://elsewhere.example/profile"));
		assertThat(logIn(window, technician).headers().firstValue("Location")).as("a page of another site is not one to go back to")
			.hasValueSatisfying(to -> assertThat(to).doesNotContain("elsewhere").endsWith("/"));
	}

	@Test
	void anActionSentInPlaceAfterTheSessionEndedMakesHtmxLoadTheLoginPage() throws Exception {
		WebSession window = signedIn("ended-htmx");
		Map<String, String> languageForm = HtmlForms.hiddenFields(window.get("/profile").body(), "/profile/language");
		window.submit("/agent", "/logout", Map.of());

		HttpResponse<String> action = window.post("/profile/language", with(languageForm, "language", "en"),
				Map.of("HX-Request", "true"));
		assertThat(action.statusCode()).isEqualTo(401);
		assertThat(action.headers().firstValue("HX-Redirect")).hasValue("/login?timeout");

		HttpResponse<String> refresh = window.get("/agent?queue=ALL", Map.of("HX-Request", "true", "Accept", "text/html"));
		assertThat(refresh.statusCode()).as("a part of the page refreshed").isEqualTo(401);
		assertThat(refresh.headers().firstValue("HX-Redirect")).hasValue("/login?timeout");
	}

	@Test
	void aSignedInPersonWhoseFormHasAWrongTokenIsStillRefused() throws Exception {
		WebSession window = signedIn("stale-token");
		HttpResponse<String> sent = window.post("/profile/language", Map.of("_csrf", "not-this-session-s", "language",
				"en"), Map.of());
		assertThat(sent.statusCode()).isEqualTo(403);
	}

	@Test
	void aFormOpenedBeforeSigningInAgainSaysSoAndLeadsBackToTheForm() throws Exception {
		User technician = fixtures.user("stale-form", Role.TECHNICIAN);
		WebSession window = WebSession.signedIn("http://localhost:" + port, technician);
		Map<String, String> languageForm = HtmlForms.hiddenFields(window.get("/profile").body(), "/profile/language");
		signInAgain(window, technician);

		HttpResponse<String> sent = window.post("/profile/language", with(languageForm, "language", "en"),
				Map.of("Accept", "text/html", "Referer", "http://localhost:" + port + "/profile"));
		assertThat(sent.statusCode()).isEqualTo(403);
		assertThat(sent.body()).contains("id=\"stale-form-message\"")
			.contains("after this form was opened")
			.containsPattern("id=\"stale-form-back\"[^>]*href=\"/profile\"|href=\"/profile\"[^>]*id=\"stale-form-back\"")
			.doesNotContain("Your role does not allow");
	}

	@Test
	void anActionSentInPlaceFromAPageOpenedBeforeSigningInAgainIsMarkedForThePageToShowItsMessage() throws Exception {
		User technician = fixtures.user("stale-htmx", Role.TECHNICIAN);
		technician.setLanguage("fr");
		technician = users.save(technician);
		WebSession window = WebSession.signedIn("http://localhost:" + port, technician);
		Map<String, String> languageForm = HtmlForms.hiddenFields(window.get("/profile").body(), "/profile/language");
		signInAgain(window, technician);

		HttpResponse<String> action = window.post("/profile/language", with(languageForm, "language", "en"),
				Map.of("HX-Request", "true"));
		assertThat(action.statusCode()).isEqualTo(403);
		assertThat(action.headers().firstValue("X-Guichet-Stale-Form")).hasValue("true");
		assertThat(action.headers().firstValue("HX-Redirect")).isEmpty();
		assertThat(window.get("/profile").body()).as("the message the page shows, in its person's language")
			.contains("<meta name=\"guichet-stale-form\" content=\"Cette page a été ouverte avant votre nouvelle connexion");
	}

	/** Signs in again in another window of the same browser: the session, and its token, change. */
	private static void signInAgain(WebSession window, User user) throws Exception {
		assertThat(logIn(window, user).statusCode()).isEqualTo(302);
	}

	/** Logs in on the login page, in the window's session as it is: the answer to the login form. */
	private static HttpResponse<String> logIn(WebSession window, User user) throws Exception {
		Map<String, String> login = HtmlForms.hiddenFields(window.get("/login").body(), "/login");
		login.put("username", user.getUsername());
		login.put("password", TestFixtures.PASSWORD);
		return window.post("/login", login, Map.of());
	}

	private WebSession signedIn(String prefix) throws Exception {
		User technician = fixtures.user(prefix, Role.TECHNICIAN);
		return WebSession.signedIn("http://localhost:" + port, technician);
	}

	private static Map<String, String> with(Map<String, String> fields, String name, String value) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put(name, value);
		return all;
	}

}
