package org.guichet.testing;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link Browser#actAndAwaitAnswer} waits for the page's answer to the action, never for the page
 * as it was before: a refusal already shown, a flash already there, do not pass for the answer of
 * a page load that starts late or of an htmx request on a slow network.
 */
@GuichetIntegrationTest
class BrowserAnswersBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser(Duration.ofSeconds(5));

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@BeforeEach
	void onThisServer() {
		browser.resize(Browser.DESKTOP);
	}

	@Test
	void aPageThatLoadsLateIsAwaitedWhileThePageBeforeShowsWhatIsAwaited() {
		browser.logIn(fixtures.user("late-page", Role.REQUESTER));
		browser.open("/portal/tickets/new");
		browser.clickAndAwaitAnswer(By.id("send-request"), ExpectedConditions.presenceOfElementLocated(By.id("title-error")));
		browser.find(By.id("title")).sendKeys("Late page");

		// the form leaves the page half a second after the gesture, as a busy browser may
		browser.actAndAwaitAnswer(
				() -> browser.script("setTimeout(function () { document.getElementById('send-request').click(); }, 500);"),
				ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));

		assertThat(browser.driver().findElements(By.id("title-error"))).as("the answer's refusal, not the first one")
			.isEmpty();
		assertThat(browser.find(By.id("title")).getAttribute("value")).isEqualTo("Late page");
	}

	@Test
	void anHtmxAnswerOnASlowNetworkIsAwaitedWhileTheFlashOfTheActionBeforeIsStillShown() {
		User technician = fixtures.user("slow-replier", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technician);
		String run = UUID.randomUUID().toString().substring(0, 8);
		Ticket ticket = tickets.register(new NewTicket(TicketType.INCIDENT, "Slow network " + run, "It is slow.", null,
				Channel.PORTAL, null, Urgency.MEDIUM, null, List.of()),
				TestFixtures.current(fixtures.user("slow-caller", Role.REQUESTER)));
		tickets.transition(ticket.id(), Transition.of(TicketAction.TAKE), null, TestFixtures.current(technician));
		browser.logIn(technician);
		browser.open("/agent/tickets/" + ticket.id().value());
		browser.find(By.id("reply-body")).sendKeys("First answer " + run);
		browser.clickAndAwaitAnswer(By.id("send-reply"), Browser.textIn("#flash-region", "Your reply is sent"));

		ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
		slow.setLatency(Duration.ofMillis(500));
		((HasNetworkConditions) browser.driver()).setNetworkConditions(slow);
		try {
			browser.find(By.id("reply-body")).sendKeys("Second answer " + run);
			browser.clickAndAwaitAnswer(By.id("send-reply"), Browser.textIn("#flash-region", "Your reply is sent"));
			assertThat(browser.text(".timeline-list")).contains("First answer " + run, "Second answer " + run);
		}
		finally {
			((HasNetworkConditions) browser.driver()).deleteNetworkConditions();
		}
	}

	@Test
	void anActionThePageNeverAnswersFailsTheWaitEvenWhenTheConditionHoldsAlready() {
		browser.logIn(fixtures.user("no-answer", Role.REQUESTER));
		// typing in a field that nothing sends until its form is submitted (the new-request form's
		// title asks for suggested articles: that page answers typing)
		browser.open("/profile");

		assertThatExceptionOfType(TimeoutException.class)
			.isThrownBy(() -> browser.actAndAwaitAnswer(() -> browser.find(By.id("currentPassword")).sendKeys("typed"),
					ExpectedConditions.presenceOfElementLocated(By.id("currentPassword"))));
	}

}
