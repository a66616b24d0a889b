package org.guichet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.ApiClient;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The navbar's search box in a real browser, with the keyboard only: suggestions appear after a
 * pause in typing, the arrows move through them (announced through aria-activedescendant),
 * Escape closes them, Enter opens the one chosen; Enter with none chosen opens the results page.
 */
@GuichetIntegrationTest
class SearchBoxBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	TestFixtures fixtures;

	@Autowired
	UserRepository users;

	@LocalServerPort
	int port;

	@Test
	void aRequesterFindsTheirTicketFromTheNavbarWithTheKeyboardOnly() {
		String marker = "zqbox" + UUID.randomUUID().toString().substring(0, 8).chars()
			.mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16))))
			.reduce("", String::concat);
		User alice = fixtures.user("alice", Role.REQUESTER);
		long id = ApiClient.bearer(port, fixtures.token(alice))
			.post("/api/v1/tickets", Map.of("type", "INCIDENT", "title", "Imprimante bloquée " + marker, "description",
					"Plus rien ne sort de l'imprimante du deuxième étage.", "urgency", "MEDIUM"))
			.json()
			.get("id")
			.asLong();
		browser.logIn(alice);
		browser.open("/portal");

		WebElement box = browser.find(By.id("global-search"));
		box.sendKeys(marker + " impr");
		By option = By.cssSelector("#global-search-list [role=option]");
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(option));
		assertThat(box.getDomAttribute("aria-expanded")).isEqualTo("true");
		assertThat(browser.texts("#global-search-list [role=option]")).first().asString()
			.contains("#" + id, "Imprimante bloquée " + marker);
		browser.screenshot("search-suggestions-desktop.png");

		box.sendKeys(Keys.ARROW_DOWN);
		assertThat(box.getDomAttribute("aria-activedescendant")).isEqualTo("global-search-option-0");
		box.sendKeys(Keys.ESCAPE);
		assertThat(box.getDomAttribute("aria-expanded")).isEqualTo("false");

		box.sendKeys(" ");
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(option));
		box.sendKeys(Keys.ARROW_DOWN);
		browser.actAndAwaitAnswer(() -> box.sendKeys(Keys.ENTER), ExpectedConditions.urlContains("/portal/tickets/" + id));

		browser.open("/portal");
		WebElement again = browser.find(By.id("global-search"));
		again.sendKeys("imprimantes " + marker);
		browser.actAndAwaitAnswer(() -> again.sendKeys(Keys.ENTER), ExpectedConditions.urlContains("/search?q="));
		assertThat(browser.text(".search-hits")).contains("Imprimante bloquée " + marker);
		browser.screenshot("search-results-desktop.png");
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).as("the results page on a phone").isTrue();
		browser.screenshot("search-results-phone.png");
		browser.resize(Browser.DESKTOP);
	}

	/**
	 * The widest navbar (an administrator's, in French, with a long name) at 1280 pixels: with the
	 * search box, its labels broke on two lines ("Espace / technicien") and "Se déconnecter" ran past
	 * the page's right edge; then it took two rows, the notifications' badge over the name.
	 */
	@Test
	void anAdministratorsNavbarHoldsInOneRowInsideThePageItsIconsNamed() {
		User admin = fixtures.user("navbar-admin", Role.ADMINISTRATOR);
		admin.setLanguage("fr");
		admin.setFullName("Marie-Christine Delacroix-Fontaine");
		admin = users.save(admin);
		browser.logIn(admin);
		browser.open("/agent");
		assertThat(browser.text("#navbar-menu")).contains("Espace technicien");
		assertThat(browser.attributes("#nav-logout", "title")).containsExactly("Se déconnecter");
		assertThat(browser.script("return document.querySelector('#nav-logout').textContent.trim();"))
			.as("the icon's name, for a screen reader").isEqualTo("Se déconnecter");
		assertThat(browser.script("""
				var tops = [...document.querySelectorAll('#navbar-menu .nav-link, #global-search')]
				  .map(element => Math.round(element.getBoundingClientRect().top + element.getBoundingClientRect().height / 2));
				return Math.max(...tops) - Math.min(...tops) < 12;""")).as("links, search box and icons in one row")
			.isEqualTo(true);
		@SuppressWarnings("unchecked")
		List<String> broken = (List<String>) browser.script("""
				return [...document.querySelectorAll('#navbar-menu .nav-link')]
				  .filter(link => link.getClientRects().length > 1 || link.getBoundingClientRect().height > 48
				      || link.getBoundingClientRect().right > document.documentElement.clientWidth)
				  .map(link => link.textContent.trim());""");
		assertThat(broken).as("navbar links on two lines or past the page's edge").isEmpty();
		assertThat(browser.attributes("#nav-user", "title")).containsExactly(admin.getFullName());
		assertThat(browser.script("return document.querySelector('#nav-user').textContent.trim();"))
			.as("the profile icon's name, for a screen reader").isEqualTo(admin.getFullName());
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("navbar-administrator-fr-desktop.png");

		browser.find(By.id("global-search")).sendKeys("imprimante");
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("global-search-list")));
		@SuppressWarnings("unchecked")
		Map<String, Object> list = (Map<String, Object>) browser.script("""
				var box = document.getElementById('global-search-list').getBoundingClientRect();
				return {width: box.width, left: box.left, right: box.right, page: document.documentElement.clientWidth};""");
		assertThat(((Number) list.get("width")).doubleValue()).as("suggestions wider than the narrowed box")
			.isGreaterThanOrEqualTo(400);
		assertThat(((Number) list.get("left")).doubleValue()).isNotNegative();
		assertThat(((Number) list.get("right")).doubleValue())
			.isLessThanOrEqualTo(((Number) list.get("page")).doubleValue());
	}

}
