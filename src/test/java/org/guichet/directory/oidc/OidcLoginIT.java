package org.guichet.directory.oidc;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.guichet.directory.AccountOrigin;
import org.guichet.directory.AccountOrigins;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.TestOpenIdProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on against a real OpenID provider started in the test's JVM ({@link TestOpenIdProvider}),
 * configured the way an administrator does, through the settings: the whole flow (Guichet, the
 * provider's login form, back to Guichet) driven over HTTP, with each browser's cookies.
 */
@GuichetIntegrationTest
class OidcLoginIT {

	private static TestOpenIdProvider provider;

	@LocalServerPort
	private int port;

	@Autowired
	private OidcSettings settings;

	@Autowired
	private UserRepository users;

	@Autowired
	private AccountOrigins origins;

	@Autowired
	private TestFixtures fixtures;

	private User admin;

	@BeforeEach
	void startProvider() {
		if (provider == null) {
			provider = TestOpenIdProvider.start(port);
		}
		admin = fixtures.user("sso-admin", Role.ADMINISTRATOR);
	}

	@AfterEach
	void turnOff() {
		OidcSettings.Provider now = settings.current();
		OidcSettings.Changes off = OidcSettings.Changes.of(now);
		settings.save(new OidcSettings.Changes(false, off.displayName(), off.issuerUri(), off.clientId(), null,
				off.scopes(), off.usernameClaim(), false, Role.REQUESTER, false), now.version(), admin.id());
	}

	@AfterAll
	static void stopProvider() {
		if (provider != null) {
			provider.close();
			provider = null;
		}
	}

	@Test
	void aFirstSignInCreatesTheAccountAndTheNextFindsItBySubject() throws Exception {
		configure(true, false);
		TestOpenIdProvider.Person ada = provider.person("ada-" + System.nanoTime(), "Ada Lovelace",
				"ada." + System.nanoTime() + "@example.org", true);

		Browsing first = new Browsing().signIn(ada);

		assertThat(first.landed()).doesNotContain("/login");
		User created = users.findByUsername(ada.username()).orElseThrow();
		assertThat(created.getFullName()).isEqualTo("Ada Lovelace");
		assertThat(created.getEmail()).isEqualTo(ada.email());
		assertThat(created.getRole()).isEqualTo(Role.REQUESTER);
		assertThat(origins.of(created.id())).isEqualTo(AccountOrigin.OIDC);
		assertThat(first.get("/profile").statusCode()).isEqualTo(200);

		// the provider now says another name: the account follows it, and no second account appears
		TestOpenIdProvider.Person renamed = provider.person(ada.username(), "Ada King", ada.email(), true,
				ada.subject());
		Browsing second = new Browsing().signIn(renamed);
		assertThat(second.landed()).doesNotContain("/login");
		assertThat(users.findByUsername(ada.username()).orElseThrow().getFullName()).isEqualTo("Ada King");
		assertThat(users.findByAddress(ada.email())).hasSize(1);
	}

	@Test
	void theProviderOwnsTheNameAndAddressOfItsAccountsAndTheAdministratorsTheRest() throws Exception {
		configure(true, false);
		TestOpenIdProvider.Person person = provider.person("owned-" + System.nanoTime(), "Olga Owned",
				"olga." + System.nanoTime() + "@example.org", true);
		new Browsing().signIn(person);
		long id = users.findByUsername(person.username()).orElseThrow().getId();
		ApiClient api = ApiClient.basic(port, admin.getUsername(), TestFixtures.PASSWORD);
		ApiClient.Response read = api.get("/api/v1/users/" + id);
		assertThat(read.json().get("origin").asString()).isEqualTo("OIDC");
		assertThat(read.text()).contains("\"directoryFields\":[\"fullName\",\"email\",\"password\"]");

		Map<String, Object> changed = new java.util.HashMap<>(Map.of("fullName", "Olga Owned", "email", person.email(),
				"phone", "+33 1 00 00 00 00", "role", "TECHNICIAN", "vip", false, "active", true));
		assertThat(api.put("/api/v1/users/" + id, changed, "If-Match", read.header("ETag")).status()).isEqualTo(200);
		changed.put("fullName", "Someone Else");
		ApiClient.Response refused = api.put("/api/v1/users/" + id, changed, "If-Match",
				api.get("/api/v1/users/" + id).header("ETag"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text()).contains("user.provider-owned");
		assertThat(users.findById(id).orElseThrow().getRole()).isEqualTo(Role.TECHNICIAN);

		Browsing administrator = new Browsing();
		Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(administrator.get("/login").body());
		assertThat(csrf.find()).isTrue();
		administrator.postForm("/login",
				Map.of("username", admin.getUsername(), "password", TestFixtures.PASSWORD, "_csrf", csrf.group(1)));
		HttpResponse<String> form = administrator.get("/admin/users/" + id + "/edit");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("Single sign-on").doesNotContain("id=\"password\"");
		assertThat(administrator.get("/admin/users?q=" + person.username()).body())
			.containsPattern("badge[^>]*>Single sign-on<");
	}

	@Test
	void aSingleSignOnAccountNeverLogsInWithAPassword() throws Exception {
		configure(true, false);
		TestOpenIdProvider.Person grace = provider.person("grace-" + System.nanoTime(), "Grace Hopper",
				"grace." + System.nanoTime() + "@example.org", true);
		new Browsing().signIn(grace);

		Browsing browsing = new Browsing();
		Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(browsing.get("/login").body());
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> login = browsing.postForm("/login",
				Map.of("username", grace.username(), "password", grace.password(), "_csrf", csrf.group(1)));
		assertThat(login.headers().firstValue("Location").orElseThrow()).contains("/login?error");
	}

	@Test
	void aVerifiedAddressTakesTheOneLocalAccountThatHasIt() throws Exception {
		configure(false, true);
		User local = fixtures.user("sso-local", Role.TECHNICIAN);
		TestOpenIdProvider.Person person = provider.person("other-name-" + System.nanoTime(), "Linus Local",
				local.getEmail(), true);

		Browsing browsing = new Browsing().signIn(person);

		assertThat(browsing.landed()).doesNotContain("/login");
		assertThat(origins.of(local.id())).isEqualTo(AccountOrigin.OIDC);
		User linked = users.findById(local.getId()).orElseThrow();
		assertThat(linked.getUsername()).isEqualTo(local.getUsername());
		assertThat(linked.getRole()).isEqualTo(Role.TECHNICIAN);
		assertThat(users.findByUsername(person.username())).isEmpty();
	}

	@Test
	void anUnverifiedAddressTakesNoAccountAndAnUnknownPersonIsRefusedWhenNoneIsCreated() throws Exception {
		configure(false, true);
		User local = fixtures.user("sso-unverified", Role.REQUESTER);
		TestOpenIdProvider.Person person = provider.person("unverified-" + System.nanoTime(), "Mallory",
				local.getEmail(), false);

		Browsing browsing = new Browsing().signIn(person);

		assertThat(browsing.landed()).endsWith("/login/sso?problem=unknown");
		assertThat(origins.of(local.id())).isEqualTo(AccountOrigin.LOCAL);
		assertThat(browsing.get("/login/sso?problem=unknown").body()).contains("no account for you");
	}

	@Test
	void anAdministratorsAccountIsNeverTakenByItsAddress() throws Exception {
		configure(true, true);
		TestOpenIdProvider.Person person = provider.person("not-the-admin-" + System.nanoTime(), "Eve",
				admin.getEmail(), true);

		Browsing browsing = new Browsing().signIn(person);

		assertThat(browsing.landed()).endsWith("/login/sso?problem=administrator");
		assertThat(origins.of(admin.id())).isEqualTo(AccountOrigin.LOCAL);
		assertThat(users.findByUsername(person.username())).isEmpty();
		assertThat(browsing.get("/profile").headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/login"));
	}

	@Test
	void aDeactivatedAccountIsRefused() throws Exception {
		configure(true, false);
		TestOpenIdProvider.Person person = provider.person("leaver-" + System.nanoTime(), "Leaver",
				"leaver." + System.nanoTime() + "@example.org", true);
		new Browsing().signIn(person);
		User account = users.findByUsername(person.username()).orElseThrow();
		account.setActive(false);
		users.save(account);

		Browsing again = new Browsing().signIn(person);

		assertThat(again.landed()).endsWith("/login/sso?problem=deactivated");
		assertThat(again.get("/login/sso?problem=deactivated").body()).contains("deactivated");
	}

	@Test
	void theLoginPageOffersTheProviderOnlyWhileSingleSignOnIsOn() throws Exception {
		assertThat(new Browsing().get("/login").body()).doesNotContain("sso-login");
		assertThat(new Browsing().get("/login/sso/start").headers().firstValue("Location").orElseThrow())
			.endsWith("/login/sso?problem=disabled");

		configure(true, false);

		assertThat(new Browsing().get("/login").body()).contains("sso-login").contains("Sign in with Test provider");
	}

	@Test
	void loggingOutEndsTheProvidersSessionToo() throws Exception {
		configure(true, false);
		TestOpenIdProvider.Person person = provider.person("logout-" + System.nanoTime(), "Logout",
				"logout." + System.nanoTime() + "@example.org", true);
		Browsing browsing = new Browsing().signIn(person);
		Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(browsing.get("/profile").body());
		assertThat(csrf.find()).isTrue();

		HttpResponse<String> logout = browsing.postForm("/logout", Map.of("_csrf", csrf.group(1)));

		assertThat(logout.headers().firstValue("Location").orElseThrow()).startsWith(provider.issuer() + "/connect/logout")
			.contains("id_token_hint=")
			.contains("post_logout_redirect_uri=http://127.0.0.1:" + port + "/login?logout");
	}

	@Test
	void theApiSavesTheSettingsChecksTheIssuerAndNeverAnswersTheSecret() {
		ApiClient api = ApiClient.basic(port, admin.getUsername(), TestFixtures.PASSWORD);
		ApiClient.Response read = api.get("/api/v1/directory/oidc");
		assertThat(read.status()).isEqualTo(200);
		String etag = read.header("ETag");

		ApiClient.Response bad = api.put("/api/v1/directory/oidc", sso(Map.of("enabled", true, "displayName",
				"Nowhere", "issuerUri", "http://localhost:1/nowhere", "clientId", "x")), "If-Match", etag);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text()).contains("issuerUri");

		ApiClient.Response saved = api.put("/api/v1/directory/oidc", sso(Map.of("enabled", false, "displayName",
				"Test provider", "issuerUri", provider.issuer(), "clientId", TestOpenIdProvider.CLIENT_ID, "clientSecret",
				"a-secret-never-shown", "scopes", List.of("openid", "email"))), "If-Match", etag);
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
		assertThat(saved.text()).doesNotContain("a-secret-never-shown").doesNotContain("clientSecret\"");
		assertThat(saved.json().get("hasClientSecret").asBoolean()).isTrue();
		assertThat(saved.json().get("endSessionEndpoint").asString()).startsWith(provider.issuer());
		assertThat(api.get("/api/v1/directory/oidc").text()).doesNotContain("a-secret-never-shown");

		ApiClient.Response stale = api.put("/api/v1/directory/oidc", sso(Map.of("enabled", false)), "If-Match", etag);
		assertThat(stale.status()).isEqualTo(412);

		ApiClient.Response test = api.post("/api/v1/directory/oidc/test", Map.of());
		assertThat(test.status()).isEqualTo(200);
		assertThat(test.json().get("tokenEndpoint").asString()).startsWith(provider.issuer());
	}

	/** The settings a replacement sends, every member given: {@code changed} over the defaults. */
	private static Map<String, Object> sso(Map<String, Object> changed) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("enabled", false, "displayName", "Single sign-on",
				"scopes", List.of("openid"), "usernameClaim", "preferred_username", "createAccounts", false,
				"newAccountRole", "REQUESTER", "matchByEmail", false));
		body.putAll(changed);
		return body;
	}

	private void configure(boolean createAccounts, boolean matchByEmail) {
		settings.save(new OidcSettings.Changes(true, "Test provider", provider.issuer(), TestOpenIdProvider.CLIENT_ID,
				TestOpenIdProvider.CLIENT_SECRET, "openid profile email", "preferred_username", createAccounts,
				Role.REQUESTER, matchByEmail), settings.current().version(), admin.id());
	}

	/** One browser: its cookies, redirects followed by hand. */
	private final class Browsing {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		private String landed = "";

		String landed() {
			return landed;
		}

		/** Starts at the login page's button, logs in at the provider's form, and follows every redirect. */
		Browsing signIn(TestOpenIdProvider.Person person) throws IOException, InterruptedException {
			HttpResponse<String> response = follow(send(get(URI.create(base() + "/login/sso/start"))));
			if (response.uri().toString().startsWith(provider.issuer() + "/login")) {
				Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(response.body());
				assertThat(csrf.find()).as("the provider's login form").isTrue();
				response = follow(send(form(URI.create(provider.issuer() + "/login"), Map.of("username",
						person.username(), "password", person.password(), "_csrf", csrf.group(1)))));
			}
			landed = response.uri().toString();
			return this;
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return send(get(URI.create(base() + path)));
		}

		HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
			return send(form(URI.create(base() + path), fields));
		}

		private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
			HttpResponse<String> current = response;
			for (int hops = 0; hops < 20 && current.statusCode() / 100 == 3; hops++) {
				URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
				current = send(get(next));
			}
			return current;
		}

		private HttpRequest get(URI uri) {
			return HttpRequest.newBuilder(uri).header("Accept", "text/html").header("Accept-Language", "en").GET().build();
		}

		private HttpRequest form(URI uri, Map<String, String> fields) {
			String body = fields.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return HttpRequest.newBuilder(uri)
				.header("Accept", "text/html")
				.header("Accept-Language", "en")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
		}

		private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}

		private String base() {
			return "http://127.0.0.1:" + port;
		}

	}

}
