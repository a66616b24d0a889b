package org.guichet.tickets.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole lifecycle in a real browser (headless Chromium), through the pages only: a
 * requester files an incident in the portal, a technician takes, answers and resolves it, the
 * requester accepts and rates the solution.
 */
@GuichetIntegrationTest
class TicketLifecycleBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private UserRepository users;

	@Autowired
	private Calendars calendars;

	@Autowired
	private TicketManagement tickets;

	@Test
	void requesterFilesAnIncidentTheAgentResolvesItAndTheRequesterAcceptsAndRatesIt() throws IOException {
		User requester = fixtures.user("requester", Role.REQUESTER);
		User technician = fixtures.user("technician", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technician);
		Category printers = fixtures.category("Printer");
		String title = "Printer jams on every page " + UUID.randomUUID().toString().substring(0, 8);

		browser.logInOnTheLoginPage(requester);
		assertThat(browser.driver().getCurrentUrl()).endsWith("/portal");
		browser.clickAndAwaitAnswer(By.linkText("New request"), ExpectedConditions.presenceOfElementLocated(By.id("title")));
		browser.click(By.cssSelector("input[name=type][value=INCIDENT]"));
		new Select(browser.find(By.id("categoryId"))).selectByVisibleText(printers.getName());
		browser.find(By.id("title")).sendKeys(title);
		browser.find(By.id("description")).sendKeys("Since this morning, the printer on floor 2 jams.");
		browser.click(By.cssSelector("input[name=urgency][value=HIGH]"));
		Path uploaded = Files.createTempFile("printer-log", ".html");
		Files.writeString(uploaded, "<script>alert('an uploaded page must never run')</script>");
		browser.find(By.id("file")).sendKeys(uploaded.toAbsolutePath().toString());
		browser.screenshot("portal-new.png");
		browser.click(By.id("send-request"));
		browser.waiting().until(ExpectedConditions.urlMatches("/portal/tickets/\\d+$"));
		assertThat(browser.text(".alert-success")).contains("Your request is registered").doesNotContain("refused");
		assertUploadedPageIsOnlyADownload(browser.find(By.partialLinkText("printer-log")).getAttribute("href"));
		assertThat(browser.text("#ticket-status")).isEqualTo("New");
		String ticketUrl = browser.driver().getCurrentUrl();
		String number = "#" + ticketUrl.substring(ticketUrl.lastIndexOf('/') + 1);
		browser.open("/portal");
		assertThat(browser.text("#my-tickets")).contains(number, title, "New");
		browser.open("/agent");
		assertThat(browser.driver().getCurrentUrl()).as("a requester is sent to the portal").endsWith("/portal");

		browser.logInOnTheLoginPage(technician);
		assertThat(browser.driver().getCurrentUrl()).endsWith("/agent");
		assertThat(browser.find(By.id("queue-UNASSIGNED")).getAttribute("class")).contains("active");
		browser.find(By.id("text")).sendKeys(title, Keys.ENTER);
		browser.waiting().ignoring(StaleElementReferenceException.class).until(page -> {
			List<WebElement> rows = page.findElements(By.cssSelector("#queue-table tbody tr"));
			return rows.size() == 1 && rows.get(0).getText().contains(title) && browser.htmxIsIdle();
		});
		browser.screenshot("agent-queue.png");
		browser.click(By.linkText(title));
		browser.waiting().until(ExpectedConditions.urlMatches("/agent/tickets/\\d+$"));
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(ticketUrl.replace("/portal/", "/agent/"));
		browser.clickAndAwaitAnswer(By.id("action-take"), Browser.textIn("#ticket-status", "In progress"));
		browser.find(By.id("reply-body")).sendKeys("Could you check the paper tray, please?");
		browser.clickAndAwaitAnswer(By.id("send-reply"), Browser.textIn(".alert-success", "Your reply is sent"));
		browser.click(By.id("open-note"));
		browser.find(By.id("note-body")).sendKeys("Toner order #77 pending with the supplier.");
		browser.clickAndAwaitAnswer(By.id("send-note"), Browser.textIn(".alert-success", "internal note"));
		browser.click(By.id("open-resolve"));
		browser.find(By.id("solution")).sendKeys("Replaced the worn pick-up roller.");
		browser.clickAndAwaitAnswer(By.id("action-resolve"), Browser.textIn("#ticket-status", "Resolved"));

		browser.logIn(requester);
		browser.load(ticketUrl);
		assertThat(browser.text("#current-solution")).contains("Replaced the worn pick-up roller.");
		assertThat(browser.text(".timeline-list")).contains("Could you check the paper tray, please?")
			.doesNotContain("Toner order");
		browser.clickAndAwaitAnswer(By.id("accept"), Browser.textIn("#ticket-status", "Closed"));
		browser.click(By.cssSelector("input[name=rating][value='5']"));
		browser.find(By.id("comment")).sendKeys("Fast and friendly.");
		browser.clickAndAwaitAnswer(By.id("rate"), Browser.textIn(".alert-success", "Thank you for your rating"));
		assertThat(browser.text("#rating")).contains("You rated the service 5 out of 5");

		browser.logIn(technician);
		browser.load(ticketUrl.replace("/portal/", "/agent/"));
		assertThat(browser.text("#ticket-status")).isEqualTo("Closed");
		assertThat(browser.text("#satisfaction")).contains("5 / 5", "Fast and friendly.");
		assertThat(browser.text(".timeline-list")).contains("Could you check the paper tray, please?", "Toner order #77");
		String history = browser.text("#history");
		assertThat(history).contains("New → In progress", "In progress → Resolved", "Resolved → Closed",
				"Replaced the worn pick-up roller.", "Permanent solution", requester.getFullName(),
				technician.getFullName());
		browser.screenshot("agent-ticket.png");
	}

	@Test
	void aFrenchRequesterUsesThePortalOnAPhone() throws IOException {
		User requester = fixtures.user("phone", Role.REQUESTER);
		requester.setLanguage("fr");
		users.save(requester);
		browser.logIn(requester);
		browser.open("/portal");
		try {
			browser.resize(Browser.PHONE);
			browser.clickAndAwaitAnswer(By.linkText("Nouvelle demande"),
					ExpectedConditions.presenceOfElementLocated(By.id("title")));
			browser.find(By.id("title")).sendKeys("Un titre assez long pour voir la liste revenir à la ligne");
			browser.find(By.id("description")).sendKeys("Détails.");
			browser.click(By.id("send-request"));
			browser.waiting().until(ExpectedConditions.urlMatches("/portal/tickets/\\d+$"));
			assertThat(browser.text(".alert-success")).contains("Votre demande est enregistrée");
			assertThat(browser.text("#ticket-status")).isEqualTo("Nouveau");
			assertThat(browser.fitsTheWindow()).as("the page fits the window").isTrue();
			browser.screenshot("portal-ticket-phone-fr.png");

			browser.open("/portal");
			WebElement list = browser.find(By.id("my-tickets"));
			assertThat(list.isDisplayed()).isTrue();
			assertThat(list.getText()).contains("Un titre assez long", "Nouveau");
			assertThat(browser.fitsTheWindow()).as("the page fits the window").isTrue();
			browser.screenshot("portal-phone-fr.png");
		}
		finally {
			browser.resize(Browser.DESKTOP);
		}
	}

	@Test
	void anAdministratorTestsACalendarOnAPhoneAndTheAnswerComesInPlace() throws IOException {
		long id = calendars.define("Office " + UUID.randomUUID().toString().substring(0, 8),
				StandardCalendars.frenchOffice()).id();
		browser.logIn(fixtures.user("admin", Role.ADMINISTRATOR));
		try {
			browser.resize(Browser.PHONE);
			browser.open("/admin/calendars/" + id + "/edit");
			browser.script(
					"document.getElementById('tester-start').value = '2026-11-27T16:00';");
			browser.find(By.id("tester-duration")).sendKeys("4h");
			browser.clickAndAwaitAnswer(By.cssSelector("#tester-deadline-form button[type=submit]"),
					Browser.textIn("#tester-deadline", "Deadline: Monday 30 November 2026 11:00 (UTC+01:00)"));
			assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/calendars/" + id + "/edit");
			assertThat(browser.fitsTheWindow()).as("the page fits the window").isTrue();
			browser.screenshot("admin-calendar-tester-phone.png");

			browser.open("/admin/sla-policies/new");
			assertThat(browser.fitsTheWindow()).as("the page fits the window").isTrue();
			browser.screenshot("admin-sla-policy-phone.png");
		}
		finally {
			browser.resize(Browser.DESKTOP);
		}
	}

	@Test
	void aRequesterAnswersWhetherTheProblemIsSolvedAndFollowsUpAClosedTicket() throws IOException {
		User requester = fixtures.user("answerer", Role.REQUESTER);
		User technician = fixtures.user("resolver", Role.TECHNICIAN);
		long solved = resolvedTicket(requester, technician, "Webcam freezes");
		long unsolved = resolvedTicket(requester, technician, "Dock not detected");

		browser.logIn(requester);
		browser.open("/portal/tickets/" + solved);
		assertThat(browser.driver().findElements(By.id("reply"))).as("the plain reply form gives way to the answer").isEmpty();
		browser.find(By.id("reason")).sendKeys("Thank you, it works");
		browser.screenshot("portal-answer.png");
		browser.clickAndAwaitAnswer(By.id("accept"), Browser.textIn("#ticket-status", "Closed"));
		assertThat(browser.text(".timeline-list")).contains("Thank you, it works");
		assertThat(tickets.get(new TicketId(solved), TestFixtures.current(technician)).getReopenCount()).isZero();
		assertThat(browser.driver().findElements(By.id("reply"))).isEmpty();
		assertThat(browser.text("#closed-notice")).contains("This request is closed");

		browser.click(By.id("follow-up"));
		browser.waiting().until(ExpectedConditions.urlContains("/portal/tickets/new"));
		assertThat(browser.text("#follow-up-of")).contains("#" + solved);
		assertThat(browser.find(By.id("title")).getAttribute("value")).startsWith("Follow-up of #" + solved);
		browser.find(By.id("description")).sendKeys("The webcam freezes again since the update.");
		browser.click(By.id("send-request"));
		browser.waiting().until(ExpectedConditions.urlMatches("/portal/tickets/\\d+$"));
		String followUp = browser.driver().getCurrentUrl().substring(browser.driver().getCurrentUrl().lastIndexOf('/') + 1);
		assertThat(browser.text("#links")).contains("Follows up", "#" + solved);
		browser.open("/portal/tickets/" + solved);
		assertThat(browser.text("#links")).contains("Followed up in", "#" + followUp);

		browser.open("/portal/tickets/" + unsolved);
		browser.find(By.id("reason")).sendKeys("The dock is still not detected after the restart.");
		browser.clickAndAwaitAnswer(By.id("refuse"), Browser.textIn("#ticket-status", "In progress"));
		assertThat(browser.driver().findElements(By.id("current-solution"))).as("a refused solution is not the solution").isEmpty();
		assertThat(browser.text("#past-solutions")).contains("Refused", "Updated the dock firmware",
				"Refused by " + requester.getFullName());
		assertThat(browser.text(".timeline-list")).contains("The dock is still not detected after the restart.");
		assertThat(tickets.get(new TicketId(unsolved), TestFixtures.current(technician)).getReopenCount()).isEqualTo(1);
		browser.screenshot("portal-refused.png");
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

	/** The attached page is served as opaque bytes to download, never as a page of Guichet's origin. */
	private static void assertUploadedPageIsOnlyADownload(String link) throws IOException {
		String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
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

}
