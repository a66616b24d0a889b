package org.guichet.system;

import java.util.Map;
import java.util.UUID;

import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.Role;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sending a form twice from a real browser (headless Chromium): a double click on the portal's
 * send button files one ticket; while a form is being sent its button is disabled, its text
 * unchanged and readable; a form sent with htmx is ready again once answered.
 */
@GuichetIntegrationTest
class DoubleSubmissionBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Calendars calendars;

	@Test
	void aDoubleClickOnThePortalsSendButtonFilesOneTicket() {
		browser.logIn(fixtures.user("clicker", Role.REQUESTER));
		String title = "Double-clicked " + UUID.randomUUID().toString().substring(0, 8);
		browser.open("/portal/tickets/new");
		browser.find(By.id("title")).sendKeys(title);
		browser.find(By.id("description")).sendKeys("The mouse clicks twice.");
		WebElement send = browser.find(By.id("send-request"));
		browser.scrollTo(send);

		new Actions(browser.driver()).doubleClick(send).perform();

		browser.waiting().until(ExpectedConditions.urlMatches("/portal/tickets/\\d+$"));
		assertThat(browser.find(By.id("main")).getText()).contains(title);
		assertThat(jdbc.queryForObject("select count(*) from ticket where title = ?", Integer.class, title))
			.isEqualTo(1);
	}

	@Test
	void whileAFormIsBeingSentItsButtonIsDisabledAndKeepsItsReadableText() {
		browser.logIn(fixtures.user("watcher", Role.REQUESTER));
		browser.open("/portal/tickets/new");
		browser.find(By.id("title")).sendKeys("Watched " + UUID.randomUUID().toString().substring(0, 8));
		browser.find(By.id("description")).sendKeys("Look at the button.");
		String label = browser.find(By.id("send-request")).getText();

		// Reads the button once the click's submission started, then stops the page where it is.
		@SuppressWarnings("unchecked")
		Map<String, Object> sending = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const button = document.getElementById('send-request');
				button.click();
				setTimeout(() => {
				  const state = { disabled: button.disabled, busy: button.form.getAttribute('aria-busy'),
				    text: button.innerText, opacity: getComputedStyle(button).opacity };
				  window.stop();
				  done(state);
				}, 0);
				""");

		assertThat(sending).containsEntry("disabled", true)
			.containsEntry("busy", "true")
			.containsEntry("text", label)
			.containsEntry("opacity", "1");
	}

	@Test
	void theCalendarTesterSentWithHtmxIsReadyAgainOnceAnswered() {
		long id = calendars.define("Tested " + UUID.randomUUID().toString().substring(0, 8),
				StandardCalendars.frenchOffice()).id();
		browser.logIn(fixtures.user("admin", Role.ADMINISTRATOR));
		browser.open("/admin/calendars/" + id + "/edit");
		browser.script("document.getElementById('tester-start').value = '2026-11-27T16:00';");
		browser.find(By.id("tester-duration")).sendKeys("4h");
		WebElement compute = browser.find(By.cssSelector("#tester-deadline-form button[type=submit]"));
		browser.scrollTo(compute);

		browser.actAndAwaitAnswer(compute::click,
				ExpectedConditions.textToBePresentInElementLocated(By.id("tester-deadline"), "Monday 30 November 2026 11:00"));
		browser.waiting().until(ExpectedConditions.elementToBeClickable(compute));
		WebElement duration = browser.find(By.id("tester-duration"));
		duration.clear();
		duration.sendKeys("8h");
		browser.actAndAwaitAnswer(compute::click,
				ExpectedConditions.textToBePresentInElementLocated(By.id("tester-deadline"), "Monday 30 November 2026 16:30"));
		assertThat(compute.isEnabled()).isTrue();
		assertThat(browser.find(By.id("tester-deadline-form")).getAttribute("aria-busy")).isNull();
	}

}
