package org.guichet.notifications;

import java.util.List;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A technician chooses their notifications on their profile in a real browser (headless
 * Chromium): the table loads into the page, the boxes say the defaults, saving keeps what they
 * ticked; the table fits a phone. The administrators' defaults page too.
 */
@GuichetIntegrationTest
class NotificationPreferencesBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private NotificationPreferences preferences;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aTechnicianTicksTheDigestAndUnticksReplyMailsOnTheirProfile() {
		User tech = fixtures.user("browser-prefs", Role.TECHNICIAN);
		browser.resize(Browser.DESKTOP);
		browser.logIn(tech);
		browser.open("/profile");
		WebElement digest = browser.waiting()
			.until(ExpectedConditions.elementToBeClickable(By.id("DAILY_DIGEST.EMAIL")));
		assertThat(digest.isSelected()).isFalse();
		assertThat(browser.text("#DAILY_DIGEST\\.EMAIL-default")).isEqualTo("default: off");
		assertThat(browser.find(By.id("RESOLVED.IN_APP")).isEnabled()).as("always in-app").isFalse();
		browser.scrollTo(browser.find(By.id("notification-preferences")));
		browser.screenshot("notification-preferences-profile-desktop.png");

		browser.click(digest);
		browser.click(browser.find(By.id("MENTIONED.EMAIL")));
		browser.clickAndAwaitAnswer(By.id("save-notification-preferences"),
				ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
		assertThat(browser.text("#flash")).isEqualTo("Your notifications are saved.");
		browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("DAILY_DIGEST.EMAIL")));
		assertThat(browser.find(By.id("DAILY_DIGEST.EMAIL")).isSelected()).isTrue();
		assertThat(browser.find(By.id("MENTIONED.EMAIL")).isSelected()).isFalse();
		assertThat(browser.text("#MENTIONED\\.EMAIL-default")).isEqualTo("your choice (default: on)");
		assertThat(preferences.reach(NotificationEvent.MENTIONED, List.of(tech.getId())).get(tech.getId()))
			.containsExactly(NotificationChannel.IN_APP);
		assertThat(preferences.reach(NotificationEvent.DAILY_DIGEST, List.of(tech.getId())).get(tech.getId()))
			.containsExactly(NotificationChannel.EMAIL);

		browser.resize(Browser.PHONE);
		browser.open("/profile");
		browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("DAILY_DIGEST.EMAIL")));
		browser.scrollTo(browser.find(By.id("notification-preferences")));
		browser.screenshot("notification-preferences-profile-phone.png");
		assertThat(browser.fitsTheWindow()).isTrue();
	}

	@Test
	void anAdministratorSeesTheDefaultsOnTheirPage() {
		User admin = fixtures.user("browser-prefs-admin", Role.ADMINISTRATOR);
		browser.resize(Browser.DESKTOP);
		browser.logIn(admin);
		browser.open("/admin");
		browser.click(browser.find(By.cssSelector("a[href$='/admin/notifications']")));
		browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("PUBLIC_REPLY.EMAIL")));
		assertThat(browser.text("#PUBLIC_REPLY\\.EMAIL-default")).isEqualTo("as installed");
		browser.screenshot("notification-defaults-admin-desktop.png");
		browser.resize(Browser.PHONE);
		browser.open("/admin/notifications");
		browser.screenshot("notification-defaults-admin-phone.png");
		assertThat(browser.fitsTheWindow()).isTrue();
		jdbc.update("delete from notification_default");
	}

}
