package org.guichet.presentation.examples;

import java.util.List;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
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
 * A technician marks a ticket as an example from its page in a real browser: a refused (blank)
 * reason comes back with its message, the menu turns to "Example ✓" in place, the ticket shows
 * in the list of examples, and its dossier opens from there.
 */
@GuichetIntegrationTest
class ExampleTicketsBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private UserRepository users;

	@Test
	void aTechnicianMarksATicketAsAnExampleAndOpensItsDossierFromTheList() {
		User requester = fixtures.user("example-browser-requester", Role.REQUESTER);
		User technician = fixtures.user("example-browser-tech", Role.TECHNICIAN);
		SupportGroup desk = fixtures.group(SupportLevel.N1, technician);
		TicketId id = tickets.register(new NewTicket(TicketType.INCIDENT, "Mail client freezes on large attachments",
				"Outlook hangs when opening a 30 MB file.", requester.getId(), Channel.PHONE, null, Urgency.HIGH,
				Impact.LOW, List.of()), TestFixtures.current(technician)).id();
		tickets.assign(id, desk.getId(), technician.getId(), null, TestFixtures.current(technician));
		browser.logIn(technician);
		browser.resize(Browser.DESKTOP);
		browser.open("/agent/tickets/" + id.value());

		browser.click(By.id("example-open"));
		browser.click(By.id("example-save"));
		assertThat(browser.find(By.id("example-reason")).getAttribute("required")).as("the browser asks first")
			.isNotNull();
		browser.script("document.getElementById('example-reason').removeAttribute('required')");
		browser.find(By.id("example-reason")).sendKeys("  ");
		browser.clickAndAwaitAnswer(By.id("example-save"),
				ExpectedConditions.presenceOfElementLocated(By.id("example-problem")));
		assertThat(browser.text("#example-problem")).contains("Say why this ticket is an example");
		assertThat(browser.driver().getCurrentUrl()).as("refused in place").endsWith("/agent/tickets/" + id.value());
		assertThat(browser.driver().findElements(By.id("description"))).as("the ticket page stays").hasSize(1);

		browser.find(By.id("example-reason")).clear();
		browser.find(By.id("example-reason")).sendKeys("Shows how to read a mail client's hang dump");
		browser.find(By.cssSelector("#example-kind option[value='TECHNICAL_LEVEL']")).click();
		browser.clickAndAwaitAnswer(By.id("example-save"),
				ExpectedConditions.presenceOfElementLocated(By.id("example-marked")));
		assertThat(browser.text("#example-open")).contains("Example ✓");
		assertThat(browser.driver().getCurrentUrl()).as("marked in place").endsWith("/agent/tickets/" + id.value());
		browser.screenshot("examples/ticket-menu-desktop.png");
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("examples/ticket-menu-phone.png");

		browser.resize(Browser.DESKTOP);
		browser.clickAndAwaitAnswer(By.id("example-list"),
				ExpectedConditions.presenceOfElementLocated(By.id("example-" + id.value())));
		assertThat(browser.text("#example-" + id.value())).contains("Mail client freezes on large attachments",
				"Shows how to read a mail client's hang dump", "Technical level", technician.getFullName());
		browser.screenshot("examples/list-desktop.png");
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("examples/list-phone.png");

		browser.resize(Browser.DESKTOP);
		browser.clickAndAwaitAnswer(By.id("dossier-" + id.value()),
				ExpectedConditions.presenceOfElementLocated(By.id("dossier-title")));
		assertThat(browser.text("#dossier-title")).contains("Mail client freezes on large attachments");
		assertThat(browser.driver().findElements(By.cssSelector("#dossier-flowchart svg"))).hasSize(1);
		browser.screenshot("examples/dossier-desktop.png");
		browser.resize(Browser.PHONE);
		browser.screenshot("examples/dossier-phone.png");
	}

	/**
	 * In French the action bar of a ticket one may take wraps, and the Example menu starts the
	 * second line: its panel must open inside the window at every size, where it can be typed in;
	 * so must every other menu of the page (Macros at the end of the first line, the canned replies).
	 */
	@Test
	void theTicketPagesMenusOpenInsideTheWindowWhereverTheBarPutsThem() {
		User requester = fixtures.user("example-wrap-requester", Role.REQUESTER);
		User technician = fixtures.user("example-wrap-tech", Role.TECHNICIAN);
		technician.setLanguage("fr");
		users.save(technician);
		fixtures.group(SupportLevel.N1, technician);
		TicketId id = tickets.register(new NewTicket(TicketType.INCIDENT, "Le VPN ne se connecte plus",
				"Le client reste sur « Connexion en cours ».", requester.getId(), Channel.PORTAL, null, Urgency.HIGH,
				Impact.LOW, List.of()), TestFixtures.current(requester)).id();
		browser.logIn(technician);
		for (var size : List.of(Browser.DESKTOP, new org.openqa.selenium.Dimension(1024, 800), Browser.PHONE)) {
			browser.resize(size);
			browser.open("/agent/tickets/" + id.value());
			browser.click(By.id("example-open"));
			browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("example-reason")));
			Object box = browser.script("var r = document.querySelector('#example-menu .example-panel').getBoundingClientRect();"
					+ " return [r.left, r.right, document.documentElement.clientWidth];");
			@SuppressWarnings("unchecked")
			List<Number> edges = (List<Number>) box;
			assertThat(edges.get(0).doubleValue()).as("left edge at %s", size).isGreaterThanOrEqualTo(0);
			assertThat(edges.get(1).doubleValue()).as("right edge at %s", size)
				.isLessThanOrEqualTo(edges.get(2).doubleValue());
			browser.screenshot("examples/menu-wrapped-" + size.getWidth() + ".png");
			browser.click(By.id("example-open"));
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("macros-open")));
			assertThat(browser.menusOutsideTheWindow()).as("at %s", size).isEmpty();
			browser.click(By.id("macros-open"));
			browser.screenshot("examples/macros-open-" + size.getWidth() + ".png");
			browser.click(By.id("macros-open"));
			browser.click(By.id("example-open"));
		}
		browser.find(By.id("example-reason")).sendKeys("Montre le routage vers le niveau 2");
		browser.click(By.id("example-save"));
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("example-marked")));
		browser.resize(Browser.DESKTOP);
	}

}
