package org.guichet.knowledge;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.guichet.assist.SelfServiceSettings;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.AccessibilityCheck;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.ShiftableClock;
import org.guichet.testing.TestFixtures;
import org.guichet.testing.UniqueWords;
import org.guichet.tickets.Category;
import org.guichet.tickets.Channel;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Status;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-service in Chromium: a requester types a problem, sees a suggested article, opens it (in a
 * new tab, the form keeping what was typed) and leaves without filing — the deflection is counted;
 * the portal's knowledge page; a technician ticks a diagnosis step and inserts a relevant article
 * into the reply at the cursor; a requester files a request, is offered an article, says it solved
 * the problem and sees the request resolved by self-service and closed, a second tab saying so
 * too. Screenshots on a desktop and a phone.
 */
@GuichetIntegrationTest
class SelfServiceBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser(Duration.ofSeconds(20));

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private Articles articles;

	@Autowired
	private Deflections deflections;

	@Autowired
	private DiagnosisProcedures diagnosis;

	@Autowired
	private ShiftableClock clock;

	@Autowired
	private SelfServiceSettings selfService;

	@Autowired
	private RelevantArticles relevant;

	@Test
	void aRequesterTypesAProblemSeesASuggestedArticleOpensItLeavesAndTheDeflectionIsCounted() {
		String word = "wifi" + UniqueWords.word("");
		User supervisor = fixtures.user("ss-browser-lead", Role.SUPERVISOR);
		User requester = fixtures.user("ss-browser-requester", Role.REQUESTER);
		CurrentUser lead = TestFixtures.current(supervisor);
		long article = articles.create(new ArticleContent("The " + word + " network keeps dropping",
				"Forget the network, then join it again:\n\n1. Open the settings\n2. Forget the network\n3. Join it again",
				ArticleKind.SOLUTION, ArticleAudience.PUBLIC, null, List.of("wifi"), null), ArticleLanguage.EN, null, lead)
			.getId();
		articles.act(article, ArticleAction.PUBLISH, null, lead);
		Instant from = clock.instant();
		try {
			browser.logIn(requester);
			browser.open("/portal/tickets/new");
			WebElement title = browser.find(By.id("title"));
			title.sendKeys("My " + word + " network");
			browser.find(By.id("description")).sendKeys("It drops every ten minutes.");
			awaitSuggestion(article, title);
			assertThat(browser.text("#suggested-articles")).contains("keeps dropping");
			AccessibilityCheck.assertAccessible(browser.driver());
			browser.scrollTo(browser.find(By.id("suggested-articles")));
			browser.screenshot("self-service/new-ticket-suggestions-desktop.png");
			browser.resize(Browser.PHONE);
			assertThat(browser.fitsTheWindow()).as("the form with its suggestions fits a phone").isTrue();
			browser.scrollTo(browser.find(By.id("suggested-articles")));
			browser.screenshot("self-service/new-ticket-suggestions-phone.png");
			browser.resize(Browser.DESKTOP);

			String typedTitle = title.getAttribute("value");
			String form = browser.driver().getWindowHandle();
			browser.click(By.id("suggested-" + article));
			browser.waiting().until(driver -> driver.getWindowHandles().size() == 2);
			List<String> windows = new ArrayList<>(browser.driver().getWindowHandles());
			windows.remove(form);
			browser.driver().switchTo().window(windows.get(0));
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("from-suggestion")));
			assertThat(browser.text("h1")).contains("keeps dropping");
			browser.driver().close();
			browser.driver().switchTo().window(form);
			assertThat(browser.find(By.id("title")).getAttribute("value")).as("nothing typed is lost")
				.isEqualTo(typedTitle)
				.startsWith("My " + word + " network");
			assertThat(browser.find(By.id("description")).getAttribute("value")).isEqualTo("It drops every ten minutes.");
			browser.open("/portal");
			Instant to = clock.instant();

			assertThat(deflections.figures(from, to).pending()).as("not counted before the window passes").isEqualTo(1);
			clock.advance(deflections.window().plusMinutes(1));
			DeflectionFigures figures = deflections.figures(from, to);
			assertThat(figures.deflected()).as("the deflection is counted").isEqualTo(1);
			assertThat(figures.shown()).isEqualTo(1);

			browser.logIn(supervisor);
			browser.open("/agent/knowledge/report?days=7");
			assertThat(Integer.parseInt(browser.text("#deflection-deflected"))).isGreaterThanOrEqualTo(1);
			AccessibilityCheck.assertAccessible(browser.driver());
			browser.screenshot("self-service/knowledge-report-desktop.png");
			browser.resize(Browser.PHONE);
			assertThat(browser.fitsTheWindow()).as("the report fits a phone").isTrue();
			browser.screenshot("self-service/knowledge-report-phone.png");
			browser.resize(Browser.DESKTOP);
		}
		finally {
			clock.reset();
		}

		browser.logIn(requester);
		browser.open("/portal/knowledge");
		assertThat(browser.find(By.id("nav-portal-knowledge")).isDisplayed() || browser.fitsTheWindow()).isTrue();
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("self-service/portal-knowledge-desktop.png");
		browser.find(By.id("portal-q")).sendKeys(word);
		browser.clickAndAwaitAnswer(By.id("portal-search"), ExpectedConditions.presenceOfElementLocated(By.id("portal-results")));
		assertThat(browser.text("#portal-results")).contains("keeps dropping");
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).as("the knowledge page fits a phone").isTrue();
		browser.screenshot("self-service/portal-knowledge-search-phone.png");
		browser.open("/portal/knowledge");
		browser.screenshot("self-service/portal-knowledge-phone.png");
		browser.resize(Browser.DESKTOP);
	}

	@Test
	void aRequesterFilesSeesTheArticleOfferedSaysItSolvedTheProblemAndSeesTheRequestResolved() {
		String word = "badge" + UniqueWords.word("");
		User supervisor = fixtures.user("ss-browser-lead", Role.SUPERVISOR);
		User requester = fixtures.user("ss-browser-requester", Role.REQUESTER);
		Category category = fixtures.category("Accounts " + UniqueWords.word(""));
		CurrentUser lead = TestFixtures.current(supervisor);
		long article = articles.create(new ArticleContent("Unlock your " + word + " account",
				"Open the self-service page, then choose **Unlock**.", ArticleKind.SOLUTION, ArticleAudience.PUBLIC,
				category.getId(), List.of(), null), ArticleLanguage.EN, null, lead).getId();
		articles.act(article, ArticleAction.PUBLISH, null, lead);
		selfService.set(0.8, List.of(category.getId()));
		try {
			awaitIndexed(article, "Unlock your " + word + " account", lead);
			browser.logIn(requester);
			browser.open("/portal/tickets/new");
			// chosen with the keyboard, as a person does: a choice made by a script is not the person's,
			// and the assistant's category suggestion would replace it as the title is typed
			browser.find(By.id("categoryId")).sendKeys(category.getName());
			browser.find(By.id("title")).sendKeys("Unlock my " + word + " account");
			browser.find(By.id("description")).sendKeys("I typed a wrong password three times.");
			browser.waiting().until(driver -> browser.htmxIsIdle());
			assertThat(browser.find(By.id("categoryId")).getAttribute("value")).as("the category chosen stays")
				.isEqualTo(String.valueOf(category.getId()));
			browser.clickAndAwaitAnswer(By.id("send-request"),
					ExpectedConditions.presenceOfElementLocated(By.id("self-service-offer")));
			String ticketPage = browser.driver().getCurrentUrl();
			TicketId ticket = new TicketId(Long.parseLong(ticketPage.substring(ticketPage.lastIndexOf('/') + 1)));
			assertThat(browser.text("#self-service-offer")).contains("Unlock your " + word + " account")
				.contains("This solved my problem");
			AccessibilityCheck.assertAccessible(browser.driver());
			browser.screenshot("self-service/offer-desktop.png");
			browser.resize(Browser.PHONE);
			assertThat(browser.fitsTheWindow()).as("the offer fits a phone").isTrue();
			browser.scrollTo(browser.find(By.id("self-service-offer")));
			browser.screenshot("self-service/offer-phone.png");
			browser.resize(Browser.DESKTOP);

			String first = browser.driver().getWindowHandle();
			browser.driver().switchTo().newWindow(WindowType.TAB);
			browser.load(ticketPage);
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("self-service-solved")));
			String second = browser.driver().getWindowHandle();
			browser.driver().switchTo().window(first);

			browser.clickAndAwaitAnswer(By.id("self-service-solved"),
					ExpectedConditions.presenceOfElementLocated(By.id("current-solution")));
			assertThat(browser.text("#flash")).contains("resolved and closed");
			assertThat(browser.text("#current-solution")).contains("Resolved by self-service")
				.contains("Unlock your " + word + " account");
			assertThat(browser.driver().findElements(By.id("self-service-offer"))).isEmpty();
			assertThat(tickets.find(ticket).getStatus()).as("the ticket is closed").isEqualTo(Status.CLOSED);
			assertThat(tickets.find(ticket).getSolutionKind()).isEqualTo(SolutionKind.SELF_SERVICE);
			browser.screenshot("self-service/resolved-by-self-service-desktop.png");

			browser.driver().switchTo().window(second);
			browser.clickAndAwaitAnswer(By.id("self-service-solved"),
					ExpectedConditions.presenceOfElementLocated(By.id("current-solution")));
			assertThat(browser.text("#flash")).as("the second tab is told it is done, not that the IT team handles it")
				.contains("already resolved and closed");
			browser.screenshot("self-service/resolved-again-second-tab-desktop.png");
			browser.driver().close();
			browser.driver().switchTo().window(first);
			assertThat(tickets.auditTrail(ticket)).filteredOn(e -> e.getField().equals("selfServiceArticle")).hasSize(1);
		}
		finally {
			selfService.set(SelfServiceSettings.DEFAULT_THRESHOLD, List.of());
		}
	}

	/** The index follows a commit a moment later: the article is searched for until found, 10 s at most. */
	private void awaitIndexed(long article, String title, CurrentUser reader) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (relevant.forDraft(title, null, null, reader, java.util.Locale.ENGLISH).stream().noneMatch(a -> a.getId() == article)
				&& System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Test
	void aTechnicianTicksADiagnosisStepAndInsertsARelevantArticleIntoTheReplyAtTheCursor() {
		String word = "toner" + UniqueWords.word("");
		User supervisor = fixtures.user("ss-browser-lead", Role.SUPERVISOR);
		User technician = fixtures.user("ss-browser-tech", Role.TECHNICIAN);
		User requester = fixtures.user("ss-browser-requester", Role.REQUESTER);
		SupportGroup group = fixtures.group(SupportLevel.N1, technician);
		Category category = fixtures.category("Printers " + UniqueWords.word(""));
		CurrentUser lead = TestFixtures.current(supervisor);
		long procedure = articles.create(new ArticleContent("Printer checks", "- Check the power cable\n- Print a test page\n- Note the error code",
				ArticleKind.PROCEDURE, ArticleAudience.INTERNAL, category.getId(), List.of(), null), ArticleLanguage.EN, null, lead)
			.getId();
		articles.act(procedure, ArticleAction.PUBLISH, null, lead);
		diagnosis.attach(procedure, lead);
		long answer = articles.create(new ArticleContent("Faded " + word + " prints", "Shake the cartridge, then print again.",
				ArticleKind.SOLUTION, ArticleAudience.PUBLIC, category.getId(), List.of(), null), ArticleLanguage.EN, null, lead)
			.getId();
		articles.act(answer, ArticleAction.PUBLISH, null, lead);
		TicketId ticket = tickets.register(new NewTicket(TicketType.INCIDENT, "Faded " + word + " on every page",
				"The prints are pale.", null, Channel.PORTAL, category.getId(), Urgency.MEDIUM, null, List.of(), null),
				TestFixtures.current(requester)).id();
		tickets.assign(ticket, group.getId(), technician.getId(), null, TestFixtures.current(technician));

		browser.logIn(technician);
		browser.open("/agent/tickets/" + ticket.value());
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("diagnosis")));
		browser.clickAndAwaitAnswer(By.id("step-0"), ExpectedConditions.presenceOfElementLocated(By.id("step-by-0")));
		assertThat(browser.text("#diagnosis-progress")).isEqualTo("1 of 3 done");
		assertThat(browser.text("#step-by-0")).contains(technician.getFullName());
		assertThat(browser.text("#history")).as("the tick shows in the history without a reload")
			.contains("Diagnosis step ticked").contains("Check the power cable");

		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("relevant-" + answer)));
		WebElement reply = browser.find(By.id("reply-body"));
		reply.sendKeys("Hello, see: ");
		browser.scrollTo(browser.find(By.id("insert-link-" + answer)));
		browser.click(By.id("insert-link-" + answer));
		browser.waiting().until(driver -> reply.getAttribute("value").contains("/portal/knowledge/" + answer + ")"));
		assertThat(reply.getAttribute("value")).startsWith("Hello, see: ").contains("[Faded " + word + " prints](");
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.scrollTo(browser.find(By.id("ticket-articles")));
		browser.screenshot("self-service/agent-panel-checklist-desktop.png");
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).as("the ticket page with its panel fits a phone").isTrue();
		browser.scrollTo(browser.find(By.id("diagnosis")));
		browser.screenshot("self-service/agent-panel-checklist-phone.png");
		browser.resize(Browser.DESKTOP);
		browser.open("/agent/tickets/" + ticket.value());
		assertThat(browser.text("#history")).contains("Diagnosis step ticked").contains("Check the power cable");
	}

	/** Waits for the suggestion, typing a space again meanwhile: the index may see the article a moment after its commit. */
	private static void awaitSuggestion(long article, WebElement title) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (browser.driver().findElements(By.id("suggested-" + article)).isEmpty()) {
			assertThat(System.nanoTime()).as("a suggestion within 20 s").isLessThan(deadline);
			browser.waiting().until(driver -> browser.htmxIsIdle());
			try {
				Thread.sleep(700);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			if (browser.driver().findElements(By.id("suggested-" + article)).isEmpty()) {
				title.sendKeys(" ");
			}
		}
	}


}
