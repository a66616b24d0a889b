package org.guichet.reporting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.testing.AccessibilityCheck;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in headless Chromium: a supervisor sees the charts drawn, changes the period,
 * clicks a bar and lands on exactly the tickets behind it, whose CSV export holds the same rows;
 * a requester has no link to it. Screenshots of the dashboard at both sizes.
 */
@GuichetIntegrationTest
class ReportsBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Test
	void aSupervisorClicksABarAndLandsOnExactlyItsTicketsWhoseExportHasTheSameRows() {
		User technician = fixtures.user("charts-tech", Role.TECHNICIAN);
		User requester = fixtures.user("charts-caller", Role.REQUESTER);
		long category = fixtures.category("Charts").getId();
		Set<Long> byPhone = new TreeSet<>();
		for (int i = 0; i < 3; i++) {
			byPhone.add(ticket(technician, requester, category, Channel.PHONE));
		}
		ticket(technician, requester, category, Channel.EMAIL);
		ticket(technician, requester, category, Channel.EMAIL);
		browser.logIn(fixtures.user("charts-supervisor", Role.SUPERVISOR));
		browser.resize(Browser.DESKTOP);

		browser.open("/reports?category=" + category);
		assertThat(chartsDrawn()).isGreaterThanOrEqualTo(8);
		assertThat(browser.script("""
				var canvas = document.querySelector('#chart-by-channel canvas');
				var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
				for (var i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) return true; }
				return false;""")).isEqualTo(true);
		assertThat(browser.text("#kpi-volumes .kpi-count")).isEqualTo("5 tickets");

		browser.click(By.cssSelector("#report-filters > summary"));
		new Select(browser.find(By.id("period"))).selectByValue("LAST_90_DAYS");
		browser.click(By.id("apply-filters"));
		browser.waiting().until(ExpectedConditions.urlContains("period=LAST_90_DAYS"));
		assertThat(browser.driver().getCurrentUrl()).contains("category=" + category);
		assertThat(chartsDrawn()).isGreaterThanOrEqualTo(8);

		browser.scrollTo(browser.find(By.id("chart-volumes")));
		browser.screenshot("reports/charts-1280.png");
		WebElement phoneCell = browser.find(By.cssSelector("#chart-by-channel td[data-href*='channel=PHONE']"));
		assertThat(phoneCell.getDomAttribute("data-value")).isIn("3", "3.0");
		clickBar("chart-by-channel", rowIndex("chart-by-channel", "Phone"));

		browser.waiting().until(ExpectedConditions.urlContains("/agent?"));
		String list = browser.driver().getCurrentUrl();
		assertThat(list).contains("queue=ALL").contains("channel=PHONE").contains("categoryId=" + category);
		assertThat(listed()).isEqualTo(byPhone);

		String export = browser.find(By.id("queue-export")).getDomAttribute("href");
		List<String> rows = csvRows(export);
		assertThat(rows).hasSize(byPhone.size());
		for (long id : byPhone) {
			assertThat(rows).anySatisfy(row -> assertThat(row).contains("#" + id));
		}

		browser.resize(Browser.PHONE);
		browser.open("/reports?period=LAST_90_DAYS&category=" + category);
		assertThat(chartsDrawn()).isGreaterThanOrEqualTo(8);
		assertThat(browser.fitsTheWindow()).isTrue();
		browser.resize(Browser.DESKTOP);
	}

	@Test
	void theCardsCountAndTheirListsShowTheSameTickets() {
		User technician = fixtures.user("cards-tech", Role.TECHNICIAN);
		User requester = fixtures.user("cards-caller", Role.REQUESTER);
		long category = fixtures.category("Cards").getId();
		Set<Long> created = new TreeSet<>();
		created.add(ticket(technician, requester, category, Channel.PHONE));
		created.add(ticket(technician, requester, category, Channel.PORTAL));
		browser.logIn(fixtures.user("cards-supervisor", Role.SUPERVISOR));
		browser.open("/reports?period=THIS_MONTH&category=" + category);
		WebElement card = browser.find(By.id("kpi-volumes"));
		assertThat(card.getDomAttribute("data-count")).isEqualTo("2");
		browser.click(By.cssSelector("#kpi-volumes .kpi-link"));
		browser.waiting().until(ExpectedConditions.urlContains("/agent?"));
		assertThat(listed()).isEqualTo(created);
	}

	@Test
	void aRequesterHasNoLinkToTheReports() {
		browser.logIn(fixtures.user("charts-requester", Role.REQUESTER));
		browser.open("/portal");
		assertThat(browser.driver().findElements(By.id("nav-reports"))).isEmpty();
		browser.open("/reports");
		assertThat(browser.driver().findElements(By.id("kpi-cards"))).isEmpty();
		assertThat(browser.driver().getPageSource()).contains("403");
	}

	@Test
	void theDashboardHasNoSeriousAccessibilityViolationAtBothSizesAndItsMenusOpenInsideTheWindow() {
		browser.logIn(fixtures.user("charts-a11y", Role.SUPERVISOR));
		List<String> violations = new ArrayList<>();
		for (var size : List.of(Browser.DESKTOP, new org.openqa.selenium.Dimension(1024, 800), Browser.PHONE)) {
			browser.resize(size);
			browser.open("/reports");
			chartsDrawn();
			violations.addAll(AccessibilityCheck.violations(browser.driver()));
			browser.screenshot("reports/dashboard-" + size.getWidth() + ".png");
			assertThat(browser.driver().findElements(By.id("report-switcher"))).as("the switcher is tried").hasSize(1);
			violations.addAll(browser.menusOutsideTheWindow());
			browser.click(By.cssSelector("#report-switcher > summary"));
			browser.screenshot("reports/switcher-open-" + size.getWidth() + ".png");
			browser.click(By.cssSelector("#report-switcher > summary"));
		}
		browser.resize(Browser.DESKTOP);
		assertThat(violations).isEmpty();
	}

	@Test
	void everyLabelOfAShortSeriesIsShownWrappedWholeInItsTooltipAndTheSwitcherIsEasyToTouch() {
		User technician = fixtures.user("labels-tech", Role.TECHNICIAN);
		User requester = fixtures.user("labels-caller", Role.REQUESTER);
		long category = fixtures.category("Network printers on the third floor of building B").getId();
		for (Urgency urgency : Urgency.values()) {
			ticket(technician, requester, category, Channel.PHONE, urgency);
		}
		browser.logIn(fixtures.user("labels-supervisor", Role.SUPERVISOR));
		for (var size : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.resize(size);
			browser.open("/reports?category=" + category);
			chartsDrawn();
			assertThat(browser.script("""
					var skipped = [];
					document.querySelectorAll('figure.report-chart canvas').forEach(function (canvas) {
					  var chart = Chart.getChart(canvas);
					  if (!chart || chart.config.type !== 'bar' || chart.data.labels.length > 31) return;
					  var axis = chart.scales[chart.options.indexAxis === 'y' ? 'y' : 'x'];
					  if (axis.ticks.length !== chart.data.labels.length) skipped.push(canvas.closest('figure').id);
					});
					return skipped.join(',');""")).as("charts skipping labels at " + size).isEqualTo("");
			assertThat(browser.script("""
					var chart = Chart.getChart(document.querySelector('#chart-by-category canvas'));
					var tick = chart.scales.y.ticks[0].label;
					var title = chart.options.plugins.tooltip.callbacks.title.call(chart.tooltip, [{ dataIndex: 0 }]);
					return [Array.isArray(tick) ? tick.join(' ') : tick, title].join(' | ');"""))
				.asString()
				.matches("[^|]{1,50}(…)? \\| Network printers on the third floor of building B \\d+")
				.doesNotStartWith("Network printers on the third floor of building B");
			assertThat(browser.script("return Chart.getChart(document.querySelector('#chart-by-priority canvas')).data.labels.join(',');"))
				.as("priorities from the lowest to the highest").isEqualTo("Very low,Low,Medium,High");
			browser.scrollTo(browser.find(By.id("chart-by-priority")));
			browser.screenshot("reports/labels-" + size.getWidth() + ".png");
		}
		browser.resize(Browser.PHONE);
		browser.scrollTo(browser.find(By.cssSelector("#report-switcher > summary")));
		browser.click(By.cssSelector("#report-switcher > summary"));
		assertThat((Long) browser.script("""
				var smallest = 1000;
				document.querySelectorAll('#report-switcher > summary, #report-switcher a').forEach(function (target) {
				  var box = target.getBoundingClientRect();
				  if (box.height > 0) smallest = Math.min(smallest, Math.floor(box.height));
				});
				return smallest;""")).as("smallest touch target, px").isGreaterThanOrEqualTo(44L);
		assertThat(browser.text("#reports-as-of")).matches("As of \\d\\d:\\d\\d");
		browser.screenshot("reports/switcher-390.png");
		browser.resize(Browser.DESKTOP);
	}

	@Test
	void theTargetsPageAndTheReviewFitAPhone() {
		browser.logIn(fixtures.user("targets-phone", Role.ADMINISTRATOR));
		for (var size : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.resize(size);
			browser.open("/reports/targets");
			assertThat(browser.text("#target-meanTimeToOwn-business")).isEqualTo("Mean time to take in charge (business)");
			assertThat(browser.fitsTheWindow()).as("targets at " + size).isTrue();
			browser.screenshot("reports/targets-" + size.getWidth() + ".png");
			browser.open("/reports/review?priority=HIGH");
			assertThat(browser.text("#review-scope")).isEqualTo("The whole desk — Priority: High");
			assertThat(browser.fitsTheWindow()).as("review at " + size).isTrue();
			browser.screenshot("reports/review-" + size.getWidth() + ".png");
		}
		browser.resize(Browser.DESKTOP);
	}

	/** Waits until every chart of the page is drawn, and gives how many there are. */
	private long chartsDrawn() {
		browser.waiting().until(driver -> (Boolean) browser.script("""
				var figures = document.querySelectorAll('figure.report-chart');
				return document.readyState === 'complete' && typeof Chart !== 'undefined'
				  && Array.prototype.every.call(figures, function (f) {
				    var canvas = f.querySelector('canvas');
				    return !canvas || (f.getAttribute('data-drawn') === 'true' && Chart.getChart(canvas) !== undefined);
				  });"""));
		return (Long) browser.script("""
				return Array.prototype.filter.call(document.querySelectorAll('figure.report-chart canvas'),
				  function (c) { return Chart.getChart(c) !== undefined; }).length;""");
	}

	private int rowIndex(String chart, String label) {
		return ((Long) browser.script("""
				var rows = document.querySelectorAll('#' + arguments[0] + ' tbody tr th');
				for (var i = 0; i < rows.length; i++) { if (rows[i].textContent.trim() === arguments[1]) return i; }
				return -1;""", chart, label)).intValue();
	}

	/** Clicks the middle of a bar of the chart, where a person would. */
	@SuppressWarnings("unchecked")
	private void clickBar(String chart, int index) {
		WebElement canvas = browser.find(By.cssSelector("#" + chart + " canvas"));
		browser.scrollTo(canvas);
		List<Number> at = (List<Number>) browser.script("""
				var canvas = arguments[0];
				var bar = Chart.getChart(canvas).getDatasetMeta(0).data[arguments[1]];
				var horizontal = Chart.getChart(canvas).options.indexAxis === 'y';
				var x = horizontal ? (bar.x + bar.base) / 2 : bar.x;
				var y = horizontal ? bar.y : (bar.y + bar.base) / 2;
				return [x - canvas.clientWidth / 2, y - canvas.clientHeight / 2];""", canvas, index);
		new Actions(browser.driver()).moveToElement(canvas, at.get(0).intValue(), at.get(1).intValue()).click().perform();
	}

	private Set<Long> listed() {
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("queue-rows")));
		Set<Long> ids = new TreeSet<>();
		for (String id : browser.attributes("#queue-rows tr.queue-row", "data-ticket-id")) {
			ids.add(Long.parseLong(id));
		}
		return ids;
	}

	/** The data rows of the CSV at that link, fetched in the page with the session's cookie. */
	@SuppressWarnings("unchecked")
	private List<String> csvRows(String href) {
		String csv = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				fetch(arguments[0], { credentials: 'same-origin' }).then(function (r) { return r.text(); }).then(done);""",
				href);
		List<String> lines = new ArrayList<>(csv.lines().filter(line -> !line.isBlank()).toList());
		lines.remove(0);
		return lines;
	}

	private long ticket(User technician, User requester, long category, Channel channel) {
		return ticket(technician, requester, category, channel, Urgency.MEDIUM);
	}

	private long ticket(User technician, User requester, long category, Channel channel, Urgency urgency) {
		return tickets.register(new NewTicket(TicketType.INCIDENT, "Charts " + UUID.randomUUID(), "It stopped.",
				requester.id().value(), channel, category, urgency, null, List.of()),
				TestFixtures.current(technician))
			.id()
			.value();
	}

}
