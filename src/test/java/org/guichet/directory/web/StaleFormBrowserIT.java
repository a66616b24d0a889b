package org.guichet.directory.web;

import java.util.UUID;

import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.AccessibilityCheck;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
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
 * action sent in place (htmx) gets a message above the page, which keeps what was typed.
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
