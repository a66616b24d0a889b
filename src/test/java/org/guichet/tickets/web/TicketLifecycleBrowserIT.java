package org.guichet.tickets.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.HeadlessChromium;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Category;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole lifecycle in a real browser (headless Chromium), through the pages only: a
 * requester files an incident in the portal, a technician takes, answers and resolves it, the
 * requester accepts and rates the solution.
 */
@GuichetIntegrationTest
class TicketLifecycleBrowserIT {

	private static WebDriver browser;

	private static WebDriverWait wait;

	@LocalServerPort
	private int port;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private UserRepository users;

	@Autowired
	private Calendars calendars;

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
	void requesterFilesAnIncidentTheAgentResolvesItAndTheRequesterAcceptsAndRatesIt() throws IOException {
		User requester = fixtures.user("requester", Role.REQUESTER);
		User technician = fixtures.user("technician", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technician);
		Category printers = fixtures.category("Printer");
		String title = "Printer jams on every page " + UUID.randomUUID().toString().substring(0, 8);

		logIn(requester);
		assertThat(browser.getCurrentUrl()).endsWith("/portal");
		click(By.linkText("New request"));
		click(By.cssSelector("input[name=type][value=INCIDENT]"));
		new Select(browser.findElement(By.id("categoryId"))).selectByVisibleText(printers.getName());
		browser.findElement(By.id("title")).sendKeys(title);
		browser.findElement(By.id("description")).sendKeys("Since this morning, the printer on floor 2 jams.");
		click(By.cssSelector("input[name=urgency][value=HIGH]"));
		Path uploaded = Files.createTempFile("printer-log", ".html");
		Files.writeString(uploaded, "<script>alert('an uploaded page must never run')</script>");
		browser.findElement(By.id("file")).sendKeys(uploaded.toAbsolutePath().toString());
		screenshot("portal-new.png");
		click(By.id("send-request"));
		wait.until(ExpectedConditions.urlMatches("/portal/tickets/\\d+$"));
		assertThat(text(".alert-success")).contains("Your request is registered").doesNotContain("refused");
		assertUploadedPageIsOnlyADownload(browser.findElement(By.partialLinkText("printer-log")).getAttribute("href"));
		assertThat(text("#ticket-status")).isEqualTo("New");
		String ticketUrl = browser.getCurrentUrl();
		String number = "#" + ticketUrl.substring(ticketUrl.lastIndexOf('/') + 1);
		browser.get(url("/portal"));
		assertThat(text("#my-tickets")).contains(number, title, "New");
		browser.get(url("/agent"));
		assertThat(text("h1")).isEqualTo("Not allowed");

		logIn(technician);
		assertThat(browser.getCurrentUrl()).endsWith("/agent");
		assertThat(browser.findElement(By.id("queue-UNASSIGNED")).getAttribute("class")).contains("active");
		browser.findElement(By.id("text")).sendKeys(title, Keys.ENTER);
		wait.ignoring(StaleElementReferenceException.class).until(page -> {
			List<WebElement> rows = page.findElements(By.cssSelector("#queue-table tbody tr"));
			return rows.size() == 1 && rows.get(0).getText().contains(title) && htmxIsIdle();
		});
		screenshot("agent-queue.png");
		click(By.linkText(title));
		wait.until(ExpectedConditions.urlMatches("/agent/tickets/\\d+$"));
		assertThat(browser.getCurrentUrl()).isEqualTo(ticketUrl.replace("/portal/", "/agent/"));
		click(By.id("action-take"));
		waitForText("#ticket-status", "In progress");
		browser.findElement(By.id("reply-body")).sendKeys("Could you check the paper tray, please?");
		click(By.id("send-reply"));
		waitForText(".alert-success", "Your reply is sent");
		click(By.id("open-note"));
		browser.findElement(By.id("note-body")).sendKeys("Toner order #77 pending with the supplier.");
		click(By.id("send-note"));
		waitForText(".alert-success", "internal note");
		click(By.id("open-resolve"));
		browser.findElement(By.id("solution")).sendKeys("Replaced the worn pick-up roller.");
		click(By.id("action-resolve"));
		waitForText("#ticket-status", "Resolved");

		logIn(requester);
		browser.get(ticketUrl);
		assertThat(text("#current-solution")).contains("Replaced the worn pick-up roller.");
		assertThat(text(".timeline-list")).contains("Could you check the paper tray, please?")
			.doesNotContain("Toner order");
		click(By.id("accept"));
		waitForText("#ticket-status", "Closed");
		click(By.cssSelector("input[name=rating][value='5']"));
		browser.findElement(By.id("comment")).sendKeys("Fast and friendly.");
		click(By.id("rate"));
		waitForText(".alert-success", "Thank you for your rating");
		assertThat(text("#rating")).contains("You rated the service 5 out of 5");

		logIn(technician);
		browser.get(ticketUrl.replace("/portal/", "/agent/"));
		assertThat(text("#ticket-status")).isEqualTo("Closed");
		assertThat(text("#satisfaction")).contains("5 / 5", "Fast and friendly.");
		assertThat(text(".timeline-list")).contains("Could you check the paper tray, please?", "Toner order #77");
		String history = text("#history");
		assertThat(history).contains("New → In progress", "In progress → Resolved", "Resolved → Closed",
				"Replaced the worn pick-up roller.", "Permanent solution", requester.getFullName(),
				technician.getFullName());
		screenshot("agent-ticket.png");
	}

