package org.guichet.tickets.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.HeadlessChromium;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Status;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent merges a duplicate into the ticket it duplicates from the ticket page, in a real
 * browser, on a desktop and on a phone: a mistyped number is refused next to the field and kept,
 * the right one moves the conversation and lands the agent on the other ticket.
 */
@GuichetIntegrationTest
class TicketMergeBrowserIT {

	private static WebDriver browser;

	private static WebDriverWait wait;

	@LocalServerPort
	private int port;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

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
	void anAgentMergesADuplicateFromTheTicketPageOnADesktop() throws IOException {
		mergeFromThePage(new Dimension(1280, 900), "desktop");
	}

	@Test
	void anAgentMergesADuplicateFromTheTicketPageOnAPhone() throws IOException {
		mergeFromThePage(new Dimension(390, 844), "phone");
	}

	private void mergeFromThePage(Dimension size, String device) throws IOException {
		browser.manage().window().setSize(size);
		User requester = fixtures.user("merge-asker", Role.REQUESTER);
		User technician = fixtures.user("merge-tech", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technician);
		long original = ticket(requester, "Wi-Fi drops in room 12");
		long duplicate = ticket(requester, "No Wi-Fi in room 12");
		tickets.comment(new TicketId(duplicate), "It drops every ten minutes.", false, TestFixtures.current(requester));

		logIn(technician);
		browser.get(url("/agent/tickets/" + duplicate));
		assertPageFitsTheWindow();
		WebElement into = browser.findElement(By.id("merge-into"));
		scrollTo(into);
		screenshot("merge-form-" + device + ".png");
		into.sendKeys(String.valueOf(duplicate));
		click(By.id("merge-submit"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("merge-error")));
		assertThat(text("#merge-error")).contains("cannot be merged into itself");
		assertThat(browser.findElement(By.id("merge-into")).getAttribute("value")).isEqualTo(String.valueOf(duplicate));
		assertThat(browser.findElement(By.id("merge-into")).getAttribute("aria-describedby")).contains("merge-error");
		scrollTo(browser.findElement(By.id("merge-into")));
		screenshot("merge-refused-" + device + ".png");

		WebElement corrected = browser.findElement(By.id("merge-into"));
		corrected.clear();
		corrected.sendKeys("#" + original, Keys.ENTER);
		wait.until(ExpectedConditions.urlMatches("/agent/tickets/" + original + "$"));
		assertThat(text(".alert-success")).contains("#" + duplicate + " was merged into #" + original);
		assertThat(text("#timeline-heading + ol")).contains("It drops every ten minutes.", "from #" + duplicate);
		assertThat(text("#links")).contains("Merged from", "#" + duplicate);
		assertPageFitsTheWindow();
		screenshot("merged-" + device + ".png");
		assertThat(tickets.find(new TicketId(duplicate)).getStatus()).isEqualTo(Status.CANCELLED);
	}

	private long ticket(User requester, String title) {
		return tickets.register(new NewTicket(TicketType.INCIDENT, title + " " + UUID.randomUUID().toString().substring(0, 6),
				"Since this morning.", null, Channel.PORTAL, null, Urgency.MEDIUM, null, List.of()),
				TestFixtures.current(requester))
			.id()
			.value();
	}

	private void logIn(User user) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(user.getUsername());
		browser.findElement(By.id("password")).sendKeys(TestFixtures.PASSWORD, Keys.ENTER);
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private static void assertPageFitsTheWindow() {
		long pageWidth = (Long) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth;");
		long viewportWidth = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;");
		assertThat(pageWidth).isLessThanOrEqualTo(viewportWidth);
	}

	private static void scrollTo(WebElement element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
				element);
	}

	private static void click(By locator) {
		WebElement element = browser.findElement(locator);
		scrollTo(element);
		element.click();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText().strip();
	}

	private static void screenshot(String name) throws IOException {
		Path directory = Path.of("target/screenshots");
		Files.createDirectories(directory);
		Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(file, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
