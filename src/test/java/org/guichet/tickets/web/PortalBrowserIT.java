package org.guichet.tickets.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.guichet.calendars.Calendars;
import org.guichet.calendars.StandardCalendars;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.sla.SlaPolicy;
import org.guichet.sla.SlaPolicyRepository;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.HeadlessChromium;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.Channel;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.PendingReason;
import org.guichet.tickets.Priority;
import org.guichet.tickets.RequesterSlaVisibility;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requester's portal on a phone, in French: the list as cards with the expected resolution,
 * the filter kept in the URL, the notifications; then, logged out, the "forgot password" page
 * in the browser's language.
 */
@GuichetIntegrationTest
class PortalBrowserIT {

	private static WebDriver browser;

	private static WebDriverWait wait;

	@LocalServerPort
	private int port;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private UserRepository users;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private DeskSettings settings;

	@Autowired
	private Calendars calendars;

	@Autowired
	private SlaPolicyRepository policies;

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

	@AfterEach
	void hideTheSla() {
		settings.saveRequesterSlaVisibility(RequesterSlaVisibility.NONE);
		browser.manage().window().setSize(new Dimension(1280, 900));
	}

	@Test
	void aRequesterOnAPhoneFiltersTheirRequestsReadsTheirNotificationsAndSeesTheExpectedResolution()
			throws IOException {
		String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
		String department = "Portail " + word;
		long calendarId = calendars.define("24/7 " + department, StandardCalendars.twentyFourSeven()).id();
		SlaPolicy policy = new SlaPolicy("Politique " + department, calendarId);
		policy.conditions(null, null, department, null);
		for (Priority priority : Priority.values()) {
			policy.target(TicketType.INCIDENT, priority, Duration.ofHours(4), Duration.ofHours(24));
		}
		policies.save(policy);
		settings.saveRequesterSlaVisibility(RequesterSlaVisibility.EXPECTED_RESOLUTION);
		User requester = fixtures.user("telephone", Role.REQUESTER);
		requester.setLanguage("fr");
		requester.setDepartment(department);
		users.save(requester);
		CurrentUser technician = TestFixtures.current(fixtures.user("tech", Role.TECHNICIAN));
		TicketId printer = register(requester, "Imprimante du 2e étage " + word);
		TicketId screen = register(requester, "Écran qui clignote " + word);
		TicketId vpn = register(requester, "VPN coupé chaque heure " + word);
		tickets.comment(printer, "Nous passons cet après-midi.", false, technician);
		tickets.comment(printer, "Note interne : toner commandé chez le fournisseur", true, technician);
		tickets.transition(screen, Transition.of(TicketAction.TAKE), null, technician);
		tickets.transition(screen, new Transition(TicketAction.PENDING, null, PendingReason.USER, null, null), null,
				technician);
		tickets.transition(vpn, Transition.of(TicketAction.TAKE), null, technician);
		tickets.transition(vpn, new Transition(TicketAction.RESOLVE, null, null, "Nouveau profil VPN",
				SolutionKind.PERMANENT), null, technician);

		browser.manage().window().setSize(new Dimension(390, 844));
		logIn(requester);
		browser.get(url("/portal?q=" + word));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("expected-" + screen.value()), "suspendue"));
		assertThat(text("#my-tickets")).contains("Imprimante du 2e étage", "Écran qui clignote", "VPN coupé");
		assertThat(text("#expected-" + vpn.value())).isEqualTo("résolue dans les délais");
		assertThat(browser.findElement(By.cssSelector("#expected-" + printer.value() + " time")).getText()).isNotBlank();
		assertThat(browser.findElement(By.cssSelector("#nav-notifications .badge")).getAttribute("textContent"))
			.isEqualTo("3");
		assertPageFitsTheWindow();
		screenshot("portal-list-phone-fr.png");

		new Select(browser.findElement(By.id("filter-status"))).selectByVisibleText("En attente de ma réponse");
		click(By.id("filter-submit"));
		wait.until(ExpectedConditions.urlContains("status=WAITING_ON_REQUESTER"));
		assertThat(browser.getCurrentUrl()).contains("q=" + word);
		assertThat(text("#my-tickets")).contains("Écran qui clignote").doesNotContain("Imprimante", "VPN");
		browser.navigate().refresh();
		assertThat(new Select(browser.findElement(By.id("filter-status"))).getFirstSelectedOption().getText())
			.isEqualTo("En attente de ma réponse");
		screenshot("portal-filtered-phone-fr.png");

		browser.get(url("/portal/notifications"));
		String notifications = text("#notifications");
		assertThat(notifications).contains("L’équipe informatique a répondu à votre demande #" + printer.value(),
				"Votre demande #" + screen.value(), "attend votre réponse", "Votre demande #" + vpn.value(),
				"est résolue").doesNotContain("toner", "Note interne");
		assertPageFitsTheWindow();
		screenshot("portal-notifications-phone-fr.png");
		click(By.xpath("//li[contains(., 'a répondu')]//button"));
		wait.until(ExpectedConditions.urlMatches("/portal/tickets/" + printer.value() + "$"));
		assertThat(text(".timeline-list")).contains("Nous passons cet après-midi.").doesNotContain("toner");
		assertThat(browser.findElement(By.cssSelector("#nav-notifications .badge")).getAttribute("textContent"))
			.isEqualTo("2");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("expected-resolution-date")));
		assertPageFitsTheWindow();
		screenshot("portal-ticket-phone-fr.png");

		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		click(By.id("forgot-link"));
		browser.findElement(By.id("login")).sendKeys(requester.getUsername(), Keys.ENTER);
		wait.until(ExpectedConditions.urlContains("/password/forgot?sent"));
		// logged out, the page speaks the browser's language (English here)
		assertThat(text("#flash")).contains("Your request is recorded, if an account matches");
		assertPageFitsTheWindow();
		screenshot("password-forgot-phone-en.png");
	}

	private TicketId register(User requester, String title) {
		return tickets.register(new NewTicket(TicketType.INCIDENT, title, "Détails de la demande.", null,
				Channel.PORTAL, null, Urgency.MEDIUM, null, List.of()), TestFixtures.current(requester)).id();
	}

	private static void assertPageFitsTheWindow() {
		long pageWidth = (Long) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth;");
		long viewportWidth = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;");
		assertThat(pageWidth).isLessThanOrEqualTo(viewportWidth);
	}

	private void logIn(User user) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(user.getUsername());
		browser.findElement(By.id("password")).sendKeys(TestFixtures.PASSWORD, Keys.ENTER);
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private static void click(By locator) {
		WebElement element = browser.findElement(locator);
		((JavascriptExecutor) browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
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
