package org.guichet.tickets.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.AccessibilityCheck;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.TicketFactRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, drill-down, in a real browser: a supervisor arriving from a KPI on the agent's list
 * reads its criteria as chips, sees exactly the tickets behind the figure, removes one criterion,
 * changes a filter without losing the others, and clears them; on a desktop and on a phone.
 */
@GuichetIntegrationTest
class DrillDownBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aSupervisorReadsTheDrillDownAsChipsAndWidensItOneCriterionAtATime() {
		User supervisor = fixtures.user("drill-supervisor", Role.SUPERVISOR);
		User caller = fixtures.user("drill-caller", Role.REQUESTER);
		long categoryId = fixtures.category("Drill browser").getId();
		ZoneId paris = ZoneId.of("Europe/Paris");
		TicketFactRows facts = new TicketFactRows(jdbc, paris, events);
		// this year's October, so that the chip names no year
		int year = LocalDate.now(paris).getYear();
		long escalated = ticket("VPN drops after the update", caller, categoryId, year + "-10-05T09:00:00Z");
		facts.write(escalated, Map.of("reopen_count", 1, "functional_escalations", 1));
		long reopened = ticket("Printer jams on tray 2", caller, categoryId, year + "-10-06T09:00:00Z");
		facts.write(reopened, Map.of("reopen_count", 2));
		long plain = ticket("Screen flickers", caller, categoryId, year + "-10-07T09:00:00Z");
		facts.write(plain, Map.of());
		String list = "/agent?queue=ALL&categoryId=" + categoryId
				+ "&from=" + year + "-10-01&to=" + year + "-10-31&reopened=true&escalated=FUNCTIONAL";

		browser.logIn(supervisor);
		browser.open(list);

		assertThat(chips()).containsExactly("Created between 1 Oct and 31 Oct", "Reopened", "Escalated: functional");
		assertThat(rowIds()).containsExactly(escalated);
		assertThat(browser.find(By.id("drill-chips")).getAttribute("aria-labelledby")).isEqualTo("drill-label");
		assertThat(browser.find(By.id("drill-remove-escalated")).getAttribute("aria-label"))
			.isEqualTo("Remove the criterion “Escalated: functional”");
		assertThat(browser.find(By.id("queue-export")).getAttribute("href"))
			.contains("from=" + year + "-10-01", "to=" + year + "-10-31", "reopened=true", "escalated=FUNCTIONAL");
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("drill-down-desktop.png");

		browser.clickAndAwaitAnswer(By.id("drill-remove-escalated"),
				ExpectedConditions.invisibilityOfElementLocated(By.id("drill-escalated")));
		assertThat(chips()).containsExactly("Created between 1 Oct and 31 Oct", "Reopened");
		assertThat(rowIds()).containsExactlyInAnyOrder(escalated, reopened);
		assertThat(browser.driver().getCurrentUrl()).doesNotContain("escalated").contains("reopened=true");

		if (browser.find(By.id("filters-panel")).getAttribute("open") == null) {
			browser.click(By.cssSelector("#filters-panel > summary"));
		}
		browser.actAndAwaitAnswer(() -> new Select(browser.find(By.id("status"))).selectByValue("NEW"),
				page -> page.getCurrentUrl().contains("status=NEW"));
		assertThat(browser.driver().getCurrentUrl()).as("the filters keep the drill-down")
			.contains("reopened=true", "from=" + year + "-10-01");
		assertThat(rowIds()).containsExactlyInAnyOrder(escalated, reopened);
		assertThat(chips()).containsExactly("Created between 1 Oct and 31 Oct", "Reopened");

		browser.resize(Browser.PHONE);
		try {
			browser.open(list);
			assertThat(browser.fitsTheWindow()).isTrue();
			assertThat(browser.find(By.id("drill-clear")).isDisplayed()).isTrue();
			browser.screenshot("drill-down-phone.png");
		}
		finally {
			browser.resize(Browser.DESKTOP);
		}

		browser.clickAndAwaitAnswer(By.id("drill-clear"),
				ExpectedConditions.invisibilityOfElementLocated(By.id("drill-chips")));
		assertThat(rowIds()).containsExactlyInAnyOrder(escalated, reopened, plain);
	}

	private static List<String> chips() {
		return browser.texts("#drill-chips .drill-chip > span");
	}

	private static List<Long> rowIds() {
		return browser.attributes("#queue-rows tr.queue-row", "data-ticket-id").stream().map(Long::parseLong).toList();
	}

	private long ticket(String title, User requester, long categoryId, String createdAt) {
		OffsetDateTime created = OffsetDateTime.parse(createdAt);
		String unique = title + " " + categoryId;
		jdbc.update("insert into ticket (type, title, description, requester_id, registered_by_id, channel,"
				+ " category_id, urgency, impact, priority, status, created_at, updated_at) values ('INCIDENT', ?,"
				+ " 'For the drill-down', ?, ?, 'PHONE', ?, 'LOW', 'LOW', 'LOW', 'NEW', ?, ?)", unique,
				requester.getId(), requester.getId(), categoryId, created, created);
		return jdbc.queryForObject("select id from ticket where title = ?", Long.class, unique);
	}

}