	@Test
	void aFrenchRequesterUsesThePortalOnAPhone() throws IOException {
		User requester = fixtures.user("phone", Role.REQUESTER);
		requester.setLanguage("fr");
		users.save(requester);
		logIn(requester);
		try {
			browser.manage().window().setSize(new Dimension(390, 844));
			click(By.linkText("Nouvelle demande"));
			browser.findElement(By.id("title")).sendKeys("Un titre assez long pour voir la liste revenir à la ligne");
			browser.findElement(By.id("description")).sendKeys("Détails.");
			click(By.id("send-request"));
			wait.until(ExpectedConditions.urlMatches("/portal/tickets/\\d+$"));
			assertThat(text(".alert-success")).contains("Votre demande est enregistrée");
			assertThat(text("#ticket-status")).isEqualTo("Nouveau");
			assertPageFitsTheWindow();
			screenshot("portal-ticket-phone-fr.png");

			browser.get(url("/portal"));
			WebElement list = browser.findElement(By.id("my-tickets"));
			assertThat(list.isDisplayed()).isTrue();
			assertThat(list.getText()).contains("Un titre assez long", "Nouveau");
			assertPageFitsTheWindow();
			screenshot("portal-phone-fr.png");
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	@Test
	void anAdministratorTestsACalendarOnAPhoneAndTheAnswerComesInPlace() throws IOException {
		long id = calendars.define("Office " + UUID.randomUUID().toString().substring(0, 8),
				StandardCalendars.frenchOffice()).id();
		logIn(fixtures.user("admin", Role.ADMINISTRATOR));
		try {
			browser.manage().window().setSize(new Dimension(390, 844));
			browser.get(url("/admin/calendars/" + id + "/edit"));
			((JavascriptExecutor) browser).executeScript(
					"document.getElementById('tester-start').value = '2026-11-27T16:00';");
			browser.findElement(By.id("tester-duration")).sendKeys("4h");
			click(By.cssSelector("#tester-deadline-form button[type=submit]"));
			waitForText("#tester-deadline", "Deadline: Monday 30 November 2026 11:00 (UTC+01:00)");
			assertThat(browser.getCurrentUrl()).endsWith("/admin/calendars/" + id + "/edit");
			assertPageFitsTheWindow();
			screenshot("admin-calendar-tester-phone.png");

			browser.get(url("/admin/sla-policies/new"));
			assertPageFitsTheWindow();
			screenshot("admin-sla-policy-phone.png");
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	@Test
	void aRequesterAnswersWhetherTheProblemIsSolvedAndFollowsUpAClosedTicket() throws IOException {
		User requester = fixtures.user("answerer", Role.REQUESTER);
		User technician = fixtures.user("resolver", Role.TECHNICIAN);
		long solved = resolvedTicket(requester, technician, "Webcam freezes");
		long unsolved = resolvedTicket(requester, technician, "Dock not detected");

		logIn(requester);
		browser.get(url("/portal/tickets/" + solved));
		assertThat(browser.findElements(By.id("reply"))).as("the plain reply form gives way to the answer").isEmpty();
		browser.findElement(By.id("reason")).sendKeys("Thank you, it works");
		screenshot("portal-answer.png");
		click(By.id("accept"));
		waitForText("#ticket-status", "Closed");
		assertThat(text(".timeline-list")).contains("Thank you, it works");
		assertThat(tickets.get(new TicketId(solved), TestFixtures.current(technician)).getReopenCount()).isZero();
		assertThat(browser.findElements(By.id("reply"))).isEmpty();
		assertThat(text("#closed-notice")).contains("This request is closed");

		click(By.id("follow-up"));
		wait.until(ExpectedConditions.urlContains("/portal/tickets/new"));
		assertThat(text("#follow-up-of")).contains("#" + solved);
		assertThat(browser.findElement(By.id("title")).getAttribute("value")).startsWith("Follow-up of #" + solved);
		browser.findElement(By.id("description")).sendKeys("The webcam freezes again since the update.");
		click(By.id("send-request"));
		wait.until(ExpectedConditions.urlMatches("/portal/tickets/\\d+$"));
		String followUp = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
		assertThat(text("#links")).contains("Follows up", "#" + solved);
		browser.get(url("/portal/tickets/" + solved));
		assertThat(text("#links")).contains("Followed up in", "#" + followUp);

		browser.get(url("/portal/tickets/" + unsolved));
		browser.findElement(By.id("reason")).sendKeys("The dock is still not detected after the restart.");
		click(By.id("refuse"));
		waitForText("#ticket-status", "In progress");
		assertThat(browser.findElements(By.id("current-solution"))).as("a refused solution is not the solution").isEmpty();
		assertThat(text("#past-solutions")).contains("Refused", "Updated the dock firmware",
				"Refused by " + requester.getFullName());
		assertThat(text(".timeline-list")).contains("The dock is still not detected after the restart.");
		assertThat(tickets.get(new TicketId(unsolved), TestFixtures.current(technician)).getReopenCount()).isEqualTo(1);
		screenshot("portal-refused.png");
	}

	private long resolvedTicket(User requester, User technician, String title) {
		Ticket ticket = tickets.register(new NewTicket(TicketType.INCIDENT, title + " " + UUID.randomUUID(),
				"It does not work.", null, Channel.PORTAL, null, Urgency.MEDIUM, null, List.of()),
				TestFixtures.current(requester));
		CurrentUser agent = TestFixtures.current(technician);
		tickets.transition(ticket.id(), Transition.of(TicketAction.TAKE), null, agent);
		tickets.transition(ticket.id(), new Transition(TicketAction.RESOLVE, null, null, "Updated the dock firmware",
				SolutionKind.PERMANENT), null, agent);
		return ticket.id().value();
	}

	private static void assertPageFitsTheWindow() {
		long pageWidth = (Long) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth;");
		long viewportWidth = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;");
		assertThat(pageWidth).isLessThanOrEqualTo(viewportWidth);
	}

	/** The attached page is served as opaque bytes to download, never as a page of Guichet's origin. */
	private static void assertUploadedPageIsOnlyADownload(String link) throws IOException {
		String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
		HttpRequest request = HttpRequest.newBuilder(URI.create(link)).header("Cookie", "JSESSIONID=" + session).build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
			assertThat(response.headers().firstValue("Content-Disposition")).get(InstanceOfAssertFactories.STRING)
				.startsWith("attachment;")
				.contains("printer-log");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.body()).contains("<script>");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void logIn(User user) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(user.getUsername());
		browser.findElement(By.id("password")).sendKeys(TestFixtures.PASSWORD, Keys.ENTER);
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/** Clicks like a person would, after scrolling the element into the middle of the window. */
	private static void click(By locator) {
		WebElement element = browser.findElement(locator);
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
				element);
		element.click();
	}

	private static boolean htmxIsIdle() {
		return (Boolean) ((JavascriptExecutor) browser)
			.executeScript("return document.querySelector('.htmx-request') === null;");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText().strip();
	}

	private static void waitForText(String css, String expected) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), expected));
	}

	private static void screenshot(String name) throws IOException {
		Path directory = Path.of("target/screenshots");
		Files.createDirectories(directory);
		Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(file, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
