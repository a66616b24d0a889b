package org.guichet.presentation.dossier;

import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.AccessibilityCheck;
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
 * A technician exports a ticket's dossier anonymised in a real browser: the export page, asked to
 * anonymise, lists what was left to check before the download links, and the anonymised dossier
 * they open names no one, and can be read (axe-core on the export page and on the dossier).
 */
@GuichetIntegrationTest
class DossierExportBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Test
	void theAuthorChecksWhatAnonymisationLeftThenOpensTheAnonymisedDossier() {
		User requester = fixtures.user("export-browser-requester", Role.REQUESTER);
		User technician = fixtures.user("export-browser-tech", Role.TECHNICIAN);
		SupportGroup desk = fixtures.group(SupportLevel.N1, technician);
		CurrentUser tech = TestFixtures.current(technician);
		TicketId id = tickets.register(new NewTicket(TicketType.INCIDENT, "VPN drops every hour",
				"Since Monday, the VPN drops on PC-COMPTA-12 (10.12.0.54).", requester.getId(), Channel.PHONE, null,
				Urgency.HIGH, Impact.LOW, List.of()), tech).id();
		tickets.assign(id, desk.getId(), technician.getId(), null, tech);
		tickets.comment(id, "Mme Lefort, her manager, has the same problem; " + requester.getFullName()
				+ " will call back.", false, tech);
		browser.logIn(technician);
		browser.resize(Browser.DESKTOP);
		browser.open("/agent/tickets/" + id.value() + "/dossier");
		assertThat(browser.driver().findElements(By.id("export-check"))).as("not anonymised: nothing to check")
			.isEmpty();

		browser.click(By.id("export-anonymise"));
		browser.click(By.id("export-apply"));
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("export-suspects")));

		assertThat(browser.find(By.id("export-anonymise")).isSelected()).isTrue();
		assertThat(browser.text("#export-suspects")).contains("Lefort", "A name after a title")
			.doesNotContain(requester.getFullName());
		assertThat(browser.find(By.id("export-pdf")).getAttribute("href")).contains("anonymize=true", "format=pdf");
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("dossier/export-desktop.png");
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("dossier/export-phone.png");

		browser.resize(Browser.DESKTOP);
		browser.load(browser.find(By.id("export-html")).getAttribute("href"));
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("dossier-title")));
		String dossier = browser.text("body");
		assertThat(dossier).contains("Requester A", "Technician 1", "192.0.2.1", "host-1")
			.doesNotContain(requester.getFullName(), technician.getFullName(), "10.12.0.54", "PC-COMPTA-12");
		assertThat(browser.driver().findElements(By.cssSelector(".dossier .caption, .dossier .empty")))
			.as("the grey lines are on the page the check reads").isNotEmpty();
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("dossier/anonymised-desktop.png");
	}

}
