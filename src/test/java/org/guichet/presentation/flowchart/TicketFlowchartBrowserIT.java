package org.guichet.presentation.flowchart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.AccessibilityCheck;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: the agent's ticket page opens its "Flowchart of this ticket" section, which
 * loads the chart with that ticket's path highlighted; a supervisor counts a period's tickets on
 * the flowchart page, and a period that does not fit is said without losing what was typed.
 */
@GuichetIntegrationTest
class TicketFlowchartBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	private int port;

	@Autowired
	private TestFixtures fixtures;

	private static void ok(Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}

	@Test
	void theTicketPageFlowchartHighlightsThatTicketsPath() {
		User requester = fixtures.user("browser-path-requester", Role.REQUESTER);
		User technician = fixtures.user("browser-path-tech", Role.TECHNICIAN);
		SupportGroup group = fixtures.group(SupportLevel.N1, technician);
		fixtures.group(SupportLevel.N2);
		ApiClient api = ApiClient.basic(port, technician.getUsername(), TestFixtures.PASSWORD);
		Response created = api.post("/api/v1/tickets", Map.of("type", "INCIDENT", "title", "Screen flickers",
				"description", "Called in", "urgency", "MEDIUM", "channel", "PHONE", "requesterId", requester.getId()));
		ok(created);
		long id = created.json().get("id").asLong();
		ok(api.post("/api/v1/tickets/" + id + "/assign", Map.of("groupId", group.getId())));
		for (Map<String, Object> transition : java.util.List.<Map<String, Object>>of(Map.of("action", "TAKE"),
				Map.of("action", "PENDING", "reason", "USER"), Map.of("action", "RESUME"))) {
			ok(api.post("/api/v1/tickets/" + id + "/transitions", transition));
		}

		browser.logIn(technician);
		browser.resize(Browser.DESKTOP);
		browser.open("/agent/tickets/" + id);
		assertThat(browser.driver().findElements(By.cssSelector("#ticket-flowchart-body svg")))
			.as("loaded only when opened").isEmpty();
		browser.clickAndAwaitAnswer(By.cssSelector("#ticket-flowchart summary"),
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ticket-flowchart-body svg.flowchart")));

		WebElement phone = browser.find(By.cssSelector("#ticket-flowchart-body [data-node='channel.PHONE']"));
		assertThat(phone.getDomAttribute("class")).contains("fc-on-path");
		assertThat(phone.findElement(By.cssSelector(".fc-badge text")).getText()).isEqualTo("2");
		assertThat(browser.find(By.cssSelector("#ticket-flowchart-body [data-node='pending']")).getDomAttribute("class"))
			.contains("fc-on-path");
		assertThat(browser.find(By.cssSelector("#ticket-flowchart-body [data-node='resolution.N1'] .fc-badge text"))
			.getText()).as("passed twice: before and after pending").contains(", ");
		WebElement levelTwo = browser.find(By.cssSelector("#ticket-flowchart-body [data-node='resolution.N2']"));
		assertThat(levelTwo.getDomAttribute("class")).doesNotContain("fc-on-path");
		assertThat(levelTwo.getDomAttribute("opacity")).isEqualTo("0.3");
		assertThat(browser.driver().findElements(By.cssSelector("#ticket-flowchart-body [data-node='end'].fc-on-path")))
			.as("still open").isEmpty();
		// the buttons are followed with the page's session, which the stateless API refuses (401)
		assertThat(browser.answersToLinks("a[id^='ticket-flowchart-'][href*='format=']")).as("downloads")
			.hasSize(FlowchartRequest.FORMATS.size())
			.allSatisfy(answer -> assertThat(answer).contains("/tickets/" + id + "/flowchart"))
			.anySatisfy(answer -> assertThat(answer).contains("format=svg", "-> 200 image/svg+xml"))
			.anySatisfy(answer -> assertThat(answer).contains("format=png", "-> 200 image/png"))
			.anySatisfy(answer -> assertThat(answer).contains("format=pdf", "-> 200 application/pdf"));
		browser.scrollTo(browser.find(By.id("ticket-flowchart")));
		browser.screenshot("flowchart/ticket-desktop.png");

		browser.resize(Browser.PHONE);
		browser.open("/agent/tickets/" + id);
		browser.clickAndAwaitAnswer(By.cssSelector("#ticket-flowchart summary"),
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ticket-flowchart-body svg.flowchart")));
		browser.scrollTo(browser.find(By.id("ticket-flowchart")));
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("flowchart/ticket-phone.png");
	}

	@Test
	void aSupervisorCountsAPeriodsTicketsOnTheBranches() {
		User supervisor = fixtures.user("browser-measure", Role.SUPERVISOR);
		browser.logIn(supervisor);
		browser.resize(Browser.DESKTOP);
		browser.open("/presentation/flowchart?lang=en");

		// the date picker's typing order follows the browser's locale: the value is set as the picker sets it
		browser.script("arguments[0].value = '2026-11-02'; arguments[1].value = '2026-11-01';",
				browser.find(By.id("flowchart-from")), browser.find(By.id("flowchart-to")));
		browser.clickAndAwaitAnswer(By.id("flowchart-measure"),
				ExpectedConditions.presenceOfElementLocated(By.id("flowchart-period-error")));
		assertThat(browser.text("#flowchart-period-error")).startsWith("To:").contains("Nov 1, 2026", "Nov 2, 2026");
		assertThat(browser.find(By.id("flowchart-from")).getDomProperty("value")).isEqualTo("2026-11-02");
		assertThat(browser.find(By.id("flowchart-to")).getDomProperty("value")).isEqualTo("2026-11-01");
		assertThat(browser.find(By.id("flowchart-to")).getDomAttribute("aria-invalid")).isEqualTo("true");
		browser.screenshot("flowchart/measure-error.png");

		browser.open("/presentation/flowchart?lang=en&from=2000-01-01&to=2099-12-31");
		assertThat(browser.text("#flowchart [data-node='start']").replaceAll("\\s+", " ")).containsPattern(
				"(1 ticket|\\d+ tickets) created from 2000-01-01 to 2099-12-31");
		assertThat(browser.text("#flowchart")).containsPattern("Yes · \\d");
		browser.screenshot("flowchart/measured-desktop.png");
		for (String format : FlowchartRequest.FORMATS) {
			assertThat(browser.find(By.id("flowchart-" + format)).getDomAttribute("href")).as(format)
				.contains("format=" + format, "from=2000-01-01", "to=2099-12-31");
		}

		// a supervisor's chart holds no link: its frame itself must take the keyboard, here where it scrolls
		browser.resize(Browser.PHONE);
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.resize(Browser.DESKTOP);
	}

}
