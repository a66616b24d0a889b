package org.guichet.replies;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Comment;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent on a ticket in a real browser (headless Chromium): inserts a canned reply into what
 * they already typed, sends it, then applies the "waiting for the user" macro; a macro refused
 * by the lifecycle says so and changes nothing.
 */
@GuichetIntegrationTest
class RepliesBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private CannedReplies replies;

	@Autowired
	private Macros macros;

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
				null, null, MacroStatus.PENDING, PendingReason.USER, null, "Could you tell us more?", null, null, null),
				supervisor);
		TicketId id = tickets.register(new NewTicket(TicketType.INCIDENT, "Printer <jammed>", "Paper stuck.", null,
				Channel.PORTAL, null, Urgency.MEDIUM, Impact.LOW, List.of()), requester).id();
		tickets.assign(id, group.getId(), tech.id(), null, tech);
		tickets.transition(id, Transition.of(TicketAction.TAKE), null, tech);

		browser.logIn(techUser);
		browser.open("/agent/tickets/" + id.value());
		WebElement body = browser.find(By.id("reply-body"));
		body.sendKeys("Typed first.");
		browser.click(browser.find(By.id("reply-body-canned")));
		WebElement search = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-body-canned-search")));
		search.sendKeys("greeting " + tag);
		// the list is swapped in by htmx as the search is typed: click in the one answering the whole search
		By choice = By.xpath("//div[@id='reply-body-canned-list']/div[@data-query='greeting " + tag + "']//button[normalize-space()='Greeting " + tag + "']");
		browser.waiting().until(ExpectedConditions.elementToBeClickable(choice));
		browser.screenshot("replies-picker-desktop.png");
		browser.click(choice);

		browser.waiting().until(d -> body.getDomProperty("value").contains("Hello Zoé"));
		assertThat(body.getDomProperty("value")).isEqualTo("Typed first.\nHello Zoé, about Printer \\<jammed\\>.");
		browser.clickAndAwaitAnswer(By.id("send-reply"), ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
		// a browser sends a textarea's line breaks as CR LF
		assertThat(tickets.comments(id, tech)).extracting(c -> c.getBody().replace("\r\n", "\n"))
			.containsExactly("Typed first.\nHello Zoé, about Printer \\<jammed\\>.");

		browser.resize(Browser.PHONE);
		browser.open("/agent/tickets/" + id.value());
		browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("macros-open"))));
		browser.screenshot("replies-macros-phone.png");
		browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("macro-" + waiting.id()))));
		// the macro changes the status: it asks first, and nothing happens when the agent says no
		Alert question = browser.waiting().until(ExpectedConditions.alertIsPresent());
		assertThat(question.getText()).contains("Waiting for the user " + tag, "status or assignment");
		question.dismiss();
		assertThat(tickets.get(id, tech).getStatus()).isNotEqualTo(Status.PENDING);
		browser.actAndAwaitAnswer(() -> applyAfterConfirming(waiting),
				ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "Waiting for the user " + tag));
		assertThat(tickets.get(id, tech).getStatus()).isEqualTo(Status.PENDING);
		assertThat(tickets.comments(id, tech)).extracting(Comment::getBody).endsWith("Could you tell us more?");

		// pending already: the lifecycle refuses the macro's transition, nothing is posted again
		browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("macros-open"))));
		// the flash of the macro applied before is still on the page
		browser.actAndAwaitAnswer(() -> applyAfterConfirming(waiting),
				ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
		assertThat(browser.find(By.id("problem")).getText()).contains("was not applied")
			.contains("nothing was changed");
		assertThat(tickets.comments(id, tech)).hasSize(2);
		browser.screenshot("replies-refused-phone.png");
		browser.resize(Browser.DESKTOP);

		// a reply stops at the server's limit, and screen readers hear what is left near it
		WebElement reply = browser.find(By.id("reply-body"));
		assertThat(reply.getAttribute("maxlength")).isEqualTo(String.valueOf(Ticket.TEXT_MAX));
		browser.script("var f = document.getElementById('reply-body'); f.value = 'x'.repeat(arguments[0]);"
				+ " f.dispatchEvent(new Event('input', { bubbles: true }));", Ticket.TEXT_MAX - 10);
		browser.waiting().until(driver -> "10 characters left"
			.equals(driver.findElement(By.id("reply-body-remaining")).getAttribute("textContent")));
	}

	@Test
	void anAgentWritesAMacroThatResolvesAndAppliesItFromTheTicketPage() throws IOException {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		User techUser = fixtures.user("browser-resolver", Role.TECHNICIAN);
		CurrentUser tech = TestFixtures.current(techUser);
		SupportGroup group = fixtures.group(SupportLevel.N1, techUser);
		CurrentUser requester = TestFixtures.current(fixtures.user("Zoé", Role.REQUESTER));
		TicketId id = tickets.register(new NewTicket(TicketType.INCIDENT, "VPN drops", "Every hour.", null,
				Channel.PORTAL, null, Urgency.MEDIUM, Impact.LOW, List.of()), requester).id();
		tickets.assign(id, group.getId(), tech.id(), null, tech);

		browser.logIn(techUser);
		browser.open("/agent/macros/new");
		browser.find(By.id("name")).sendKeys("Solved by a restart " + tag);
		new Select(browser.find(By.id("status"))).selectByValue("RESOLVE");
		new Select(browser.find(By.id("solutionKind"))).selectByValue("WORKAROUND");
		browser.find(By.id("solution")).sendKeys("Restarted the client for {{requester.firstName}}.");
		browser.screenshot("macro-resolve-form-desktop.png");
		browser.click(By.id("save"));
		browser.waiting().until(ExpectedConditions.urlMatches("/agent/macros$"));
		Macro macro = macros.usable(tech).stream().filter(m -> m.getName().endsWith(tag)).findFirst().orElseThrow();
		assertThat(browser.driver().getPageSource()).contains("Solved by a restart " + tag, "Resolve");

		browser.open("/agent/tickets/" + id.value());
		browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("macros-open"))));
		browser.actAndAwaitAnswer(() -> applyAfterConfirming(macro),
				ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "Solved by a restart " + tag));
		Ticket resolved = tickets.get(id, tech);
		assertThat(resolved.getStatus()).isEqualTo(Status.RESOLVED);
		assertThat(resolved.getSolution()).isEqualTo("Restarted the client for Zoé.");
		assertThat(resolved.getSolutionKind()).isEqualTo(SolutionKind.WORKAROUND);
		assertThat(browser.text("#current-solution")).contains("Workaround", "Restarted the client for Zoé.");
		browser.screenshot("macro-resolved-desktop.png");
	}

	/** Clicks the macro in the open menu and says yes when the page asks before changing the status. */
	private static void applyAfterConfirming(Macro macro) {
		browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("macro-" + macro.id()))));
		browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
	}

}
