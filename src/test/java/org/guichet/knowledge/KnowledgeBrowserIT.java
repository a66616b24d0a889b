package org.guichet.knowledge;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.SupportGroup;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.AccessibilityCheck;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.text.XssCorpus;
import org.guichet.tickets.Channel;
import org.guichet.tickets.Impact;
import org.guichet.tickets.NewTicket;
import org.guichet.tickets.SolutionKind;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketAction;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketType;
import org.guichet.tickets.Transition;
import org.guichet.tickets.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base in Chromium: an agent writes an article from a resolved ticket and publishes
 * it, a requester reads it and answers, every page without a serious accessibility violation;
 * and the XSS corpus written in an article runs nothing for the agent nor the requester, with the
 * Content-Security-Policy switched off.
 */
@GuichetIntegrationTest
class KnowledgeBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser(Duration.ofSeconds(20));

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private Articles articles;

	@Test
	void anAgentWritesAnArticleFromAResolvedTicketPublishesItAndARequesterFindsItHelpful() {
		User technician = fixtures.user("kb-browser-tech", Role.TECHNICIAN);
		User requester = fixtures.user("kb-browser-requester", Role.REQUESTER);
		SupportGroup group = fixtures.group(SupportLevel.N1, technician);
		String title = "VPN drops every hour " + UUID.randomUUID().toString().substring(0, 6);
		Ticket ticket = resolved(title, "The VPN client disconnects every hour on the dot.",
				"Renew the client certificate: *Settings › Certificates › Renew*.", technician, requester, group);

		browser.logIn(technician);
		browser.open("/agent/tickets/" + ticket.getId());
		browser.click(By.id("write-article"));
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("article-form")));
		assertThat(browser.find(By.id("title")).getAttribute("value")).isEqualTo(title);
		assertThat(browser.find(By.id("body")).getAttribute("value")).contains("The VPN client disconnects")
			.contains("Renew the client certificate");
		assertThat(new Select(browser.find(By.id("kind"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("SOLUTION");
		assertThat(browser.find(By.id("from-ticket")).getText()).contains(String.valueOf(ticket.getId()));
		new Select(browser.find(By.id("audience"))).selectByValue("PUBLIC");
		browser.find(By.id("tags")).sendKeys("vpn, certificate");
		browser.click(By.id("body-preview-button"));
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#body-preview em")));
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("knowledge/form-from-ticket-desktop.png");
		browser.resize(Browser.PHONE);
		browser.screenshot("knowledge/form-from-ticket-phone.png");
		browser.resize(Browser.DESKTOP);

		browser.clickAndAwaitAnswer(By.id("save"), ExpectedConditions.presenceOfElementLocated(By.id("article-badges")));
		long id = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/agent/knowledge/(\\d+).*", "$1"));
		assertThat(browser.text("#article-tickets")).contains(ticket.getNumber());
		browser.clickAndAwaitAnswer(By.id("action-publish"), ExpectedConditions.presenceOfElementLocated(By.id("portal-link")));
		assertThat(browser.text("#article-badges")).contains("Published");
		assertThat(articles.get(id, TestFixtures.current(technician)).getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("knowledge/article-desktop.png");
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).as("the article page fits a phone").isTrue();
		browser.screenshot("knowledge/article-phone.png");
		browser.resize(Browser.DESKTOP);

		browser.open("/agent/tickets/" + ticket.getId());
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("ticket-article-" + id)));
		assertThat(browser.text("#ticket-articles")).contains(title);
		browser.scrollTo(browser.find(By.id("ticket-articles")));
		browser.screenshot("knowledge/ticket-panel-desktop.png");

		browser.open("/agent/knowledge/" + id + "/edit");
		browser.find(By.id("body")).sendKeys(" Then restart the client.");
		browser.clickAndAwaitAnswer(By.id("save"), ExpectedConditions.presenceOfElementLocated(By.id("article-badges")));
		browser.click(By.id("history-link"));
		browser.clickAndAwaitAnswer(By.id("compare"), ExpectedConditions.presenceOfElementLocated(By.id("diff-body")));
		assertThat(browser.text("#diff-body ins")).endsWith("Then restart the client.");
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("knowledge/diff-desktop.png");
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).as("the diff fits a phone").isTrue();
		browser.screenshot("knowledge/diff-phone.png");
		browser.resize(Browser.DESKTOP);
		browser.open("/agent/knowledge?mine=true");
		assertThat(browser.text("#articles")).contains(title);
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("knowledge/list-desktop.png");
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).as("the list fits a phone").isTrue();
		browser.screenshot("knowledge/list-phone.png");
		browser.resize(Browser.DESKTOP);

		browser.logIn(requester);
		browser.open("/portal/knowledge/" + id);
		assertThat(browser.text("h1")).isEqualTo(title);
		browser.click(By.id("helpful-yes"));
		browser.find(By.id("feedback-comment")).sendKeys("Fixed it in a minute.");
		browser.clickAndAwaitAnswer(By.id("send-feedback"), ExpectedConditions.presenceOfElementLocated(By.id("my-feedback")));
		assertThat(articles.feedbackSummary(id, TestFixtures.current(technician)).helpful()).isEqualTo(1);
		AccessibilityCheck.assertAccessible(browser.driver());
		browser.screenshot("knowledge/portal-article-desktop.png");
		browser.resize(Browser.PHONE);
		assertThat(browser.fitsTheWindow()).as("the requester's page fits a phone").isTrue();
		browser.screenshot("knowledge/portal-article-phone.png");
		browser.resize(Browser.DESKTOP);
	}

	@Test
	void theXssCorpusWrittenInAnArticleRunsNothingForTheAgentNorTheRequester() {
		((ChromeDriver) browser.driver()).executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
		User technician = fixtures.user("kb-corpus-tech", Role.TECHNICIAN);
		User requester = fixtures.user("kb-corpus-requester", Role.REQUESTER);
		CurrentUser writer = TestFixtures.current(technician);
		Article article = articles.create(ArticleContent.of("Corpus " + UUID.randomUUID().toString().substring(0, 6),
				String.join("\n\n", XssCorpus.payloads()), ArticleKind.FAQ, ArticleAudience.PUBLIC, null, List.of(), null),
				ArticleLanguage.EN, null, writer);
		articles.act(article.getId(), ArticleAction.PUBLISH, null, writer);

		for (String page : List.of("/agent/knowledge/" + article.getId(), "/agent/knowledge/" + article.getId() + "/versions/1")) {
			browser.logIn(technician);
			browser.open(page);
			assertNothingRan(browser.driver().getTitle(), article.getId());
		}
		browser.logIn(requester);
		browser.open("/portal/knowledge/" + article.getId());
		assertNothingRan(browser.driver().getTitle(), article.getId());
		browser.script("document.querySelectorAll('.rich-text *').forEach(e => ['mouseover', 'mouseenter', 'focus']"
				+ ".forEach(t => e.dispatchEvent(new Event(t))))");
		assertNothingRan(browser.driver().getTitle(), article.getId());
	}

	private static void assertNothingRan(String title, long articleId) {
		List<?> probe = (List<?>) browser.script("return [window.__xss === undefined, document.title, document.querySelectorAll("
				+ "['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'form', 'input', 'base', 'meta', 'link',"
				+ " '[style]', '[srcdoc]'].map(s => '.rich-text ' + s).join(', ')).length]");
		assertThat(probe.get(0)).as("window.__xss untouched").isEqualTo(true);
		assertThat(probe.get(1)).as("document.title untouched").isEqualTo(title);
		assertThat(probe.get(2)).as("no active element in the article").isEqualTo(0L);
		assertThat((Long) browser.script("return Array.from(document.querySelectorAll('main *')).filter(e => Array.from(e.attributes)"
				+ ".some(a => a.name.startsWith('on'))).length")).as("no event handler attribute").isZero();
		assertThat(browser.attributes(".rich-text img", "src"))
			.allSatisfy(src -> assertThat(src).startsWith(browser.url("/knowledge/articles/" + articleId + "/attachments/")));
	}

	private Ticket resolved(String title, String description, String solution, User technician, User requester,
			SupportGroup group) {
		CurrentUser agent = TestFixtures.current(technician);
		TicketId id = tickets.register(new NewTicket(TicketType.INCIDENT, title, description, null, Channel.PORTAL, null,
				Urgency.MEDIUM, Impact.LOW, List.of()), TestFixtures.current(requester)).id();
		tickets.assign(id, group.getId(), technician.getId(), null, agent);
		tickets.transition(id, Transition.of(TicketAction.TAKE), null, agent);
		tickets.transition(id, new Transition(TicketAction.RESOLVE, null, null, solution, SolutionKind.PERMANENT), null, agent);
		return tickets.get(id, agent);
	}

}
