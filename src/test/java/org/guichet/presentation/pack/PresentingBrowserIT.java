package org.guichet.presentation.pack;

import java.util.Map;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.presentation.pages.AuthorPage;
import org.guichet.presentation.pages.AuthorPages;
import org.guichet.presentation.pages.PageDefinition;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor writes a page of their own with its preview, finds their text kept when a colleague
 * saved the page meanwhile, reads the reference page and builds the presentation pack, in a real
 * browser, on a desktop and a phone.
 */
@GuichetIntegrationTest
class PresentingBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private AuthorPages pages;

	@Test
	void aSupervisorWritesAPageWithItsPreviewAndKeepsTheirTextWhenAColleagueSavedMeanwhile() {
		User supervisor = fixtures.user("presenting-supervisor", Role.SUPERVISOR);
		String title = "Our desk " + UUID.randomUUID().toString().substring(0, 6);
		browser.logIn(supervisor);
		browser.resize(Browser.DESKTOP);
		browser.open("/presentation/pages");
		browser.click(By.id("page-new"));

		browser.find(By.id("title")).sendKeys(title);
		browser.find(By.id("body")).sendKeys("We answer **every** call.\n\n- incidents\n- requests");
		browser.click(By.id("body-preview-button"));
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#body-preview strong")));
		assertThat(browser.text("#body-preview strong")).isEqualTo("every");
		browser.screenshot("presenting/page-form-desktop.png");
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("presenting/page-form-phone.png");
		browser.resize(Browser.DESKTOP);
		browser.click(By.id("page-save"));

		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("page-body")));
		assertThat(browser.text("#page-title")).isEqualTo(title);
		assertThat(browser.text("#page-body strong")).isEqualTo("every");
		browser.screenshot("presenting/page-desktop.png");

		browser.click(By.id("page-edit"));
		AuthorPage saved = pages.list(TestFixtures.current(supervisor)).stream()
			.filter(page -> page.getTitle().equals(title)).findFirst().orElseThrow();
		User colleague = fixtures.user("presenting-colleague", Role.ADMINISTRATOR);
		pages.update(saved.getId(), saved.getVersion(), PageDefinition.of(title, saved.getSlug(), "The colleague's text"),
				TestFixtures.current(colleague));
		browser.find(By.id("body")).clear();
		browser.find(By.id("body")).sendKeys("My own long text");
		browser.click(By.id("page-save"));

		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("page-saved")));
		assertThat(browser.find(By.id("body")).getAttribute("value")).isEqualTo("My own long text");
		assertThat(browser.text("#page-saved")).contains("The colleague's text", colleague.getFullName());
		browser.screenshot("presenting/page-conflict-desktop.png");
		browser.click(By.id("page-save"));
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("page-body")));
		assertThat(browser.text("#page-body")).isEqualTo("My own long text");
	}

	@Test
	void aSupervisorReadsTheReferenceAndBuildsThePackFromItsPage() {
		User supervisor = fixtures.user("presenting-builder", Role.SUPERVISOR);
		browser.logIn(supervisor);
		browser.resize(Browser.DESKTOP);
		browser.open("/presentation/reference");
		assertThat(browser.driver().findElements(By.cssSelector("#reference-matrix tbody tr"))).hasSize(5);
		browser.screenshot("presenting/reference-desktop.png");
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("presenting/reference-phone.png");

		browser.resize(Browser.DESKTOP);
		browser.open("/presentation/pack");
		browser.screenshot("presenting/pack-desktop.png");
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("presenting/pack-phone.png");

		Object answer = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
					var done = arguments[arguments.length - 1];
					var form = document.getElementById('pack-form');
					var query = new URLSearchParams(new FormData(form)).toString();
					fetch(form.action + '?' + query, { credentials: 'same-origin' })
					  .then(function (r) { return r.arrayBuffer().then(function (b) {
					    done({ status: r.status, type: r.headers.get('Content-Type'), size: b.byteLength }); }); })
					  .catch(function (e) { done({ status: -1, type: String(e), size: 0 }); });
					""");
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) answer;
		assertThat(result).containsEntry("status", 200L);
		assertThat((String) result.get("type")).startsWith("application/zip");
		assertThat((Long) result.get("size")).isGreaterThan(10_000L);
	}

}
