package org.guichet.tickets.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.replies.CannedReplies;
import org.guichet.replies.CannedReplyDefinition;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Attachment;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketChanges;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's ticket page in headless Chromium: actions sent in place (no page load, the scroll
 * and the address kept), refusals that keep the text, the keyboard shortcuts, the phone layout.
 * The time each action takes as the browser sees it is written to
 * {@code target/bench/ticket-page-actions.txt} for docs/BENCHMARKS.md; it is not asserted.
 */
@GuichetIntegrationTest
class AgentTicketPageBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private CannedReplies replies;

	private User requester;

	private User technician;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void setUp() {
		browser.resize(Browser.DESKTOP);
		requester = fixtures.user("caller", Role.REQUESTER);
		technician = fixtures.user("agent", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technician);
	}

	@Test
	void anAgentTakesAnswersWithACannedReplyAndResolvesFromTheQueueWithoutAPageLoad() throws IOException {
		replies.create(new CannedReplyDefinition("VPN " + run, "Could you restart the VPN client, please?", null),
				TestFixtures.current(technician));
		register("VPN drops every hour");
		register("VPN asks for the password twice");
		browser.logIn(technician);
		browser.open("/agent?queue=UNASSIGNED&sort=OLDEST&text=" + run);
		browser.click(By.partialLinkText("VPN drops every hour"));
		browser.waiting().until(ExpectedConditions.urlMatches("/agent/tickets/\\d+$"));
		String ticketUrl = browser.driver().getCurrentUrl();
		browser.script("""
				window.samePage = true;
				window.actionTimes = [];
				document.addEventListener('htmx:beforeRequest', function (event) { event.detail.xhr.sentAt = performance.now(); });
				document.addEventListener('htmx:afterSettle', function (event) {
				  var origin = event.detail.requestConfig && event.detail.requestConfig.elt;
				  if (origin && origin.tagName === 'FORM') {
				    window.actionTimes.push(Math.round(performance.now() - event.detail.xhr.sentAt));
				  }
				});""");

		browser.actAndAwaitAnswer(() -> press("a"), Browser.textIn("#ticket-status", "In progress"));
		press("r");
		assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("reply-body");
		browser.click(By.id("reply-body-canned"));
		browser.driver().findElement(By.id("reply-body-canned-search")).sendKeys("VPN " + run);
		// a slow network, as on a busy desk: the insertion arrives well after the click
		ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
		slow.setLatency(Duration.ofMillis(150));
		((HasNetworkConditions) browser.driver()).setNetworkConditions(slow);
		// the list answering the whole search: no other answer replaces it after the click
		By restart = By.xpath("//div[@id='reply-body-canned-list']/div[@data-query='VPN " + run + "']//button[normalize-space()='VPN " + run + "']");
		browser.click(restart);
		// one click: the picker closes once the reply is inserted, so a second click could not land
		browser.waiting().until(page -> !page.findElement(By.id("reply-body")).getDomProperty("value").isEmpty());
		((HasNetworkConditions) browser.driver()).deleteNetworkConditions();
		assertThat(browser.driver().findElement(By.id("reply-body")).getAttribute("value"))
			.isEqualTo("Could you restart the VPN client, please?");
		browser.clickAndAwaitAnswer(By.id("send-reply"), Browser.textIn("#flash-region", "Your reply is sent"));
		press("s");
		assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("solution");
		browser.driver().switchTo().activeElement().sendKeys("Updated the VPN client to 5.2.");
		browser.clickAndAwaitAnswer(By.id("action-resolve"), Browser.textIn("#ticket-status", "Resolved"));

		assertThat(browser.script("return window.samePage === true")).as("no page load after the first").isEqualTo(true);
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(ticketUrl);
		assertThat(browser.text(".timeline-list")).contains("Could you restart the VPN client, please?");
		@SuppressWarnings("unchecked")
		List<Long> times = (List<Long>) browser.script("return window.actionTimes;");
		assertThat(times).hasSize(3);
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(Path.of("target/bench/ticket-page-actions.txt"),
				"take, canned reply, resolve (ms from sending to the page settled): " + times + "\n");
		browser.screenshot("agent-ticket-resolved-in-place.png");

		browser.reload();
		assertThat(browser.text("#ticket-status")).isEqualTo("Resolved");
		press("j");
		browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlToBe(ticketUrl)));
		assertThat(browser.text("h1")).contains("VPN asks for the password twice");
		press("k");
		browser.waiting().until(ExpectedConditions.urlToBe(ticketUrl));
	}

	@Test
	void aSolutionThatCouldNotBeSentOrWasRefusedKeepsItsTextAndTheTicketsAddress() {
		Ticket ticket = register("Shared drive is read-only");
		tickets.transition(ticket.id(), Transition.of(TicketAction.TAKE), null, TestFixtures.current(technician));
		browser.logIn(technician);
		browser.open("/agent/tickets/" + ticket.id().value());
		browser.click(By.id("open-resolve"));
		browser.driver().findElement(By.id("solution")).sendKeys("Gave the team write access again.");

		ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
		offline.setOffline(true);
		((HasNetworkConditions) browser.driver()).setNetworkConditions(offline);
		try {
			browser.click(By.id("action-resolve"));
			browser.waiting().until(Browser.textIn("#flash-region", "nothing was sent"));
		}
		finally {
			((HasNetworkConditions) browser.driver()).deleteNetworkConditions();
		}
		assertThat(browser.driver().findElement(By.id("solution")).getAttribute("value"))
			.isEqualTo("Gave the team write access again.");
		assertThat(browser.text("#ticket-status")).isEqualTo("In progress");

		tickets.update(ticket.id(), new TicketChanges(null, null, null, null, Urgency.HIGH, null, null, null, false, null), null, TestFixtures.current(technician));
		browser.clickAndAwaitAnswer(By.id("action-resolve"), Browser.textIn("#problem", "changed"));
		assertThat(browser.driver().findElement(By.id("solution")).getAttribute("value"))
			.isEqualTo("Gave the team write access again.");
		assertThat(browser.driver().findElement(By.id("resolve-card")).isDisplayed()).isTrue();
		assertThat(browser.driver().getCurrentUrl()).endsWith("/agent/tickets/" + ticket.id().value());
		browser.clickAndAwaitAnswer(By.id("action-resolve"), Browser.textIn("#ticket-status", "Resolved"));
	}

	@Test
	void anImagePastedIntoANoteIsAttachedToItAndSaysSo() throws IOException {
		Ticket ticket = register("Error dialog on start");
		browser.logIn(technician);
		browser.open("/agent/tickets/" + ticket.id().value());
		browser.click(By.id("tab-note"));
		WebElement note = browser.find(By.id("note-body"));
		note.sendKeys("The error, as the user sees it:");
		// a 1x1 PNG, pasted as a screenshot tool puts it on the clipboard: a file, no text
		browser.script("""
				var bytes = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='),
				    function (c) { return c.charCodeAt(0); });
				var clipboard = new DataTransfer();
				clipboard.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
				arguments[0].dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));""",
				note);

		assertThat(browser.text("#note-file-pasted")).matches("Pasted image attached: pasted-\\d{8}-\\d{6}\\.png\\.");
		assertThat(browser.find(By.id("note-file")).getDomProperty("value")).contains("pasted-");
		assertThat(note.getDomProperty("value")).isEqualTo("The error, as the user sees it:");
		browser.screenshot("agent-note-pasted-image.png");
		browser.clickAndAwaitAnswer(By.id("send-note"), Browser.textIn("#flash-region", "Your internal note is added"));

		List<Attachment> files = tickets.view(ticket.id(), TestFixtures.current(technician)).attachments();
		assertThat(files).singleElement().satisfies(file -> {
			assertThat(file.getFileName()).startsWith("pasted-").endsWith(".png");
			assertThat(file.getContentType()).isEqualTo("image/png");
			assertThat(file.isInternal()).as("a note's file").isTrue();
		});
	}

	@Test
	void anActionRefusedInPlaceGivesTheFocusToItsReasonNotToThePageTop() {
		Ticket ticket = register("Monitor flickers");
		browser.logIn(technician);
		browser.open("/agent/tickets/" + ticket.id().value());
		press("s");

		browser.clickAndAwaitAnswer(By.id("action-resolve"), Browser.textIn("#problem", "required"));
		browser.waiting().until(driver -> "problem".equals(browser.script("return document.activeElement.id;")));
		assertThat(browser.driver().findElement(By.id("solution")).getAttribute("aria-invalid")).isEqualTo("true");
	}

	@Test
	void questionMarkListsTheShortcutsAndEscapeClosesThem() {
		Ticket ticket = register("Keyboard shortcuts");
		browser.logIn(technician);
		browser.open("/agent/tickets/" + ticket.id().value());

		press("?");
		assertThat(browser.driver().findElement(By.id("shortcuts")).isDisplayed()).isTrue();
		assertThat(browser.text("#shortcuts")).contains("Next ticket of the queue", "Resolve the ticket");
		browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
		browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("shortcuts")));
	}

	@Test
	void onAPhoneTheTicketPageStacksItsPanelsWithinTheWindow() {
		Ticket ticket = register("Phone layout of the ticket page, with a title long enough to wrap on a phone");
		browser.logIn(technician);
		browser.resize(Browser.PHONE);
		browser.open("/agent/tickets/" + ticket.id().value());

		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("agent-ticket-phone.png");
		browser.click(By.id("open-resolve"));
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("agent-ticket-phone-resolve.png");
	}

	private Ticket register(String title) {
		return tickets.register(new NewTicket(TicketType.INCIDENT, title + " " + run, "It does not work.", null,
				Channel.PORTAL, null, Urgency.MEDIUM, null, List.of()), TestFixtures.current(requester));
	}

	/** Presses a key with the focus on the page itself, not in a field. */
	private static void press(String key) {
		browser.script("document.activeElement && document.activeElement.blur();");
		browser.driver().findElement(By.tagName("body")).sendKeys(key);
	}

}
