package org.guichet.tickets.web;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.AccessibilityCheck;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Attachment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forms in a real browser never lose what was typed: every error shows at once next to its field
 * with a summary at the top that has the focus and links to the fields; a file over the limit is
 * refused before it is sent; the queue's sort choice reads in full.
 */
@GuichetIntegrationTest
class FormsBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theNewRequestFormShowsEveryMissingFieldAtOnceAndKeepsWhatWasTyped() {
		browser.logIn(fixtures.user("hurried", Role.REQUESTER));
		browser.open("/portal/tickets/new");
		browser.click(By.cssSelector("input[name=urgency][value=HIGH]"));

		WebElement summary = browser.clickAndAwaitAnswer(By.id("send-request"),
				ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
		assertThat(summary.getAttribute("role")).isEqualTo("alert");
		assertThat(activeElementId()).as("the summary has the focus").isEqualTo("error-summary");
		List<WebElement> links = summary.findElements(By.tagName("a"));
		assertThat(links).extracting(link -> link.getAttribute("data-field")).containsExactly("title", "description");
		assertThat(links.get(0).getText()).startsWith("Title: ");
		assertThat(browser.find(By.id("title-error")).isDisplayed()).isTrue();
		assertThat(browser.find(By.id("description-error")).isDisplayed()).isTrue();
		assertThat(browser.find(By.cssSelector("input[name=urgency][value=HIGH]")).isSelected()).isTrue();
		AccessibilityCheck.assertAccessible(browser.driver());
		for (String field : List.of("title", "description")) {
			WebElement input = browser.find(By.id(field));
			assertThat(input.getAttribute("aria-invalid")).as(field + " says it is wrong").isEqualTo("true");
			assertThat(input.getAttribute("aria-describedby")).as(field + " is described by its error").startsWith(field + "-error ");
		}
		browser.screenshot("portal-new-refused.png");
		browser.resize(Browser.PHONE);
		browser.screenshot("portal-new-refused-phone.png");
		browser.resize(Browser.DESKTOP);

		links.get(1).click();
		assertThat(activeElementId()).isEqualTo("description");
		browser.find(By.id("title")).sendKeys("Badge reader refuses my card");
		// the first refusal, still on the page until the answer comes, must not pass for the second
		browser.clickAndAwaitAnswer(By.id("send-request"),
				ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
		assertThat(browser.find(By.id("title")).getAttribute("value")).isEqualTo("Badge reader refuses my card");
		assertThat(browser.driver().findElements(By.id("title-error"))).isEmpty();
		assertThat(browser.find(By.id("description-error")).isDisplayed()).isTrue();
	}

	@Test
	void theAgentsNewTicketFormShowsTheMissingCallerWithTheMissingTexts() {
		browser.logIn(fixtures.user("dispatcher", Role.TECHNICIAN));
		browser.open("/agent/tickets/new");

		WebElement summary = browser.clickAndAwaitAnswer(
				By.cssSelector("form[action$='/agent/tickets/new'] button[type=submit]"),
				ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
		assertThat(summary.findElements(By.tagName("a"))).extracting(link -> link.getAttribute("data-field"))
			.containsExactly("requesterId", "title", "description");
	}

	@Test
	void aFileOverTheLimitIsRefusedInTheBrowserAndNothingIsSent() throws IOException {
		browser.logIn(fixtures.user("heavy", Role.REQUESTER));
		Path large = Files.createTempFile("too-large", ".bin");
		try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
			file.setLength(Attachment.MAX_BYTES + 1);
		}
		String title = "Scanned contract " + UUID.randomUUID().toString().substring(0, 8);
		try {
			browser.open("/portal/tickets/new");
			browser.find(By.id("title")).sendKeys(title);
			browser.find(By.id("description")).sendKeys("Here is the scan.");
			browser.find(By.id("file")).sendKeys(large.toAbsolutePath().toString());

			WebElement message = browser.find(By.id("file-size-error"));
			assertThat(message.isDisplayed()).isTrue();
			assertThat(message.getText()).contains("larger than 10 MB");
			browser.click(By.id("send-request"));

			assertThat(browser.driver().getCurrentUrl()).endsWith("/portal/tickets/new");
			assertThat(activeElementId()).isEqualTo("file");
			assertThat(browser.find(By.id("title")).getAttribute("value")).isEqualTo(title);
			assertThat(jdbc.queryForObject("select count(*) from ticket where title = ?", Integer.class, title))
				.isZero();
		}
		finally {
			Files.delete(large);
		}
	}

	@Test
	void aFileRefusedByTheServerLeavesTheErrorSummaryOnceAFileWithinTheLimitIsChosen() throws IOException {
		browser.logIn(fixtures.user("heavy-again", Role.REQUESTER));
		Path large = Files.createTempFile("too-large", ".bin");
		Path small = Files.createTempFile("small", ".txt");
		try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
			file.setLength(Attachment.MAX_BYTES + 1);
		}
		Files.writeString(small, "ok");
		try {
			browser.open("/portal/tickets/new");
			browser.find(By.id("description")).sendKeys("Here is the scan.");
			// as a browser without the script's check would send it
			browser.script("document.getElementById('file').removeAttribute('data-max-bytes')");
			browser.find(By.id("file")).sendKeys(large.toAbsolutePath().toString());
			WebElement summary = browser.clickAndAwaitAnswer(By.id("send-request"),
					ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
			assertThat(summary.findElements(By.tagName("a"))).extracting(link -> link.getAttribute("data-field"))
				.containsExactlyInAnyOrder("title", "file");
			assertThat(summary.getText()).contains("2 problems", "larger than 10 MB");

			browser.find(By.id("file")).sendKeys(small.toAbsolutePath().toString());
			summary = browser.find(By.id("error-summary"));
			assertThat(summary.findElements(By.tagName("a"))).extracting(link -> link.getAttribute("data-field"))
				.containsExactly("title");
			assertThat(summary.getText()).contains("One problem").doesNotContain("larger than");
		}
		finally {
			Files.delete(large);
			Files.delete(small);
		}
	}

	@Test
	void theQueuesSortChoiceReadsInFullOnADesktopAndAPhone() {
		User agent = fixtures.user("sorter", Role.TECHNICIAN);
		browser.logIn(agent);
		try {
			for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
				browser.resize(size);
				browser.open("/agent?sort=DEADLINE");
				assertThat(textOverflow("sort")).as("pixels of the sort choice cut at %s", size).isLessThanOrEqualTo(0);
			}
		}
		finally {
			browser.resize(Browser.DESKTOP);
		}
	}

	/** How many pixels of the selected option's text do not fit in the select; 0 or less when it all shows. */
	private static long textOverflow(String selectId) {
		Object overflow = browser.script("""
				const select = document.getElementById(arguments[0]);
				const style = getComputedStyle(select);
				const context = document.createElement('canvas').getContext('2d');
				context.font = style.font;
				const text = context.measureText(select.options[select.selectedIndex].text).width;
				const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
				return Math.ceil(text - room);
				""", selectId);
		return ((Number) overflow).longValue();
	}

	private static String activeElementId() {
		return (String) browser.script("return document.activeElement.id;");
	}

}
