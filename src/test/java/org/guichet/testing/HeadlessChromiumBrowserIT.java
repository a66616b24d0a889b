package org.guichet.testing;

import java.time.Duration;
import java.util.Map;

import org.guichet.directory.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A browser given back ({@link HeadlessChromium#giveBack}) goes to the next class that asks without
 * what the class before left in it: no session, nothing in its tab's {@code sessionStorage}, the
 * site's Content-Security-Policy in force again, no slow network, a desktop window.
 */
@GuichetIntegrationTest
class HeadlessChromiumBrowserIT {

	/** An inline script, which the site's policy ({@code script-src 'self'}) forbids, added to the page. */
	private static final String INLINE_SCRIPT = """
			window.inlineRan = false;
			var script = document.createElement('script');
			script.textContent = 'window.inlineRan = true;';
			document.body.appendChild(script);
			return window.inlineRan;""";

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Test
	void aBrowserGivenBackComesToTheNextClassWithNothingTheClassBeforeLeftInIt() {
		browser.logIn(fixtures.user("given-back", Role.REQUESTER));
		browser.open("/portal");
		browser.script("sessionStorage.setItem('left', 'by the class before');");
		((ChromeDriver) browser.driver()).executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
		browser.open("/portal");
		assertThat(browser.script(INLINE_SCRIPT)).as("the policy switched off").isEqualTo(true);
		ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
		slow.setLatency(Duration.ofMillis(300));
		((HasNetworkConditions) browser.driver()).setNetworkConditions(slow);
		browser.resize(Browser.PHONE);

		WebDriver given = browser.driver();
		HeadlessChromium.giveBack(given);
		WebDriver next = HeadlessChromium.start();

		assertThat(next).as("the browser given back").isSameAs(given);
		next.get(browser.url("/portal"));
		assertThat(next.getCurrentUrl()).as("no session").contains("/login");
		JavascriptExecutor page = (JavascriptExecutor) next;
		assertThat(page.executeScript("return sessionStorage.getItem('left');")).isNull();
		assertThat(page.executeScript(INLINE_SCRIPT)).as("the policy in force").isEqualTo(false);
		assertThatExceptionOfType(WebDriverException.class).as("no network conditions")
			.isThrownBy(((HasNetworkConditions) next)::getNetworkConditions);
		assertThat(next.manage().window().getSize()).isEqualTo(Browser.DESKTOP);
	}

}
