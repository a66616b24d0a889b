package org.guichet.tickets.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent merges a duplicate into the ticket it duplicates from the ticket page, in a real
 * browser, on a desktop and on a phone: a mistyped number is refused next to the field and kept,
 * the right one moves the conversation and lands the agent on the other ticket.
 */
@GuichetIntegrationTest
class TicketMergeBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Test
	void anAgentMergesADuplicateFromTheTicketPageOnADesktop() throws IOException {
		mergeFromThePage(Browser.DESKTOP, "desktop");
	}

	@Test
	void anAgentMergesADuplicateFromTheTicketPageOnAPhone() throws IOException {
		mergeFromThePage(Browser.PHONE, "phone");
	}

	@Test
	void anAgentFindsTheTicketToLinkByWordsOfItsTitleAndPicksItWithTheKeyboard() throws IOException {
		browser.resize(Browser.DESKTOP);
		User requester = fixtures.user("link-asker", Role.REQUESTER);
		User technician = fixtures.user("link-tech", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technician);
		String word = "Badge" + UUID.randomUUID().toString().substring(0, 6);
		long parent = ticket(requester, "Office move of the " + word + " team");
		long child = ticket(requester, "Move the printer");

		browser.logIn(technician);
		browser.open("/agent/tickets/" + child);
		WebElement field = browser.find(By.id("link-ticket"));
		browser.scrollTo(field);
		field.sendKeys(word.toLowerCase() + " team");
		browser.waiting().until(ExpectedConditions.attributeToBe(field, "aria-expanded", "true"));
		field.sendKeys(Keys.ARROW_DOWN);
		assertThat(field.getAttribute("aria-activedescendant")).isEqualTo("candidate-" + parent);
		browser.screenshot("link-typeahead-desktop.png");
		field.sendKeys(Keys.ENTER);
		assertThat(field.getAttribute("value")).isEqualTo("#" + parent);
		assertThat(field.getAttribute("aria-expanded")).isEqualTo("false");

		browser.clickAndAwaitAnswer(By.id("link-submit"),
				ExpectedConditions.textToBePresentInElementLocated(By.id("links"), "#" + parent));
		assertThat(browser.text("#links")).contains("Related to", "Office move of the " + word + " team");
	}

	private void mergeFromThePage(Dimension size, String device) throws IOException {
		browser.resize(size);
		User requester = fixtures.user("merge-asker", Role.REQUESTER);
		User technician = fixtures.user("merge-tech", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technician);
		long original = ticket(requester, "Wi-Fi drops in room 12");
		long duplicate = ticket(requester, "No Wi-Fi in room 12");
		tickets.comment(new TicketId(duplicate), "It drops every ten minutes.", false, TestFixtures.current(requester));

		browser.logIn(technician);
		browser.open("/agent/tickets/" + duplicate);
		assertThat(browser.fitsTheWindow()).as("the page fits the window").isTrue();
		WebElement into = browser.find(By.id("merge-into"));
		browser.scrollTo(into);
		browser.screenshot("merge-form-" + device + ".png");
		into.sendKeys(String.valueOf(duplicate));
		browser.clickAndAwaitAnswer(By.id("merge-submit"),
				ExpectedConditions.visibilityOfElementLocated(By.id("merge-error")));
		assertThat(browser.text("#merge-error")).contains("cannot be merged into itself");
		assertThat(browser.find(By.id("merge-into")).getAttribute("value")).isEqualTo(String.valueOf(duplicate));
		assertThat(browser.find(By.id("merge-into")).getAttribute("aria-describedby")).contains("merge-error");
		browser.scrollTo(browser.find(By.id("merge-into")));
		browser.screenshot("merge-refused-" + device + ".png");

		WebElement corrected = browser.find(By.id("merge-into"));
		corrected.clear();
		corrected.sendKeys("#" + original, Keys.ENTER);
		browser.waiting().until(ExpectedConditions.urlMatches("/agent/tickets/" + original + "$"));
		assertThat(browser.text(".alert-success")).contains("#" + duplicate + " was merged into #" + original);
		assertThat(browser.text("#timeline-heading + ol")).contains("It drops every ten minutes.", "from #" + duplicate);
		assertThat(browser.text("#links")).contains("Merged from", "#" + duplicate);
		assertThat(browser.fitsTheWindow()).as("the page fits the window").isTrue();
		browser.screenshot("merged-" + device + ".png");
		assertThat(tickets.find(new TicketId(duplicate)).getStatus()).isEqualTo(Status.CANCELLED);
	}

	private long ticket(User requester, String title) {
		return tickets.register(new NewTicket(TicketType.INCIDENT, title + " " + UUID.randomUUID().toString().substring(0, 6),
				"Since this morning.", null, Channel.PORTAL, null, Urgency.MEDIUM, null, List.of()),
				TestFixtures.current(requester))
			.id()
			.value();
	}

}
