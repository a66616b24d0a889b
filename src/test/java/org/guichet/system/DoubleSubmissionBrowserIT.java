package org.guichet.system;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.HeadlessChromium;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sending a form twice from a real browser (headless Chromium): a double click on the portal's
 * send button files one ticket; while a form is being sent its button is disabled, its text
 * unchanged and readable; a form sent with htmx is ready again once answered.
 */
@GuichetIntegrationTest
class DoubleSubmissionBrowserIT {

	private static WebDriver browser;

	private static WebDriverWait wait;

	@LocalServerPort
	private int port;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Calendars calendars;

	@BeforeAll
	static void startBrowser() {
		browser = HeadlessChromium.start();
		wait = new WebDriverWait(browser, Duration.ofSeconds(15));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aDoubleClickOnThePortalsSendButtonFilesOneTicket() {
		logIn(fixtures.user("clicker", Role.REQUESTER));
		String title = "Double-clicked " + UUID.randomUUID().toString().substring(0, 8);
		browser.get(url("/portal/tickets/new"));
		browser.findElement(By.id("title")).sendKeys(title);
		browser.findElement(By.id("description")).sendKeys("The mouse clicks twice.");
		WebElement send = browser.findElement(By.id("send-request"));
		scrollTo(send);

		new Actions(browser).doubleClick(send).perform();

		wait.until(ExpectedConditions.urlMatches("/portal/tickets/\\d+$"));
		assertThat(browser.findElement(By.id("main")).getText()).contains(title);
		assertThat(jdbc.queryForObject("select count(*) from ticket where title = ?", Integer.class, title))
			.isEqualTo(1);
	}

	@Test
	void whileAFormIsBeingSentItsButtonIsDisabledAndKeepsItsReadableText() {
		logIn(fixtures.user("watcher", Role.REQUESTER));
		browser.get(url("/portal/tickets/new"));
		browser.findElement(By.id("title")).sendKeys("Watched " + UUID.randomUUID().toString().substring(0, 8));
		browser.findElement(By.id("description")).sendKeys("Look at the button.");
		String label = browser.findElement(By.id("send-request")).getText();

		// Reads the button once the click's submission started, then stops the page where it is.
		@SuppressWarnings("unchecked")
		Map<String, Object> sending = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
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
		logIn(fixtures.user("admin", Role.ADMINISTRATOR));
		browser.get(url("/admin/calendars/" + id + "/edit"));
		((JavascriptExecutor) browser).executeScript("document.getElementById('tester-start').value = '2026-11-27T16:00';");
		browser.findElement(By.id("tester-duration")).sendKeys("4h");
		WebElement compute = browser.findElement(By.cssSelector("#tester-deadline-form button[type=submit]"));
		scrollTo(compute);

		compute.click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tester-deadline"), "Monday 30 November 2026 11:00"));
		wait.until(ExpectedConditions.elementToBeClickable(compute));
		WebElement duration = browser.findElement(By.id("tester-duration"));
		duration.clear();
		duration.sendKeys("8h");
		compute.click();

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tester-deadline"), "Monday 30 November 2026 16:30"));
		assertThat(compute.isEnabled()).isTrue();
		assertThat(browser.findElement(By.id("tester-deadline-form")).getAttribute("aria-busy")).isNull();
	}

	private void logIn(User user) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(user.getUsername());
		browser.findElement(By.id("password")).sendKeys(TestFixtures.PASSWORD, Keys.ENTER);
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private static void scrollTo(WebElement element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
				element);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
