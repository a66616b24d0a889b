package org.guichet.tickets.web;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, queues, in a real browser: where the list sits on the first screen at desktop and
 * phone sizes. Screenshots go to {@code target/screenshots/queue-layout/}.
 */
@GuichetIntegrationTest
class QueueLayoutBrowserIT {

	private static final List<Dimension> DESKTOPS = List.of(new Dimension(1280, 800), new Dimension(1440, 900));

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	private int port;

	@Autowired
	private TestFixtures fixtures;

	@BeforeEach
	void onThisServer() {
		browser.resize(Browser.DESKTOP);
	}

	@Test
	void atDesktopSizesTheListShowsOnTheFirstScreenWithItsFiltersBesideIt() {
		User technician = fixtures.user("layout-tech", Role.TECHNICIAN);
		String list = listOfThree(technician, "Layout");
		browser.logIn(technician);

		for (Dimension size : DESKTOPS) {
			browser.resize(size);
			browser.open(list);
			browser.screenshot("queue-layout/queue-" + size.getWidth() + "x" + size.getHeight() + ".png");
			assertThat(rows()).hasSize(3);
			long windowHeight = (Long) browser.script("return window.innerHeight;");
			assertThat(bottomOf(rows().get(2))).as("the third ticket at %s", size).isLessThanOrEqualTo(windowHeight);
			assertThat(browser.find(By.id("text")).isDisplayed()).as("the search is open at %s", size).isTrue();
			assertThat(browser.find(By.id("status")).isDisplayed()).isTrue();
			assertThat(browser.fitsTheWindow()).isTrue();
			AccessibilityCheck.assertAccessible(browser.driver());
		}

		browser.resize(Browser.PHONE);
		browser.open(list);
		assertThat(browser.find(By.id("text")).isDisplayed()).as("the filters fold on a phone").isFalse();
		assertThat(rows().get(0).findElement(By.cssSelector(".cell-TITLE")).isDisplayed()).isTrue();
		assertThat(browser.fitsTheWindow()).isTrue();
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("queue-layout/queue-390x844.png");
		browser.find(By.cssSelector("#filters-panel > summary")).click();
		assertThat(browser.find(By.id("text")).isDisplayed()).isTrue();
		browser.screenshot("queue-layout/queue-390x844-filters.png");
	}

	@Test
	void anAgentMovesAColumnWithTheKeyboardAndTheListKeepsThatOrder() {
		User technician = fixtures.user("order-tech", Role.TECHNICIAN);
		String list = listOfThree(technician, "Order");
		browser.logIn(technician);
		browser.open(list);
		assertThat(headers()).startsWith("Number", "Title", "Requester", "Category", "Priority", "Status");

		browser.click(By.cssSelector("#column-tools > summary"));
		WebElement up = browser.find(By.id("column-up-STATUS"));
		up.sendKeys(Keys.ENTER);
		up.sendKeys(Keys.ENTER);
		assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("the focus stays on the button")
			.isEqualTo("column-up-STATUS");
		assertThat(browser.text("#column-moved")).isEqualTo("“Status” is now in place 4 of 12.");
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("queue-layout/columns-reordered.png");
		browser.clickAndAwaitAnswer(By.id("columns-apply"), page -> headers().size() > 3 && "Status".equals(headers().get(3)));
		assertThat(headers()).startsWith("Number", "Title", "Requester", "Status", "Category", "Priority");
		browser.open(list);
		assertThat(headers()).as("kept for the agent").startsWith("Number", "Title", "Requester", "Status", "Category");
	}

	/** The column headers, read in one script so that a list redrawn meanwhile cannot leave stale elements. */
	@SuppressWarnings("unchecked")
	private static List<String> headers() {
		return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
				"return Array.from(document.querySelectorAll('#queue-table thead th:not(.bulk-cell)'))"
						+ ".map(header => header.textContent.trim());");
	}

	/** Three tickets of a new category, assigned to a new group of the technician: the list showing them. */
	private String listOfThree(User technician, String name) {
		User caller = fixtures.user(name.toLowerCase() + "-caller", Role.REQUESTER);
		long groupId = fixtures.group(SupportLevel.N1, technician).getId();
		long categoryId = fixtures.category(name).getId();
		ApiClient api = ApiClient.bearer(port, fixtures.token(technician));
		for (String title : List.of("Printer jams", "VPN drops every hour", "Screen flickers")) {
			long id = api.post("/api/v1/tickets", Map.of("type", "INCIDENT", "title", title, "description", "Called",
					"urgency", "MEDIUM", "requesterId", caller.getId(), "categoryId", categoryId)).json().get("id").asLong();
			api.post("/api/v1/tickets/" + id + "/assign", Map.of("groupId", groupId));
		}
		return "/agent?queue=ALL&categoryId=" + categoryId;
	}

	private static long bottomOf(WebElement element) {
		return ((Number) browser.script("return Math.ceil(arguments[0].getBoundingClientRect().bottom);", element)).longValue();
	}

	private static List<WebElement> rows() {
		return browser.driver().findElements(By.cssSelector("#queue-rows tr[data-ticket-id]"));
	}

}
