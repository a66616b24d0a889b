package org.guichet.system;

import java.util.List;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pager as a person uses it, on a desktop and a phone: page 2 of a filtered list offers the
 * first, previous, next and last pages, fits a phone's width, and its links keep the filters.
 */
@GuichetIntegrationTest
class PagerBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Test
	void pageTwoOfAFilteredListOffersEveryWayAndKeepsTheFilters() {
		String word = "pager" + UUID.randomUUID().toString().substring(0, 8);
		User requester = fixtures.user("pager-requester", Role.REQUESTER);
		long category = fixtures.category("Pager").getId();
		for (int i = 0; i < 4; i++) {
			tickets.register(new NewTicket(TicketType.INCIDENT, "Scanner " + word + " " + i, "It jams.", null,
					Channel.PORTAL, category, Urgency.HIGH, null, List.of()), TestFixtures.current(requester));
		}
		browser.logIn(fixtures.user("pager-agent", Role.ADMINISTRATOR));
		browser.open("/agent?queue=ALL&categoryId=" + category + "&sort=OLDEST&size=1&page=1");

		assertThat(browser.text("nav.pager [aria-current=page]")).isEqualTo("Page 2 of 4");
		assertThat(browser.texts("nav.pager a")).containsExactly("First", "← Previous", "Next →", "Last");
		browser.screenshot("pager/queue-page-2-1280.png");
		browser.waiting().withMessage("the active tab, All, in view")
			.until(page -> (Boolean) browser.script("var tabs = document.querySelector('.queue-tabs').getBoundingClientRect();"
					+ " var tab = document.getElementById('queue-ALL').getBoundingClientRect();"
					+ " return tab.left >= tabs.left - 0.5 && tab.right <= tabs.right + 0.5;"));
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.scrollTo(browser.find(By.cssSelector("nav.pager")));
		browser.screenshot("pager/queue-page-2-390.png");
		browser.resize(Browser.DESKTOP);

		browser.click(By.cssSelector("nav.pager a[rel=next]"));
		browser.waiting().until(ExpectedConditions.urlContains("page=2"));
		browser.waiting().until(Browser.textIn("nav.pager [aria-current=page]", "Page 3 of 4"));
		assertThat(browser.driver().getCurrentUrl()).contains("categoryId=" + category, "sort=OLDEST", "size=1", "queue=ALL");
		assertThat(browser.texts("#queue-rows tr")).hasSize(1);
	}

	@Test
	void aPagePastTheEndSaysSoAndLeadsBackAndABadPageNumberIsExplainedAboveTheFirstPage() {
		String word = "beyond" + UUID.randomUUID().toString().substring(0, 8);
		User requester = fixtures.user("pager-beyond-requester", Role.REQUESTER);
		long category = fixtures.category("Pager").getId();
		tickets.register(new NewTicket(TicketType.INCIDENT, "Webcam " + word, "It is dark.", null, Channel.PORTAL,
				category, Urgency.HIGH, null, List.of()), TestFixtures.current(requester));
		browser.logIn(requester);
		browser.open("/portal?page=99999");

		assertThat(browser.text("#page-notice")).startsWith("Page 100000 is past the end of the list, which has 1 page.")
			.endsWith("Go to the last page");
		assertThat(browser.driver().findElements(By.cssSelector("#portal-empty, nav.pager"))).isEmpty();
		browser.screenshot("pager/portal-past-the-end-1280.png");
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("pager/portal-past-the-end-390.png");
		browser.resize(Browser.DESKTOP);

		browser.click(By.id("page-back"));
		browser.waiting().until(ExpectedConditions.urlContains("page=0"));
		assertThat(browser.text("main")).contains("Webcam " + word);

		browser.open("/portal?page=abc");
		assertThat(browser.text("#page-notice")).isEqualTo("“abc” is not a page number: here is the first page.");
		assertThat(browser.text("main")).contains("Webcam " + word);
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.screenshot("pager/portal-bad-page-390.png");
		browser.resize(Browser.DESKTOP);
	}

}
