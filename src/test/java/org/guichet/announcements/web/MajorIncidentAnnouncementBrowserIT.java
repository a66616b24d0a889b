package org.guichet.announcements.web;

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
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: a supervisor flags a ticket as a major incident from its page, attaches a
 * similar ticket, publishes the announcement offered prefilled; a requester sees the banner on the
 * portal on a phone, says "Me too" and follows the incident, told so; the banner then says they
 * follow it and leads to it on the portal.
 */
@GuichetIntegrationTest
class MajorIncidentAnnouncementBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	TestFixtures fixtures;

	@Autowired
	TicketManagement tickets;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void removeTheAnnouncements() {
		fixtures.removeAnnouncements();
	}

	@Test
	void aSupervisorFlagsAMajorIncidentPublishesItsAnnouncementAndARequesterSaysMeTooOnAPhone() {
		User first = fixtures.user("reporter", Role.REQUESTER);
		User second = fixtures.user("second", Role.REQUESTER);
		User affected = fixtures.user("affected", Role.REQUESTER);
		User supervisor = fixtures.user("mi-sup", Role.SUPERVISOR);
		fixtures.group(SupportLevel.N1, supervisor);
		String word = UUID.randomUUID().toString().substring(0, 6);
		long major = ticket(first, "Mail server down " + word);
		long child = ticket(second, "No mail since 9:00 " + word);

		browser.resize(Browser.DESKTOP);
		browser.logIn(supervisor);
		browser.open("/agent/tickets/" + major);
		browser.scrollTo(browser.find(By.id("major-flag")));
		browser.clickAndAwaitAnswer(By.id("major-flag"),
				ExpectedConditions.visibilityOfElementLocated(By.id("major-announce-link")));
		assertThat(browser.text("#major-incident-mark")).isEqualTo("Major incident");
		assertThat(browser.text("#flash")).contains("is a major incident");
		browser.find(By.id("major-tickets")).sendKeys("#" + child);
		browser.clickAndAwaitAnswer(By.id("major-children-submit"),
				ExpectedConditions.textToBePresentInElementLocated(By.id("major-children"), "#" + child));
		browser.scrollTo(browser.find(By.id("major-incident")));
		browser.screenshot("announcements/major-ticket-desktop.png");
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).as("the major incident's page fits a phone").isTrue();
		browser.scrollTo(browser.find(By.id("major-incident")));
		browser.screenshot("announcements/major-ticket-phone.png");
		browser.resize(Browser.DESKTOP);

		browser.click(By.id("major-announce-link"));
		browser.waiting().until(ExpectedConditions.urlContains("/agent/announcements/new"));
		assertThat(browser.find(By.id("kind")).getAttribute("value")).isEqualTo("MAJOR_INCIDENT");
		assertThat(browser.find(By.id("ticket")).getAttribute("value")).isEqualTo(String.valueOf(major));
		assertThat(browser.find(By.id("titleEn")).getAttribute("value")).contains("Mail server down " + word);
		browser.screenshot("announcements/form-desktop.png");
		browser.click(By.id("announcement-save"));
		browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("phase-CURRENT"),
				"Mail server down " + word));
		assertThat(browser.text("#announcements")).contains("Mail server down " + word);
		long announcement = jdbc.queryForObject("select max(id) from announcement where ticket_id = ?", Long.class, major);
		assertThat(browser.text("#announcement-" + announcement)).as("the IT team is not asked to click Me too")
			.contains("The IT team is working on it (ticket #" + major + ").")
			.doesNotContain("Me too");
		browser.screenshot("announcements/list-desktop.png");
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).as("the managers' list fits a phone").isTrue();
		browser.screenshot("announcements/list-phone.png");

		By meToo = By.id("me-too-" + announcement);
		browser.logIn(first);
		browser.open("/portal");
		assertThat(browser.text("#followed-" + announcement)).as("its own requester follows it already")
			.contains("You follow this incident");
		assertThat(browser.driver().findElements(meToo)).isEmpty();

		browser.logIn(affected);
		browser.open("/portal");
		assertThat(browser.find(meToo).getText()).isEqualTo("Me too");
		assertThat(browser.fitsTheWindow()).as("the banner fits a phone").isTrue();
		browser.screenshot("announcements/banner-phone.png");
		browser.clickAndAwaitAnswer(meToo, ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
		assertThat(browser.text("#flash")).contains("You follow the incident #" + major);
		assertThat(observers(major, affected)).isEqualTo(1);
		assertThat(browser.text("#followed-" + announcement)).contains("You follow this incident");
		assertThat(browser.driver().findElements(meToo)).as("no second me too in this session").isEmpty();
		browser.screenshot("announcements/me-too-phone.png");
		browser.click(By.cssSelector("#followed-" + announcement + " a"));
		browser.waiting().until(ExpectedConditions.urlContains("/portal/tickets/" + major));
		assertThat(browser.text("h1")).contains("Mail server down " + word);
		assertThat(browser.text("#major-incident-mark")).isEqualTo("Major incident");

		browser.resize(Browser.DESKTOP);
		browser.open("/portal");
		browser.screenshot("announcements/banner-desktop.png");
	}

	private int observers(long ticket, User user) {
		return jdbc.queryForObject("select count(*) from ticket_observer where ticket_id = ? and user_id = ?",
				Integer.class, ticket, user.getId());
	}

	private long ticket(User requester, String title) {
		return tickets.register(new NewTicket(TicketType.INCIDENT, title, "Since this morning.", null, Channel.PORTAL,
				null, Urgency.HIGH, null, List.of()), TestFixtures.current(requester)).id().value();
	}

}
