package org.guichet.presentation.about;

import static org.assertj.core.api.Assertions.assertThat;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.AccessibilityCheck;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestDatabase;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator opens the tool page from the administration page, a supervisor from the
 * reports, in a real browser: the topology is drawn with this deployment's nodes, the page is
 * accessible and fits a phone (the diagram scrolls in its frame).
 */
@GuichetIntegrationTest
class AboutBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private UserRepository users;

	@Test
	void anAdministratorReadsTheToolPageWithTheTopologyOfThisDeployment() {
		User admin = fixtures.user("about-admin", Role.ADMINISTRATOR);
		browser.logIn(admin);
		browser.resize(Browser.DESKTOP);
		browser.open("/admin");
		browser.clickAndAwaitAnswer(By.id("admin-about"),
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#topology svg")));
		for (String node : new String[] { "clients.requesters", "clients.team", "clients.api", "application.1",
				"database" }) {
			assertThat(browser.driver().findElements(By.cssSelector("#topology [data-node='" + node + "']")))
				.as(node).hasSize(1);
		}
		assertThat(browser.driver().findElements(By.cssSelector("#topology [data-node^='server.']"))).isEmpty();
		assertThat(browser.text("#about-name")).contains("Guichet");
		assertThat(browser.text("#about-database"))
			.contains(TestDatabase.isPostgres() ? "PostgreSQL server" : "Embedded H2 database (in memory)");
		assertThat(browser.text("#about-features")).contains("Categories", "Active administrators");
		assertThat(browser.answersToLinks("a[href*='format=pdf']")).as("the PDF button, with the page's session")
			.singleElement().asString().contains("-> 200 application/pdf");
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("about/desktop.png");
		browser.scrollTo(browser.find(By.id("topology")));
		browser.screenshot("about/desktop-topology.png");
		browser.scrollTo(browser.find(By.id("about-prerequisites")));
		browser.screenshot("about/desktop-resources.png");

		browser.resize(Browser.PHONE);
		browser.open("/presentation/about");
		assertThat(browser.fitsTheWindow()).isTrue();
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("about/phone.png");
		browser.scrollTo(browser.find(By.id("topology")));
		browser.screenshot("about/phone-topology.png");
		browser.resize(Browser.DESKTOP);
	}

	@Test
	void aSupervisorOpensItFromTheReportsInFrench() {
		User supervisor = fixtures.user("about-supervisor", Role.SUPERVISOR);
		supervisor.setLanguage("fr");
		users.save(supervisor);
		browser.logIn(supervisor);
		browser.resize(Browser.DESKTOP);
		browser.open("/reports");
		browser.clickAndAwaitAnswer(By.id("reports-about"),
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#topology svg")));
		assertThat(browser.text("#topology").replaceAll("\\s+", " ")).contains("Nœud applicatif Guichet",
				TestDatabase.isPostgres() ? "Serveur PostgreSQL" : "Base H2 embarquée (en mémoire)");
		assertThat(browser.text("#about-prerequisites")).contains("Java 17 ou plus récent");
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("about/desktop-fr.png");
	}

}
