package org.guichet.directory.web;

import java.util.List;
import java.util.UUID;

import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.AccessibilityCheck;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two tabs of one browser: a form is opened in the first, its person signs in again in the
 * second (the session and its token change), then sends the form from the first. The page says
 * what happened and leads back to the form, with what was typed, which then goes through; an
 * action sent in place (htmx) gets a message above the page, which keeps what was typed. A form
 * or an action sent once the session had ended leads to the login page, which says that what
 * was typed is kept; the login leads back to the page, where it is put back, for that account only.
 */
@GuichetIntegrationTest
class StaleFormBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Calendars calendars;

	@Autowired
	private TicketManagement tickets;

	@Test
	void aFormSentAfterSigningInAgainInAnotherTabSaysSoAndGoesBackToTheFormWithWhatWasTyped() {
		User requester = fixtures.user("two-tabs", Role.REQUESTER);
		browser.logIn(requester);
		browser.open("/portal/tickets/new");
		String title = "Two tabs " + UUID.randomUUID().toString().substring(0, 8);
		browser.find(By.id("title")).sendKeys(title);
		browser.find(By.id("description")).sendKeys("Typed before signing in again.");
		String firstTab = browser.driver().getWindowHandle();
		signInAgainInAnotherTab(requester);
		browser.driver().switchTo().window(firstTab);

		browser.click(By.id("send-request"));

		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("stale-form-message")));
		assertThat(browser.text("#stale-form-message")).contains("after this form was opened");
		assertThat(browser.driver().getTitle()).startsWith("Form opened before you signed in again");
		assertThat(AccessibilityCheck.violations(browser.driver())).isEmpty();
		browser.screenshot("stale-form/page-1280.png");
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("stale-form/page-390.png");
		browser.resize(Browser.DESKTOP);
		assertThat(jdbc.queryForObject("select count(*) from ticket where title = ?", Integer.class, title))
			.isZero();

		browser.click(By.id("stale-form-back"));
		browser.waiting().until(ExpectedConditions.urlContains("/portal/tickets/new"));
		browser.waiting().until(ExpectedConditions.attributeToBe(By.id("title"), "value", title));
		browser.click(By.id("send-request"));

		browser.waiting().until(ExpectedConditions.urlMatches("/portal/tickets/\\d+$"));
		assertThat(jdbc.queryForObject("select count(*) from ticket where title = ?", Integer.class, title))
			.isEqualTo(1);
	}

	@Test
	void anActionSentInPlaceAfterSigningInAgainInAnotherTabShowsAMessageAndKeepsWhatWasTyped() {
		long id = calendars.define("Two tabs " + UUID.randomUUID().toString().substring(0, 8),
				StandardCalendars.frenchOffice()).id();
		User administrator = fixtures.user("two-tabs-admin", Role.ADMINISTRATOR);
		browser.logIn(administrator);
		browser.open("/admin/calendars/" + id + "/edit");
		browser.script("document.getElementById('tester-start').value = '2026-11-27T16:00';");
		browser.find(By.id("tester-duration")).sendKeys("4h");
		String firstTab = browser.driver().getWindowHandle();
		signInAgainInAnotherTab(administrator);
		browser.driver().switchTo().window(firstTab);

		browser.click(By.cssSelector("#tester-deadline-form button[type=submit]"));

		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("stale-form-alert")));
		assertThat(browser.text("#stale-form-alert")).contains("opened before you signed in again");
		assertThat(browser.find(By.id("tester-duration")).getDomProperty("value")).isEqualTo("4h");
		browser.screenshot("stale-form/in-place-1280.png");
		browser.resize(Browser.PHONE);
		browser.scrollTo(browser.find(By.id("stale-form-alert")));
		browser.screenshot("stale-form/in-place-390.png");
		browser.resize(Browser.DESKTOP);
	}

	@Test
	void aFormSentAfterTheSessionEndedIsKeptAndPutBackOnItsPageAfterTheLoginForThatAccountOnly() {
		User requester = fixtures.user("ended-form", Role.REQUESTER);
		browser.logIn(requester);
		browser.open("/portal/tickets/new");
		String title = "Session ended " + UUID.randomUUID().toString().substring(0, 8);
		// written by script: no key, so no articles suggested meanwhile (asked after the session's end,
		// they would take the page to the login page before the click)
		browser.script("document.getElementById('title').value = arguments[0];"
				+ "document.getElementById('description').value = arguments[1];", title, "Typed while the session ended.");
		browser.driver().manage().deleteCookieNamed("JSESSIONID");

		browser.click(By.id("send-request"));

		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("unsent-kept")));
		assertThat(browser.text("#session-ended")).contains("log in again");
		assertThat(browser.text("#unsent-kept")).contains("kept in this tab");
		assertThat(AccessibilityCheck.violations(browser.driver())).isEmpty();
		browser.screenshot("stale-form/unsent-kept-1280.png");
		logInHere(requester);

		browser.waiting().until(ExpectedConditions.urlContains("/portal/tickets/new"));
		browser.waiting().until(ExpectedConditions.attributeToBe(By.id("title"), "value", title));
		assertThat(browser.find(By.id("description")).getDomProperty("value")).isEqualTo("Typed while the session ended.");
		assertThat(browser.text("#unsent-restored")).contains("was not sent");
		assertThat(jdbc.queryForObject("select count(*) from ticket where title = ?", Integer.class, title)).isZero();
		browser.screenshot("stale-form/unsent-restored-1280.png");
		browser.click(By.id("send-request"));
		browser.waiting().until(ExpectedConditions.urlMatches("/portal/tickets/\\d+$"));
		assertThat(jdbc.queryForObject("select count(*) from ticket where title = ?", Integer.class, title)).isEqualTo(1);
		browser.open("/portal/tickets/new");
		assertThat(browser.find(By.id("title")).getDomProperty("value")).as("put back once").isEmpty();

		// typed by one account, never put back for another signing in at the same tab
		browser.script("document.getElementById('title').value = 'Not for the next person';"
				+ "document.getElementById('description').value = 'Private.';");
		browser.driver().manage().deleteCookieNamed("JSESSIONID");
		browser.click(By.id("send-request"));
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("unsent-kept")));
		logInHere(fixtures.user("ended-form-other", Role.REQUESTER));
		browser.waiting().until(ExpectedConditions.urlContains("/portal/tickets/new"));
		assertThat(browser.find(By.id("title")).getDomProperty("value")).isEmpty();
		assertThat(browser.driver().findElements(By.id("unsent-restored"))).isEmpty();
	}

	@Test
	void anActionSentInPlaceAfterTheSessionEndedIsPutBackOnTheTicketPageAfterTheLogin() {
		User requester = fixtures.user("ended-htmx-asker", Role.REQUESTER);
		User technician = fixtures.user("ended-htmx", Role.TECHNICIAN);
		long id = tickets.register(new NewTicket(TicketType.INCIDENT, "Session ended in place", "Screen flickers.", null,
				Channel.PORTAL, null, Urgency.LOW, null, List.of()), TestFixtures.current(requester)).id().value();
		browser.logIn(technician);
		browser.open("/agent/tickets/" + id);
		browser.find(By.id("reply-body")).sendKeys("Could you send a photo of the screen?");
		browser.driver().manage().deleteCookieNamed("JSESSIONID");

		browser.click(By.id("send-reply"));

		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("unsent-kept")));
		logInHere(technician);
		browser.waiting().until(ExpectedConditions.urlMatches("/agent/tickets/" + id + "$"));
		browser.waiting().until(ExpectedConditions.attributeToBe(By.id("reply-body"), "value",
				"Could you send a photo of the screen?"));
		assertThat(browser.text("#unsent-restored")).contains("was not sent");
		browser.resize(Browser.PHONE);
		browser.screenshot("stale-form/unsent-restored-390.png");
		browser.resize(Browser.DESKTOP);
	}

	/** Logs in on the login page shown now, keeping what the tab holds (its session storage). */
	private static void logInHere(User user) {
		browser.find(By.id("username")).sendKeys(user.getUsername());
		browser.find(By.id("password")).sendKeys(TestFixtures.PASSWORD, Keys.ENTER);
		browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/** Opens a second tab of the same browser (same cookies) and signs in there again, then closes it. */
	private static void signInAgainInAnotherTab(User user) {
		browser.driver().switchTo().newWindow(WindowType.TAB);
		browser.open("/login");
		browser.find(By.id("username")).sendKeys(user.getUsername());
		browser.find(By.id("password")).sendKeys(TestFixtures.PASSWORD, Keys.ENTER);
		browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.driver().close();
	}

}
