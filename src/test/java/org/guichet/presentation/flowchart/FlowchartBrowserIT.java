package org.guichet.presentation.flowchart;

import static org.assertj.core.api.Assertions.assertThat;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator opens the flowchart from the administration page in a real browser: the
 * chart is drawn with its decisions, switches to lanes and to French, fits a phone's page (the
 * chart scrolls in its frame), and a shape leads to the page that configures it.
 */
@GuichetIntegrationTest
class FlowchartBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Test
	void anAdministratorReadsTheFlowchartAndFollowsAShapeToItsSetting() {
		fixtures.category("Flowchart hardware");
		User admin = fixtures.user("flowchart-admin", Role.ADMINISTRATOR);
		browser.logIn(admin);
		browser.resize(Browser.DESKTOP);
		browser.open("/admin");
		browser.clickAndAwaitAnswer(By.id("admin-flowchart"),
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#flowchart svg")));
		assertThat(browser.driver().findElements(By.cssSelector("#flowchart [data-node='decision.validation'] polygon")))
			.hasSize(1);
		assertThat(browser.driver().findElements(By.cssSelector("#flowchart [data-node='start'] ellipse"))).hasSize(1);
		browser.screenshot("flowchart/desktop.png");
		// the buttons are followed with the page's session, which the stateless API refuses (401)
		assertThat(browser.answersToLinks("a[id^='flowchart-'][href*='format=']")).as("downloads")
			.hasSize(FlowchartRequest.FORMATS.size())
			.anySatisfy(answer -> assertThat(answer).contains("format=svg", "-> 200 image/svg+xml"))
			.anySatisfy(answer -> assertThat(answer).contains("format=png", "-> 200 image/png"))
			.anySatisfy(answer -> assertThat(answer).contains("format=pdf", "-> 200 application/pdf"));

		// the French link of the page with the lanes, not the one of the page before
		browser.clickAndAwaitAnswer(By.id("flowchart-lanes"), ExpectedConditions.urlContains("lanes=true"));
		browser.clickAndAwaitAnswer(By.id("flowchart-lang-fr"),
				d -> d.getCurrentUrl().contains("lang=fr") && d.getCurrentUrl().contains("lanes=true"));
		assertThat(browser.text("#flowchart .fc-legend")).contains("Demandeur", "Décision (oui / non)");
		browser.screenshot("flowchart/desktop-lanes-fr.png");

		browser.resize(Browser.PHONE);
		browser.open("/presentation/flowchart?lang=en");
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("flowchart/phone.png");

		browser.resize(Browser.DESKTOP);
		browser.click(By.cssSelector("#flowchart [data-node='categorisation'] rect"));
		browser.waiting().until(ExpectedConditions.urlContains("/admin/categories"));
	}

}
