package org.guichet.system;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login page in a real browser (headless Chromium) while something still loads after the
 * start, as the demo data does at the first start: the notice is a status region, it changes by
 * itself once the loading has ended, and what was typed meanwhile stays.
 */
@GuichetIntegrationTest
class StartupLoadingBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private StartupLoading startupLoading;

	@Autowired
	private TestFixtures fixtures;

	@Test
	void theLoadingNoticeTurnsIntoReadyByItselfAndKeepsWhatWasTyped() {
		User agent = fixtures.user("early", Role.TECHNICIAN);
		StartupLoading.Task loading = startupLoading.begin("demo.loading");
		try {
			browser.driver().manage().deleteAllCookies();
			browser.open("/login");
			WebElement status = browser.find(By.id("startup-loading"));
			assertThat(status.getAttribute("role")).isEqualTo("status");
			assertThat(status.getText()).contains("Loading the demo data…", "You can log in as soon as it is loaded.");
			browser.find(By.id("username")).sendKeys(agent.getUsername());
			browser.find(By.id("password")).sendKeys(TestFixtures.PASSWORD);
		}
		finally {
			loading.close();
		}

		browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("startup-loading"), "Loaded: you can log in."));
		assertThat(browser.find(By.id("startup-loading")).getText()).doesNotContain("Loading the demo data");
		assertThat(browser.driver().findElements(By.cssSelector("[data-startup-loading]"))).isEmpty();
		assertThat(browser.find(By.id("username")).getAttribute("value")).isEqualTo(agent.getUsername());
		browser.find(By.id("password")).sendKeys(Keys.ENTER);
		browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

}
