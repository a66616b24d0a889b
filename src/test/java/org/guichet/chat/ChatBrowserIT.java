package org.guichet.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.AccessibilityCheck;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.text.XssCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15's chat in two headless Chromium sessions, a requester's and an N1 agent's: the
 * requester starts the chat, the agent takes it from the queue, each sees the other's messages
 * arrive without a reload, the requester reloads in the middle and loses nothing, the agent turns
 * the conversation into a ticket and the requester follows its link. The messages carry the XSS
 * corpus, with the Content-Security-Policy switched off in both browsers: no alert opens, nothing
 * sets {@code window.__xss} or the title, and each text shows as it was typed.
 */
@GuichetIntegrationTest
class ChatBrowserIT {

	private static final String PROBE = "return [window.__xss === undefined, document.title,"
			+ " document.querySelectorAll('#chat-messages script, #chat-messages img, #chat-messages svg,"
			+ " #chat-messages iframe, #chat-messages [style]').length,"
			+ " Array.from(document.querySelectorAll('main *')).filter(e => Array.from(e.attributes)"
			+ ".some(a => a.name.startsWith('on'))).length]";

	@RegisterExtension
	static final Browser requesterBrowser = new Browser(Duration.ofSeconds(20));

	@RegisterExtension
	static final Browser agentBrowser = new Browser(Duration.ofSeconds(20));

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private Chats chats;

	@Autowired
	private ChatPresence presence;

	@BeforeAll
	static void bypassTheContentSecurityPolicy() {
		// Only the escaping protects the pages here: the site's CSP would block inline scripts.
		for (Browser browser : List.of(requesterBrowser, agentBrowser)) {
			((ChromeDriver) browser.driver()).executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
		}
	}

