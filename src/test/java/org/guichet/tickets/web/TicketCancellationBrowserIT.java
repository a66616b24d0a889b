package org.guichet.tickets.web;

import java.util.List;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.AccessibilityCheck;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.Status;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent cancels a ticket from its page, in place, saying why; the reason shows on the ticket,
 * in its history and on the requester's portal, who finds a notification about it. Every page
 * passes the accessibility check, on a desktop and a phone.
 */
@GuichetIntegrationTest
class TicketCancellationBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Test
	void anAgentCancelsWithAReasonThatTheRequesterReadsOnThePortal() {
		User requester = fixtures.user("cancelled-asker", Role.REQUESTER);
		User technician = fixtures.user("cancelling-tech", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technician);
		String title = "Second screen " + UUID.randomUUID().toString().substring(0, 8);
		TicketId id = tickets.register(new NewTicket(TicketType.INCIDENT, title, "Asked twice", null, Channel.PORTAL,
				null, Urgency.LOW, null, List.of()), TestFixtures.current(requester)).id();

		browser.logIn(technician);
		browser.open("/agent/tickets/" + id.value());
		browser.click(By.id("open-cancel"));
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("cancel-reason")));
		assertThat(browser.find(By.id("cancel-reason")).getAttribute("maxlength")).isEqualTo("2000");
		browser.find(By.id("cancel-reason")).sendKeys("Registered twice: see the other ticket.");
		browser.screenshot("leftovers/cancel-form-1280.png");
		browser.clickAndAwaitAnswer(By.id("action-cancel"),
				ExpectedConditions.visibilityOfElementLocated(By.id("cancel-reason-shown")));
		assertThat(browser.find(By.id("cancel-reason-shown")).getText()).contains("Registered twice: see the other ticket.");
		assertThat(browser.find(By.id("history")).getText()).contains("Cancel reason");
		assertThat(tickets.find(id).getStatus()).isEqualTo(Status.CANCELLED);
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("leftovers/cancelled-agent-1280.png");
		browser.resize(Browser.PHONE);
		browser.open("/agent/tickets/" + id.value());
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("leftovers/cancelled-agent-390.png");

		browser.resize(Browser.DESKTOP);
		browser.logIn(requester);
		browser.open("/notifications");
		assertThat(browser.driver().getCurrentUrl()).as("a requester's notifications are on the portal")
			.endsWith("/portal/notifications");
		assertThat(browser.find(By.tagName("main")).getText()).contains("was cancelled", title);
		browser.open("/portal/tickets/" + id.value());
		assertThat(browser.find(By.id("cancel-reason-shown")).getText()).contains("Registered twice: see the other ticket.");
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("leftovers/cancelled-portal-1280.png");
		browser.resize(Browser.PHONE);
		browser.open("/portal/tickets/" + id.value());
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("leftovers/cancelled-portal-390.png");
		browser.resize(Browser.DESKTOP);
	}

}
