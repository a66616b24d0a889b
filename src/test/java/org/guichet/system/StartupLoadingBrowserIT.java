package org.guichet.system;

import java.time.Duration;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.HeadlessChromium;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login page in a real browser (headless Chromium) while something still loads after the
 * start, as the demo data does at the first start: the notice is a status region, it changes by
 * itself once the loading has ended, and what was typed meanwhile stays.
 */
@GuichetIntegrationTest
class StartupLoadingBrowserIT {

	private static WebDriver browser;

	private static WebDriverWait wait;

	@LocalServerPort
	private int port;

	@Autowired
	private StartupLoading startupLoading;

	@Autowired
	private TestFixtures fixtures;

	@BeforeAll
	static void startBrowser() {
		browser = HeadlessChromium.start();
		wait = new WebDriverWait(browser, Duration.ofSeconds(15));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void theLoadingNoticeTurnsIntoReadyByItselfAndKeepsWhatWasTyped() {
		User agent = fixtures.user("early", Role.TECHNICIAN);
		StartupLoading.Task loading = startupLoading.begin("demo.loading");
		try {
			browser.manage().deleteAllCookies();
			browser.get("http://localhost:" + port + "/login");
			WebElement status = browser.findElement(By.id("startup-loading"));
			assertThat(status.getAttribute("role")).isEqualTo("status");
			assertThat(status.getText()).contains("Loading the demo data…", "You can log in as soon as it is loaded.");
			browser.findElement(By.id("username")).sendKeys(agent.getUsername());
			browser.findElement(By.id("password")).sendKeys(TestFixtures.PASSWORD);
		}
		finally {
			loading.close();
		}

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("startup-loading"), "Loaded: you can log in."));
		assertThat(browser.findElement(By.id("startup-loading")).getText()).doesNotContain("Loading the demo data");
		assertThat(browser.findElements(By.cssSelector("[data-startup-loading]"))).isEmpty();
		assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo(agent.getUsername());
		browser.findElement(By.id("password")).sendKeys(Keys.ENTER);
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

}