	@Test
	void aRequesterAndAnAgentChatLiveTheRequesterReloadsAndLosesNothingAndTheChatBecomesATicketWithTheXssCorpusInert() {
		User requester = fixtures.user("chat-browser-requester", Role.REQUESTER);
		User agent = fixtures.user("chat-browser-agent", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, agent);
		List<String> corpus = chunks(XssCorpus.payloads());

		agentBrowser.resize(Browser.DESKTOP);
		agentBrowser.logIn(agent);
		agentBrowser.open("/agent/chat");
		await().atMost(Duration.ofSeconds(20)).until(() -> chats.availability().available());

		requesterBrowser.resize(Browser.PHONE);
		requesterBrowser.logIn(requester);
		requesterBrowser.open("/portal/chat");
		assertThat(requesterBrowser.text("#chat-availability")).contains("Available");
		requesterBrowser.find(By.id("chat-start-text")).sendKeys("My screen stays black");
		requesterBrowser.clickAndAwaitAnswer(By.id("chat-start-button"),
				ExpectedConditions.visibilityOfElementLocated(By.id("chat-form")));
		long id = Long.parseLong(requesterBrowser.driver().getCurrentUrl().replaceAll(".*/portal/chat/(\\d+).*", "$1"));

		agentBrowser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("chat-take-" + id)));
		assertThat(agentBrowser.text("#chat-waiting-" + id)).contains("My screen stays black");
		agentBrowser.clickAndAwaitAnswer(By.id("chat-take-" + id),
				ExpectedConditions.visibilityOfElementLocated(By.id("chat-form")));
		requesterBrowser.waiting().until(Browser.textIn("#chat-state", "Chatting with " + agent.getFullName()));

		List<String> said = new ArrayList<>(List.of("My screen stays black"));
		send(agentBrowser, "Is it plugged in? " + corpus.get(0), said, requesterBrowser);
		send(requesterBrowser, "Yes. " + corpus.get(1), said, agentBrowser);

		requesterBrowser.reload();
		requesterBrowser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-form")));
		assertThat(shown(requesterBrowser)).as("a reload loses nothing").isEqualTo(said);
		for (int i = 2; i < corpus.size(); i++) {
			send(i % 2 == 0 ? agentBrowser : requesterBrowser, corpus.get(i), said,
					i % 2 == 0 ? requesterBrowser : agentBrowser);
		}
		send(requesterBrowser, "Still black after the reload", said, agentBrowser);
		assertNothingRan(requesterBrowser);
		assertNothingRan(agentBrowser);
		requesterBrowser.screenshot("chat/requester-conversation-phone.png");
		agentBrowser.screenshot("chat/agent-conversation-desktop.png");

		agentBrowser.find(By.id("chat-ticket-title")).clear();
		agentBrowser.find(By.id("chat-ticket-title")).sendKeys("Black screen");
		agentBrowser.clickAndAwaitAnswer(By.id("chat-to-ticket"),
				ExpectedConditions.visibilityOfElementLocated(By.id("chat-ticket")));
		requesterBrowser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chat-ticket a")));
		assertThat(shown(requesterBrowser)).isEqualTo(said);
		requesterBrowser.clickAndAwaitAnswer(By.cssSelector("#chat-ticket a"),
				ExpectedConditions.urlContains("/portal/tickets/"));
		assertThat(requesterBrowser.driver().getTitle()).contains("Black screen");
		assertThat(requesterBrowser.find(By.tagName("main")).getText()).contains("Still black after the reload");
		assertNothingRan(requesterBrowser);
	}

	@Test
	void aVisitorsRefusedStartFormMarksEachFieldInErrorDescribedByItsMessageWithTheFocusOnTheFirstOnADesktopAndAPhone() {
		User agent = fixtures.user("chat-browser-agent", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, agent);
		Browser visitor = requesterBrowser;
		presence.arrive(agent.getId());
		try {
			for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
				visitor.resize(size);
				visitor.open("/visit/chat");
				visitor.find(By.id("chat-visitor-email")).sendKeys("not an address");
				visitor.clickAndAwaitAnswer(By.id("chat-start-button"),
						ExpectedConditions.visibilityOfElementLocated(By.id("chat-visitor-name-error")));
				assertThat(visitor.script("return document.activeElement.id")).as("the first field in error")
					.isEqualTo("chat-visitor-name");
				for (String field : List.of("chat-visitor-name", "chat-visitor-email", "chat-start-text")) {
					assertThat(visitor.find(By.id(field)).getDomAttribute("aria-invalid")).as(field).isEqualTo("true");
					assertThat(visitor.find(By.id(field)).getDomAttribute("aria-describedby")).as(field)
						.isEqualTo(field + "-error");
				}
				assertThat(visitor.find(By.id("chat-visitor-email")).getDomProperty("value")).isEqualTo("not an address");
				assertThat(visitor.fitsTheWindow()).as("nothing to scroll sideways at " + size).isTrue();
				AccessibilityCheck.assertAccessible(visitor.driver());
				visitor.screenshot("chat/visitor-start-errors-" + size.getWidth() + "x" + size.getHeight() + ".png");
			}
		}
		finally {
			presence.leave(agent.getId());
		}
	}

	@Test
	void aMessageSentAfterThePagesSessionEndedStaysInTheFieldWithItsReasonInsteadOfBeingLost() {
		User agent = fixtures.user("chat-browser-agent", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, agent);
		User requester = fixtures.user("chat-browser-ended", Role.REQUESTER);
		presence.arrive(agent.getId());
		try {
			requesterBrowser.resize(Browser.PHONE);
			requesterBrowser.logIn(requester);
			requesterBrowser.open("/portal/chat");
			requesterBrowser.find(By.id("chat-start-text")).sendKeys("The printer jams");
			requesterBrowser.clickAndAwaitAnswer(By.id("chat-start-button"),
					ExpectedConditions.visibilityOfElementLocated(By.id("chat-form")));
			requesterBrowser.driver().manage().deleteAllCookies();

			requesterBrowser.find(By.id("chat-text")).sendKeys("It still jams\n");
			requesterBrowser.waiting().until(Browser.textIn("#chat-error", "session has ended"));
			assertThat(requesterBrowser.find(By.id("chat-text")).getDomProperty("value")).isEqualTo("It still jams");
			assertThat(requesterBrowser.find(By.id("chat-text")).getDomAttribute("aria-invalid")).isEqualTo("true");
			assertThat(shown(requesterBrowser)).as("nothing was sent").containsExactly("The printer jams");
		}
		finally {
			presence.leave(agent.getId());
		}
	}

	/**
	 * Types the text in the sender's field and sends it with Enter; waits until both pages show it
	 * as the last message, as written, without the receiver's page being reloaded.
	 */
	private static void send(Browser from, String text, List<String> said, Browser to) {
		to.script("window.__sameChatPage = true");
		from.find(By.id("chat-text")).sendKeys(text + "\n");
		said.add(text);
		for (Browser browser : List.of(from, to)) {
			browser.waiting().withMessage("the message shown: " + text).until(page -> shown(browser).equals(said));
		}
		assertThat(to.script("return window.__sameChatPage === true")).as("arrived live, without a reload").isEqualTo(true);
		assertThat(from.find(By.id("chat-text")).getAttribute("value")).isEmpty();
	}

	/** The texts of the messages the page shows, in order, as their text nodes hold them. */
	@SuppressWarnings("unchecked")
	private static List<String> shown(Browser browser) {
		return (List<String>) browser.script(
				"return Array.from(document.querySelectorAll('#chat-messages li p')).map(p => p.textContent)");
	}

	private static void assertNothingRan(Browser browser) {
		String title = browser.driver().getTitle();
		List<?> probe = (List<?>) browser.script(PROBE);
		assertThat(probe.get(0)).as("window.__xss untouched").isEqualTo(true);
		assertThat(title).as("document.title untouched").doesNotContain("XSS");
		assertThat(probe.get(2)).as("no element made of a message").isEqualTo(0L);
		assertThat(probe.get(3)).as("no event handler attribute").isEqualTo(0L);
	}

	/**
	 * The payloads on one line each (Enter sends), packed into messages of at most 1,500
	 * characters, so that the corpus takes a few messages, under the posting limit.
	 */
	private static List<String> chunks(List<String> payloads) {
		List<String> chunks = new ArrayList<>();
		StringBuilder chunk = new StringBuilder();
		for (String payload : payloads) {
			String line = payload.replaceAll("\\s+", " ").strip();
			if (chunk.length() + line.length() + 1 > 1500) {
				chunks.add(chunk.toString().strip());
				chunk.setLength(0);
			}
			chunk.append(line).append(' ');
		}
		chunks.add(chunk.toString().strip());
		while (chunks.size() < 2) {
			chunks.add("Nothing more");
		}
		return chunks;
	}

}
