package org.guichet.mail.templates;

import org.guichet.directory.Role;
import org.guichet.mail.MailKind;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor of a mail's texts in a browser: the preview answers in place (htmx) with the subject,
 * the HTML part in a sandboxed frame and the text part; a refusal shows there with the typed text
 * kept; the page fits a phone.
 */
@GuichetIntegrationTest
class MailTemplatesBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private MailTemplates templates;

	@BeforeEach
	void logIn() {
		browser.resize(Browser.DESKTOP);
		browser.logIn(fixtures.user("tpl-browser-admin", Role.ADMINISTRATOR));
	}

	@AfterEach
	void backToDefault() {
		templates.reset(MailKind.PUBLIC_REPLY, "en", templates.version(MailKind.PUBLIC_REPLY, "en"));
	}

	@Test
	void thePreviewShowsTheMailAsWrittenInPlaceAndARefusalKeepsWhatWasTyped() {
		browser.open("/admin/mail/templates/reply/en");
		WebElement subject = browser.find(By.id("subject"));
		WebElement body = browser.find(By.id("body"));
		subject.clear();
		subject.sendKeys("Answer from {author}: {title}");
		body.clear();
		body.sendKeys("Hello again {name}.\n\nSee **below**, and our [help pages](https://desk.example/help).");

		browser.clickAndAwaitAnswer(By.id("template-preview-button"),
				ExpectedConditions.visibilityOfElementLocated(By.id("template-preview-subject")));
		assertThat(browser.text("#template-preview-subject"))
			.isEqualTo("[#1042] Answer from Camille Durand: The printer of the second floor does not print");
		assertThat(browser.text("#template-preview-text")).contains("See **below**", "Camille Durand wrote:",
				"print-queue.png");
		assertThat(browser.find(By.id("template-preview-html")).getAttribute("sandbox")).isEmpty();
		browser.screenshot("mail-template-editor-desktop.png");
		browser.scrollTo(browser.find(By.id("template-preview-html")));
		browser.screenshot("mail-template-preview-desktop.png");
		browser.driver().switchTo().frame("template-preview-html");
		assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("Hello Alice Martin,",
				"See below, and our help pages.", "I restarted the print server.");
		assertThat(browser.driver().findElement(By.tagName("strong")).getText()).isEqualTo("below");
		browser.driver().switchTo().defaultContent();
		assertThat(templates.override(MailKind.PUBLIC_REPLY, "en")).as("a preview saves nothing").isEmpty();

		subject.clear();
		body.sendKeys(" {tittle}");
		browser.clickAndAwaitAnswer(By.id("template-preview-button"),
				ExpectedConditions.visibilityOfElementLocated(By.id("template-preview-problems")));
		assertThat(browser.text("#template-preview-problems")).contains("Write the subject of the mail.",
				"There is no placeholder {tittle} in this mail");
		assertThat(browser.find(By.id("body")).getDomProperty("value")).endsWith("help pages](https://desk.example/help). {tittle}");

		browser.resize(Browser.PHONE);
		browser.open("/admin/mail/templates/reply/en");
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("mail-template-editor-phone.png");
		browser.clickAndAwaitAnswer(By.id("template-preview-button"),
				ExpectedConditions.visibilityOfElementLocated(By.id("template-preview-subject")));
		browser.scrollTo(browser.find(By.id("template-preview-subject")));
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("mail-template-preview-phone.png");
		browser.open("/admin/mail/templates");
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("mail-templates-list-phone.png");
	}

}
