package org.guichet.replies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.HeadlessChromium;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Comment;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Status;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent on a ticket in a real browser (headless Chromium): inserts a canned reply into what
 * they already typed, sends it, then applies the "waiting for the user" macro; a macro refused
 * by the lifecycle says so and changes nothing.
 */
@GuichetIntegrationTest
class RepliesBrowserIT {

	private static WebDriver browser;

	private static WebDriverWait wait;

	@LocalServerPort
	private int port;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private CannedReplies replies;

	@Autowired
	private Macros macros;

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
	void anAgentInsertsACannedReplyIntoTheirTextSendsItThenAppliesThePendingMacro() throws IOException {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		User techUser = fixtures.user("browser-tech", Role.TECHNICIAN);
		User supervisorUser = fixtures.user("browser-sup", Role.SUPERVISOR);
		CurrentUser tech = TestFixtures.current(techUser);
		CurrentUser supervisor = TestFixtures.current(supervisorUser);
		SupportGroup group = fixtures.group(SupportLevel.N1, techUser, supervisorUser);
		CurrentUser requester = TestFixtures.current(fixtures.user("Zoé", Role.REQUESTER));
		replies.create(new CannedReplyDefinition("Greeting " + tag,
				"Hello {{requester.firstName}}, about {{ticket.title}}.", group.getId()), supervisor);
		Macro waiting = macros.create(new MacroDefinition("Waiting for the user " + tag, group.getId(), false, null,
				null, null, MacroStatus.PENDING, PendingReason.USER, null, "Could you tell us more?", null), supervisor);
		TicketId id = tickets.register(new NewTicket(TicketType.INCIDENT, "Printer <jammed>", "Paper stuck.", null,
				Channel.PORTAL, null, Urgency.MEDIUM, Impact.LOW, List.of()), requester).id();
		tickets.assign(id, group.getId(), tech.id(), null, tech);
		tickets.transition(id, Transition.of(TicketAction.TAKE), null, tech);

		logIn(techUser);
		browser.get(url("/agent/tickets/" + id.value()));
		WebElement body = browser.findElement(By.id("reply-body"));
		body.sendKeys("Typed first.");
		click(browser.findElement(By.id("reply-body-canned")));
		WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-body-canned-search")));
		search.sendKeys("greeting " + tag);
		By choice = By.xpath("//div[@id='reply-body-canned-list']//button[normalize-space()='Greeting " + tag + "']");
		wait.until(ExpectedConditions.elementToBeClickable(choice));
		screenshot("replies-picker-desktop");
		// the list is swapped in by htmx as the search is typed: click the one of the last answer
		wait.ignoring(StaleElementReferenceException.class).until(d -> {
			click(d.findElement(choice));
			return true;
		});

		wait.until(d -> body.getDomProperty("value").contains("Hello Zoé"));
		assertThat(body.getDomProperty("value")).isEqualTo("Typed first.\nHello Zoé, about Printer \\<jammed\\>.");
		click(browser.findElement(By.id("send-reply")));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
		// a browser sends a textarea's line breaks as CR LF
		assertThat(tickets.comments(id, tech)).extracting(c -> c.getBody().replace("\r\n", "\n"))
			.containsExactly("Typed first.\nHello Zoé, about Printer \\<jammed\\>.");

		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get(url("/agent/tickets/" + id.value()));
		click(wait.until(ExpectedConditions.elementToBeClickable(By.id("macros-open"))));
		screenshot("replies-macros-phone");
		click(wait.until(ExpectedConditions.elementToBeClickable(By.id("macro-" + waiting.id()))));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "Waiting for the user " + tag));
		assertThat(tickets.get(id, tech).getStatus()).isEqualTo(Status.PENDING);
		assertThat(tickets.comments(id, tech)).extracting(Comment::getBody).endsWith("Could you tell us more?");

		// pending already: the lifecycle refuses the macro's transition, nothing is posted again
		click(wait.until(ExpectedConditions.elementToBeClickable(By.id("macros-open"))));
		click(wait.until(ExpectedConditions.elementToBeClickable(By.id("macro-" + waiting.id()))));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
		assertThat(browser.findElement(By.id("problem")).getText()).contains("was not applied")
			.contains("nothing was changed");
		assertThat(tickets.comments(id, tech)).hasSize(2);
		screenshot("replies-refused-phone");
		browser.manage().window().setSize(new Dimension(1280, 900));
	}

	private void logIn(User user) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(user.getUsername());
		browser.findElement(By.id("password")).sendKeys(TestFixtures.PASSWORD, Keys.ENTER);
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private static void click(WebElement element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
				element);
		element.click();
	}

	private static void screenshot(String name) throws IOException {
		Path target = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(target.getParent());
		Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
