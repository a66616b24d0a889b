package org.guichet.tickets.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.AccessibilityCheck;
import org.guichet.testing.ApiClient;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, queues, in a real browser: selecting tickets with the keyboard, the list refreshing
 * itself without losing the selection, a bulk action, the cards on a phone, the caller
 * type-ahead.
 */
@GuichetIntegrationTest
class QueuesBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	private int port;

	@Autowired
	private TestFixtures fixtures;

	@Test
	void anAgentSelectsTicketsKeepsTheSelectionThroughARefreshAndTakesThemAll() throws IOException {
		User technician = fixtures.user("browser-tech", Role.TECHNICIAN);
		User caller = fixtures.user("browser-caller", Role.REQUESTER);
		long groupId = fixtures.group(SupportLevel.N1, technician).getId();
		long categoryId = fixtures.category("Browser").getId();
		ApiClient api = ApiClient.bearer(port, fixtures.token(technician));
		for (String title : List.of("Printer jams", "VPN drops every hour", "Screen flickers")) {
			create(api, title, caller, categoryId, groupId);
		}
		String list = "/agent?queue=ALL&categoryId=" + categoryId;

		browser.logIn(technician);
		browser.open(list);
		assertThat(rows()).hasSize(3);
		assertThat(browser.text("#queue-total")).isEqualTo("3 tickets");
		assertThat(browser.find(By.id("queue-total")).getAttribute("aria-live")).isEqualTo("polite");
		browser.find(By.id("select-page")).sendKeys(Keys.SPACE);
		assertThat(checked()).hasSize(3);
		browser.driver().findElements(By.cssSelector("#queue-rows input[name=ticket]")).get(2).sendKeys(Keys.SPACE);
		assertThat(checked()).hasSize(2);
		assertThat(browser.text("#bulk-count")).isEqualTo("2 selected");
		List<String> selected = checked();

		create(api, "Keyboard missing keys", caller, categoryId, groupId);
		browser.script("document.dispatchEvent(new Event('visibilitychange'));");
		browser.waiting().ignoring(StaleElementReferenceException.class).until(page -> rows().size() == 4);
		browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-live"), "1 new ticket(s)"));
		assertThat(checked()).as("the selection survives the refresh").containsExactlyElementsOf(selected);
		assertThat(browser.text("#queue-total")).as("the total follows the refresh").isEqualTo("4 tickets");
		assertThat(browser.driver().getCurrentUrl()).endsWith(list);

		new org.openqa.selenium.support.ui.Select(browser.find(By.id("bulk-action"))).selectByValue("TAKE");
		assertThat(browser.find(By.id("bulk-priority")).isDisplayed()).isFalse();
		browser.screenshot("queue-bulk-desktop.png");
		browser.actAndAwaitAnswer(() -> browser.find(By.id("bulk-apply")).click(),
				ExpectedConditions.presenceOfElementLocated(By.id("bulk-outcomes")));
		assertThat(browser.text("#bulk-outcomes")).contains("Done on 2 ticket(s), refused on 0.");
		browser.screenshot("queue-bulk-result.png");

		browser.resize(Browser.PHONE);
		try {
			browser.open(list);
			browser.waiting().until(page -> !rows().isEmpty());
			WebElement firstRow = rows().get(0);
			assertThat(firstRow.findElement(By.cssSelector(".cell-TITLE")).isDisplayed()).isTrue();
			assertThat(firstRow.findElement(By.cssSelector(".cell-REQUESTER")).getText()).contains(caller.getFullName());
			assertThat(firstRow.findElement(By.cssSelector(".cell-PRIORITY")).isDisplayed()).isTrue();
			assertThat(firstRow.findElement(By.cssSelector(".cell-GROUP")).isDisplayed()).isFalse();
			assertThat(browser.find(By.id("filters-panel")).getAttribute("open")).isNull();
			assertThat(browser.find(By.id("text")).isDisplayed()).isFalse();
			long pageWidth = (Long) browser.script("return document.documentElement.scrollWidth;");
			assertThat(pageWidth).isLessThanOrEqualTo(390);
			assertThat(browser.find(By.id("bulk-form")).isDisplayed()).as("no selection yet").isFalse();
			firstRow.findElement(By.name("ticket")).sendKeys(Keys.SPACE);
			assertThat(browser.find(By.id("bulk-form")).isDisplayed()).isTrue();
			browser.screenshot("queue-phone.png");
			browser.find(By.cssSelector("#filters-panel > summary")).click();
			assertThat(browser.find(By.id("text")).isDisplayed()).isTrue();
			browser.screenshot("queue-phone-filters.png");
		}
		finally {
			browser.resize(Browser.DESKTOP);
		}
	}

	@Test
	void aBulkResolveWithoutASolutionSaysWhichFieldAndKeepsTheSelectionAndTheForm() {
		User technician = fixtures.user("bulk-refused-tech", Role.TECHNICIAN);
		User caller = fixtures.user("bulk-refused-caller", Role.REQUESTER);
		long groupId = fixtures.group(SupportLevel.N1, technician).getId();
		long categoryId = fixtures.category("Bulk refused").getId();
		ApiClient api = ApiClient.bearer(port, fixtures.token(technician));
		for (String title : List.of("Badge refused", "Badge refused again")) {
			create(api, title, caller, categoryId, groupId);
		}
		String list = "/agent?queue=ALL&categoryId=" + categoryId;
		browser.logIn(technician);
		for (var size : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.resize(size);
			browser.open(list);
			for (WebElement box : browser.driver().findElements(By.cssSelector("#queue-rows input[name=ticket]"))) {
				box.sendKeys(Keys.SPACE);
			}
			new org.openqa.selenium.support.ui.Select(browser.find(By.id("bulk-action"))).selectByValue("STATUS");
			new org.openqa.selenium.support.ui.Select(browser.find(By.id("bulk-transition"))).selectByValue("RESOLVE");
			browser.clickAndAwaitAnswer(By.id("bulk-apply"), ExpectedConditions.presenceOfElementLocated(By.id("bulk-outcomes")));
			assertThat(browser.text("#bulk-outcomes")).contains("refused on 2", "“Solution (to resolve)”: This field is required");
			assertThat(checked()).as("the refused tickets stay selected").hasSize(2);
			assertThat(browser.text("#bulk-count")).isEqualTo("2 selected");
			assertThat(browser.find(By.id("bulk-solution")).isDisplayed()).as("the form shows the resolve fields again").isTrue();
			assertThat(browser.find(By.id("bulk-reason")).isDisplayed()).isTrue();
			AccessibilityCheck.assertAccessible(browser.driver());
			browser.screenshot("leftovers/bulk-refused-" + size.getWidth() + ".png");
		}
		browser.resize(Browser.DESKTOP);
	}

	@Test
	void theCallerIsPickedByTypingPartOfTheirNameAndChoosingWithTheKeyboard() throws IOException {
		User technician = fixtures.user("typeahead-tech", Role.TECHNICIAN);
		User caller = fixtures.user("typeahead-caller", Role.REQUESTER);
		browser.logIn(technician);
		browser.open("/agent/tickets/new");

		WebElement search = browser.find(By.id("caller-search"));
		search.sendKeys(caller.getFullName());
		browser.waiting().until(ExpectedConditions.attributeToBe(search, "aria-expanded", "true"));
		search.sendKeys(Keys.ARROW_DOWN);
		assertThat(search.getAttribute("aria-activedescendant")).isEqualTo("caller-" + caller.getId());
		browser.screenshot("caller-typeahead.png");
		search.sendKeys(Keys.ENTER);

		assertThat(browser.driver().getCurrentUrl()).endsWith("/agent/tickets/new");
		assertThat(browser.find(By.id("requesterId")).getAttribute("value"))
			.isEqualTo(String.valueOf(caller.getId()));
		assertThat(search.getAttribute("value")).isEqualTo(caller.getFullName());
		assertThat(search.getAttribute("aria-expanded")).isEqualTo("false");
	}

	private static void create(ApiClient api, String title, User caller, long categoryId, long groupId) {
		long id = api.post("/api/v1/tickets", Map.of("type", "INCIDENT", "title", title, "description", "Called",
				"urgency", "MEDIUM", "requesterId", caller.getId(), "categoryId", categoryId)).json().get("id").asLong();
		api.post("/api/v1/tickets/" + id + "/assign", Map.of("groupId", groupId));
	}

	private static List<WebElement> rows() {
		return browser.driver().findElements(By.cssSelector("#queue-rows tr[data-ticket-id]"));
	}

	private static List<String> checked() {
		return browser.attributes("#queue-rows input[name=ticket]:checked", "id");
	}

}
