package org.guichet.tickets.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaPolicyRepository;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.RequesterSlaVisibility;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requester's portal on a phone, in French: the list as cards with the expected resolution,
 * the filter kept in the URL, the notifications; then, logged out, the "forgot password" page
 * in the browser's language.
 */
@GuichetIntegrationTest
class PortalBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private UserRepository users;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private DeskSettings settings;

	@Autowired
	private Calendars calendars;

	@Autowired
	private SlaPolicyRepository policies;

	@AfterEach
	void hideTheSla() {
		settings.saveRequesterSlaVisibility(RequesterSlaVisibility.NONE);
		browser.resize(Browser.DESKTOP);
	}

	@Test
	void aRequesterOnAPhoneFiltersTheirRequestsReadsTheirNotificationsAndSeesTheExpectedResolution()
			throws IOException {
		String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
		String department = "Portail " + word;
		long calendarId = calendars.define("24/7 " + department, StandardCalendars.twentyFourSeven()).id();
		SlaPolicy policy = new SlaPolicy("Politique " + department, calendarId);
		policy.conditions(null, null, department, null);
		for (Priority priority : Priority.values()) {
			policy.target(TicketType.INCIDENT, priority, Duration.ofHours(4), Duration.ofHours(24));
		}
		policies.save(policy);
		settings.saveRequesterSlaVisibility(RequesterSlaVisibility.EXPECTED_RESOLUTION);
		User requester = fixtures.user("telephone", Role.REQUESTER);
		requester.setLanguage("fr");
		requester.setDepartment(department);
		users.save(requester);
		CurrentUser technician = TestFixtures.current(fixtures.user("tech", Role.TECHNICIAN));
		TicketId printer = register(requester, "Imprimante du 2e étage " + word);
		TicketId screen = register(requester, "Écran qui clignote " + word);
		TicketId vpn = register(requester, "VPN coupé chaque heure " + word);
		tickets.comment(printer, "Nous passons cet après-midi.", false, technician);
		tickets.comment(printer, "Note interne : toner commandé chez le fournisseur", true, technician);
		tickets.transition(screen, Transition.of(TicketAction.TAKE), null, technician);
		tickets.transition(screen, new Transition(TicketAction.PENDING, null, PendingReason.USER, null, null), null,
				technician);
		tickets.transition(vpn, Transition.of(TicketAction.TAKE), null, technician);
		tickets.transition(vpn, new Transition(TicketAction.RESOLVE, null, null, "Nouveau profil VPN",
				SolutionKind.PERMANENT), null, technician);

		browser.resize(Browser.PHONE);
		browser.logIn(requester);
		browser.open("/portal?q=" + word);
		browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("expected-" + screen.value()), "suspendue"));
		assertThat(browser.text("#my-tickets")).contains("Imprimante du 2e étage", "Écran qui clignote", "VPN coupé");
		assertThat(browser.text("#expected-" + vpn.value())).isEqualTo("résolue dans les délais");
		assertThat(browser.find(By.cssSelector("#expected-" + printer.value() + " time")).getText()).isNotBlank();
		assertThat(browser.find(By.cssSelector("#nav-notifications .badge")).getAttribute("textContent"))
			.isEqualTo("3");
		assertThat(browser.fitsTheWindow()).as("the page fits the window").isTrue();
		browser.screenshot("portal-list-phone-fr.png");

		new Select(browser.find(By.id("filter-status"))).selectByVisibleText("En attente de ma réponse");
		browser.click(By.id("filter-submit"));
		browser.waiting().until(ExpectedConditions.urlContains("status=WAITING_ON_REQUESTER"));
		assertThat(browser.driver().getCurrentUrl()).contains("q=" + word);
		assertThat(browser.text("#my-tickets")).contains("Écran qui clignote").doesNotContain("Imprimante", "VPN");
		browser.reload();
		assertThat(new Select(browser.find(By.id("filter-status"))).getFirstSelectedOption().getText())
			.isEqualTo("En attente de ma réponse");
		browser.screenshot("portal-filtered-phone-fr.png");

		browser.open("/portal/notifications");
		String notifications = browser.text("#notifications");
		assertThat(notifications).contains("L’équipe informatique a répondu à votre demande #" + printer.value(),
				"Votre demande #" + screen.value(), "attend votre réponse", "Votre demande #" + vpn.value(),
				"est résolue").doesNotContain("toner", "Note interne");
		assertThat(browser.fitsTheWindow()).as("the page fits the window").isTrue();
		browser.screenshot("portal-notifications-phone-fr.png");
		browser.click(By.xpath("//li[contains(., 'a répondu')]//button"));
		browser.waiting().until(ExpectedConditions.urlMatches("/portal/tickets/" + printer.value() + "$"));
		assertThat(browser.text(".timeline-list")).contains("Nous passons cet après-midi.").doesNotContain("toner");
		assertThat(browser.find(By.cssSelector("#nav-notifications .badge")).getAttribute("textContent"))
			.isEqualTo("2");
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("expected-resolution-date")));
		assertThat(browser.fitsTheWindow()).as("the page fits the window").isTrue();
		browser.screenshot("portal-ticket-phone-fr.png");

		browser.driver().manage().deleteAllCookies();
		browser.open("/login");
		browser.click(By.id("forgot-link"));
		browser.find(By.id("login")).sendKeys(requester.getUsername(), Keys.ENTER);
		browser.waiting().until(ExpectedConditions.urlContains("/password/forgot?sent"));
		// logged out, the page speaks the browser's language (English here)
		assertThat(browser.text("#flash")).contains("Your request is recorded, if an account matches");
		assertThat(browser.fitsTheWindow()).as("the page fits the window").isTrue();
		browser.screenshot("password-forgot-phone-en.png");
	}

	@Test
	void aRatingCommentStopsAtItsLimitSaysSoAndIsSentWithTheRating() throws IOException {
		User requester = fixtures.user("rater", Role.REQUESTER);
		requester.setLanguage("fr");
		users.save(requester);
		CurrentUser technician = TestFixtures.current(fixtures.user("rating-tech", Role.TECHNICIAN));
		TicketId id = register(requester, "Souris sans fil");
		tickets.transition(id, Transition.of(TicketAction.TAKE), null, technician);
		tickets.transition(id, new Transition(TicketAction.RESOLVE, null, null, "Piles changées",
				SolutionKind.PERMANENT), null, technician);
		// the survey asks about closed tickets
		tickets.transition(id, Transition.of(TicketAction.ACCEPT), null, TestFixtures.current(requester));

		browser.logIn(requester);
		for (var size : List.of(Browser.PHONE, Browser.DESKTOP)) {
			browser.resize(size);
			browser.open("/portal/tickets/" + id.value());
			var comment = browser.find(By.id("comment"));
			browser.scrollTo(comment);
			assertThat(comment.getAttribute("maxlength")).isEqualTo(String.valueOf(Ticket.RATING_COMMENT_MAX));
			assertThat(comment.getAttribute("aria-describedby")).isEqualTo("comment-help");
			assertThat(browser.text("#comment-help")).matches("2[\u00a0\u202f ]000 caractères au plus\\.");
			assertThat(browser.fitsTheWindow()).as("the page fits the window").isTrue();
			browser.screenshot("portal-rating-" + (size == Browser.PHONE ? "phone" : "desktop") + "-fr.png");
		}
		browser.click(By.cssSelector("label[for='rating4']"));
		browser.find(By.id("comment")).sendKeys("Rapide et aimable");
		browser.clickAndAwaitAnswer(By.id("rate"), ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
		assertThat(tickets.find(id).getSatisfactionComment()).isEqualTo("Rapide et aimable");
	}

	private TicketId register(User requester, String title) {
		return tickets.register(new NewTicket(TicketType.INCIDENT, title, "Détails de la demande.", null,
				Channel.PORTAL, null, Urgency.MEDIUM, null, List.of()), TestFixtures.current(requester)).id();
	}

}
