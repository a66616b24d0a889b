package org.guichet.directory.oidc;

import org.guichet.directory.AccountOrigin;
import org.guichet.directory.AccountOrigins;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.TestOpenIdProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login page's "Sign in with …" button in headless Chromium, the round trip through the
 * provider's login form, and Administration › Single sign-on, on a desktop and a phone (the
 * screenshots land in {@code target/screenshots/sso/}).
 */
@GuichetIntegrationTest
class SingleSignOnBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

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
	void configure() {
		if (provider == null) {
			provider = TestOpenIdProvider.start(port);
		}
		admin = fixtures.user("sso-browser-admin", Role.ADMINISTRATOR);
		settings.save(new OidcSettings.Changes(true, "Test provider", provider.issuer(), TestOpenIdProvider.CLIENT_ID,
				TestOpenIdProvider.CLIENT_SECRET, "openid profile email", "preferred_username", true, Role.REQUESTER,
				false), settings.current().version(), admin.id());
	}

	@AfterEach
	void turnOff() {
		OidcSettings.Changes now = OidcSettings.Changes.of(settings.current());
		settings.save(new OidcSettings.Changes(false, now.displayName(), now.issuerUri(), now.clientId(), null,
				now.scopes(), now.usernameClaim(), false, Role.REQUESTER, false), settings.current().version(),
				admin.id());
		browser.resize(Browser.DESKTOP);
	}

	@AfterAll
	static void stopProvider() {
		if (provider != null) {
			provider.close();
			provider = null;
		}
	}

	@Test
	void thePersonSignsInWithTheButtonAndComesBackSignedIn() {
		TestOpenIdProvider.Person person = provider.person("browser-" + System.nanoTime(), "Béatrice Browser",
				"beatrice." + System.nanoTime() + "@example.org", true);
		browser.driver().manage().deleteAllCookies();
		browser.load("http://127.0.0.1:" + port + "/login");
		browser.screenshot("sso/login-desktop.png");
		browser.resize(Browser.PHONE);
		browser.load("http://127.0.0.1:" + port + "/login");
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("sso/login-phone.png");
		browser.resize(Browser.DESKTOP);

		browser.click(By.id("sso-login"));
		browser.waiting().until(ExpectedConditions.urlContains(provider.issuer() + "/login"));
		browser.find(By.id("username")).sendKeys(person.username());
		browser.find(By.id("password")).sendKeys(person.password());
		browser.find(By.cssSelector("button[type=submit]")).click();
		browser.waiting().until(ExpectedConditions.urlContains("127.0.0.1:" + port));
		browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

		User created = users.findByUsername(person.username()).orElseThrow();
		assertThat(created.getFullName()).isEqualTo("Béatrice Browser");
		assertThat(origins.of(created.id())).isEqualTo(AccountOrigin.OIDC);
	}

	@Test
	void theSettingsPageShowsTheRedirectUriAndNeverTheSecret() {
		browser.logIn(admin);
		browser.open("/admin/sso");
		assertThat(browser.text("#sso-redirect-uri")).endsWith("/login/sso/callback");
		assertThat(browser.driver().getPageSource()).doesNotContain(TestOpenIdProvider.CLIENT_SECRET);
		browser.screenshot("sso/admin-desktop.png");
		browser.resize(Browser.PHONE);
		browser.open("/admin/sso");
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("sso/admin-phone.png");
		browser.resize(Browser.DESKTOP);

		browser.clickAndAwaitAnswer(By.id("sso-test"), ExpectedConditions.presenceOfElementLocated(By.id("sso-test-ok")));
		assertThat(browser.text("#sso-test-ok")).contains(provider.issuer());
	}

}
