package org.guichet.links.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.links.ActionLinks;
import org.guichet.links.LinkPurpose;
import org.guichet.testing.AccessibilityCheck;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A requester refuses a solution from the link of a mail on a phone, without logging in: the
 * reason is asked for, the ticket goes back to the team, the link once used says so, and the
 * agent reads in the history that the answer came through a signed link. Every page passes the
 * accessibility check and fits the phone's width.
 */
@GuichetIntegrationTest
class SignedLinkBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private ActionLinks links;

	@Test
	void aRequesterRefusesTheSolutionFromTheMailsLinkOnAPhoneWithoutLoggingIn() {
		User requester = fixtures.user("link-asker", Role.REQUESTER);
		User technician = fixtures.user("link-solver", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technician);
		Ticket ticket = tickets.register(new NewTicket(TicketType.INCIDENT,
				"Shared drive " + UUID.randomUUID().toString().substring(0, 8), "Cannot open it", null, Channel.PORTAL,
				null, Urgency.MEDIUM, Impact.LOW, List.of()), TestFixtures.current(requester));
		tickets.transition(ticket.id(), Transition.of(TicketAction.TAKE), null, TestFixtures.current(technician));
		tickets.transition(ticket.id(), new Transition(TicketAction.RESOLVE, null, null, "Access granted",
				SolutionKind.PERMANENT), null, TestFixtures.current(technician));
		URI link = links.issue(LinkPurpose.REFUSE_SOLUTION, ticket.id().value(), requester.id(), Duration.ofDays(7));

		browser.resize(Browser.PHONE);
		browser.open(link.getPath());
		assertThat(browser.find(By.id("link-ticket")).getText()).isEqualTo(ticket.getNumber() + " " + ticket.getTitle());
		assertThat(tickets.find(ticket.id()).getStatus()).as("opening the link does nothing").isEqualTo(Status.RESOLVED);
		assertThat(browser.fitsTheWindow()).isTrue();
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("leftovers/link-refuse-390.png");

		browser.clickAndAwaitAnswer(By.id("link-submit"),
				ExpectedConditions.visibilityOfElementLocated(By.id("link-error")));
		assertThat(tickets.find(ticket.id()).getStatus()).isEqualTo(Status.RESOLVED);
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("leftovers/link-refuse-error-390.png");

		browser.find(By.id("comment")).sendKeys("Still refused on the second floor");
		browser.clickAndAwaitAnswer(By.id("link-submit"),
				ExpectedConditions.visibilityOfElementLocated(By.id("link-done")));
		assertThat(tickets.find(ticket.id()).getStatus()).isEqualTo(Status.IN_PROGRESS);
		assertThat(browser.fitsTheWindow()).isTrue();
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("leftovers/link-refuse-done-390.png");

		browser.open(link.getPath());
		assertThat(browser.find(By.id("link-used")).getText()).contains("already used")
			.contains("the request went back to the IT team");
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("leftovers/link-refuse-used-390.png");
		browser.resize(Browser.DESKTOP);
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("leftovers/link-refuse-used-1280.png");

		browser.resize(Browser.DESKTOP);
		browser.logIn(technician);
		browser.open("/agent/tickets/" + ticket.id().value());
		assertThat(browser.find(By.id("history")).getText()).contains("Way in", "Signed link in a mail, without logging in");
	}

}
