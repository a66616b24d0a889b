package org.guichet.presentation.flowchart;

import java.util.List;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.ClosureSettings;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.SurveySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flowchart follows the lifecycle settings: an administrator follows the validation diamond
 * to the settings, turns requester validation and the survey off there, and the chart no longer
 * draws them; a wrong survey share comes back in its field with its error, on a desktop and a phone.
 */
@GuichetIntegrationTest
class FlowchartSettingsBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private DeskSettings settings;

	@AfterEach
	void restore() {
		settings.saveClosure(ClosureSettings.DEFAULT);
		settings.saveSurvey(SurveySettings.DEFAULT);
	}

	@Test
	void turningValidationAndTheSurveyOffRemovesThemFromTheFlowchart() {
		User admin = fixtures.user("lifecycle-admin", Role.ADMINISTRATOR);
		browser.logIn(admin);
		browser.resize(Browser.DESKTOP);
		browser.open("/presentation/flowchart?lang=en");
		assertThat(shapes("decision.validation")).hasSize(1);
		assertThat(shapes("survey")).hasSize(1);

		browser.click(By.cssSelector("#flowchart g.fc-node[data-node='decision.validation'] text"));
		browser.waiting().until(ExpectedConditions.urlContains("/admin/settings"));
		WebElement validation = browser.find(By.id("requesterValidation1"));
		assertThat(validation.isSelected()).isTrue();
		browser.scrollTo(validation);
		browser.screenshot("lifecycle-settings/desktop.png");
		browser.click(By.cssSelector("label[for='requesterValidation1']"));
		browser.clickAndAwaitAnswer(By.cssSelector("#closure button[type='submit']"),
				ExpectedConditions.visibilityOfElementLocated(By.id("flash")));

		WebElement share = browser.find(By.id("sharePercent"));
		browser.scrollTo(share);
		share.clear();
		share.sendKeys("150");
		// the flash of the closure's save is still on the page
		browser.clickAndAwaitAnswer(By.cssSelector("#survey button[type='submit']"),
				ExpectedConditions.visibilityOfElementLocated(By.id("sharePercent-error")));
		assertThat(browser.find(By.id("sharePercent")).getAttribute("value")).isEqualTo("150");
		assertThat(browser.text("#sharePercent-error")).contains("from 0 to 100");
		browser.scrollTo(browser.find(By.id("sharePercent")));
		browser.screenshot("lifecycle-settings/desktop-survey-error.png");
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.scrollTo(browser.find(By.id("sharePercent")));
		browser.screenshot("lifecycle-settings/phone-survey-error.png");
		browser.resize(Browser.DESKTOP);

		browser.click(By.cssSelector("label[for='enabled1']"));
		WebElement again = browser.find(By.id("sharePercent"));
		again.clear();
		again.sendKeys("40");
		browser.clickAndAwaitAnswer(By.cssSelector("#survey button[type='submit']"),
				ExpectedConditions.visibilityOfElementLocated(By.id("flash")));

		browser.open("/presentation/flowchart?lang=en");
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#flowchart svg")));
		assertThat(shapes("decision.validation")).isEmpty();
		assertThat(shapes("survey")).isEmpty();
		assertThat(shapes("closure")).hasSize(1);
		browser.screenshot("lifecycle-settings/flowchart-without-validation.png");
	}

	private List<WebElement> shapes(String node) {
		return browser.driver().findElements(By.cssSelector("#flowchart g.fc-node[data-node='" + node + "']"));
	}

}
