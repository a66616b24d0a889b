package org.guichet.tickets.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.HeadlessChromium;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
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

	private static WebDriver browser;

	private static WebDriverWait wait;

	@LocalServerPort
	private int port;

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

		logIn(technician);
		browser.get(url(list));
		assertThat(rows()).hasSize(3);
		browser.findElement(By.id("select-page")).sendKeys(Keys.SPACE);
		assertThat(checked()).hasSize(3);
		browser.findElements(By.cssSelector("#queue-rows input[name=ticket]")).get(2).sendKeys(Keys.SPACE);
		assertThat(checked()).hasSize(2);
		assertThat(text("#bulk-count")).isEqualTo("2 selected");
		List<String> selected = checked();

		create(api, "Keyboard missing keys", caller, categoryId, groupId);
		((JavascriptExecutor) browser).executeScript("document.dispatchEvent(new Event('visibilitychange'));");
		wait.ignoring(StaleElementReferenceException.class).until(page -> rows().size() == 4);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-live"), "1 new ticket(s)"));
		assertThat(checked()).as("the selection survives the refresh").containsExactlyElementsOf(selected);
		assertThat(browser.getCurrentUrl()).endsWith(list);

		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("bulk-action"))).selectByValue("TAKE");
		assertThat(browser.findElement(By.id("bulk-priority")).isDisplayed()).isFalse();
		screenshot("queue-bulk-desktop.png");
		browser.findElement(By.id("bulk-apply")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bulk-outcomes")));
		assertThat(text("#bulk-outcomes")).contains("Done on 2 ticket(s), refused on 0.");
		screenshot("queue-bulk-result.png");

		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			browser.get(url(list));
			WebElement firstRow = rows().get(0);
			assertThat(firstRow.findElement(By.cssSelector(".cell-TITLE")).isDisplayed()).isTrue();
			assertThat(firstRow.findElement(By.cssSelector(".cell-REQUESTER")).getText()).contains(caller.getFullName());
			assertThat(firstRow.findElement(By.cssSelector(".cell-PRIORITY")).isDisplayed()).isTrue();
			assertThat(firstRow.findElement(By.cssSelector(".cell-GROUP")).isDisplayed()).isFalse();
			assertThat(browser.findElement(By.id("filters-panel")).getAttribute("open")).isNull();
			assertThat(browser.findElement(By.id("text")).isDisplayed()).isFalse();
			long pageWidth = (Long) ((JavascriptExecutor) browser)
				.executeScript("return document.documentElement.scrollWidth;");
			assertThat(pageWidth).isLessThanOrEqualTo(390);
			assertThat(browser.findElement(By.id("bulk-form")).isDisplayed()).as("no selection yet").isFalse();
			firstRow.findElement(By.name("ticket")).sendKeys(Keys.SPACE);
			assertThat(browser.findElement(By.id("bulk-form")).isDisplayed()).isTrue();
			screenshot("queue-phone.png");
			browser.findElement(By.cssSelector("#filters-panel > summary")).click();
			assertThat(browser.findElement(By.id("text")).isDisplayed()).isTrue();
			screenshot("queue-phone-filters.png");
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	@Test
	void theCallerIsPickedByTypingPartOfTheirNameAndChoosingWithTheKeyboard() throws IOException {
		User technician = fixtures.user("typeahead-tech", Role.TECHNICIAN);
		User caller = fixtures.user("typeahead-caller", Role.REQUESTER);
		logIn(technician);
		browser.get(url("/agent/tickets/new"));

		WebElement search = browser.findElement(By.id("caller-search"));
		search.sendKeys(caller.getFullName());
		wait.until(ExpectedConditions.attributeToBe(search, "aria-expanded", "true"));
		search.sendKeys(Keys.ARROW_DOWN);
		assertThat(search.getAttribute("aria-activedescendant")).isEqualTo("caller-" + caller.getId());
		screenshot("caller-typeahead.png");
		search.sendKeys(Keys.ENTER);

		assertThat(browser.getCurrentUrl()).endsWith("/agent/tickets/new");
		assertThat(browser.findElement(By.id("requesterId")).getAttribute("value"))
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
		return browser.findElements(By.cssSelector("#queue-rows tr[data-ticket-id]"));
	}

	private static List<String> checked() {
		return browser.findElements(By.cssSelector("#queue-rows input[name=ticket]"))
			.stream()
			.filter(WebElement::isSelected)
			.map(box -> box.getAttribute("id"))
			.toList();
	}

	private void logIn(User user) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(user.getUsername());
		browser.findElement(By.id("password")).sendKeys(TestFixtures.PASSWORD, Keys.ENTER);
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText().strip();
	}

	private static void screenshot(String name) throws IOException {
		Path directory = Path.of("target/screenshots");
		Files.createDirectories(directory);
		Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(file, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
