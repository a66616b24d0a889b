package org.guichet.text;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.ApiClient;
import org.guichet.testing.Browser;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The XSS corpus posted as a reply through the agent's page, read back by the agent and the
 * requester in a real browser whose Content-Security-Policy is switched off, so that only the
 * sanitiser stands between a payload and its execution; and the Markdown preview, images and
 * attachment previews as people use them.
 */
@GuichetIntegrationTest
class RichTextBrowserIT {

	private static final String PROBE = "return [window.__xss === undefined, document.title, document.querySelectorAll("
			+ "['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'form', 'input', 'base', 'meta', 'link',"
			+ " '[style]', '[srcdoc]'].map(s => '.rich-text ' + s).join(', ')).length]";

	@RegisterExtension
	static final Browser browser = new Browser(Duration.ofSeconds(20));

	@LocalServerPort
	private int port;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@Autowired
	private UserRepository users;

	@BeforeAll
	static void bypassTheContentSecurityPolicy() {
		// Only the sanitiser protects the page here: the site's CSP would block inline scripts.
		((ChromeDriver) browser.driver()).executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
	}

	@Test
	void theXssCorpusPostedAsAReplyRunsNothingForTheAgentNorTheRequester() throws IOException {
		User requester = fixtures.user("corpus-requester", Role.REQUESTER);
		User technician = fixtures.user("corpus-technician", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technician);
		long id = newTicket(requester, "XSS corpus " + UUID.randomUUID().toString().substring(0, 8),
				String.join("\n\n", XssCorpus.payloads()));

		// a colleague whose name is a payload: a mention shows it, as text only
		User colleague = fixtures.user("corpus-colleague", Role.TECHNICIAN);
		colleague.setFullName("<img src=x onerror=\"window.__xss=1\">");
		users.save(colleague);

		browser.logIn(technician);
		browser.open("/agent/tickets/" + id);
		String title = browser.driver().getTitle();
		setText("reply-body", String.join("\n\n", XssCorpus.payloads()) + "\n\nOver to @" + colleague.getUsername());
		browser.clickAndAwaitAnswer(By.id("send-reply"),
				ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".timeline-list li"), 0));
		assertNothingRan(title);
		assertThat(browser.driver().findElements(By.cssSelector(".rich-text a[href]"))).allSatisfy(link -> {
			assertThat(link.getAttribute("href")).matches("(https?|mailto):.*");
			assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer nofollow");
		});
		assertThat(browser.driver().findElements(By.cssSelector(".rich-text img"))).allSatisfy(
				image -> assertThat(image.getAttribute("src")).startsWith(browser.url("/tickets/" + id + "/attachments/")));
		assertThat(browser.driver().findElements(By.cssSelector(".rich-text span.mention"))).singleElement()
			.satisfies(mention -> {
				assertThat(mention.getAttribute("title")).isEqualTo(colleague.getFullName());
				assertThat(mention.getAttribute("textContent"))
					.isEqualTo("@" + colleague.getUsername() + " (" + colleague.getFullName() + ")");
				assertThat(mention.findElement(By.cssSelector(".visually-hidden")).getRect().getWidth())
					.as("the name is for screen readers: the eye has the title").isLessThanOrEqualTo(1);
			});
		browser.screenshot("rich-text-corpus-agent.png");
		browser.scrollTo(browser.find(By.cssSelector(".rich-text span.mention")));
		browser.screenshot("rich-text-mention.png");
		hoverEverything();
		assertNothingRan(title);

		browser.logIn(requester);
		browser.open("/portal/tickets/" + id);
		String portalTitle = browser.driver().getTitle();
		assertThat(browser.driver().findElements(By.cssSelector(".timeline-list li"))).hasSize(1);
		assertNothingRan(portalTitle);
		hoverEverything();
		assertNothingRan(portalTitle);
	}

	@Test
	void thePreviewShowsTheTextAsItWillBeShownAndRunsNothing() throws IOException {
		User requester = fixtures.user("preview-requester", Role.REQUESTER);
		User technician = fixtures.user("preview-technician", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technician);
		long id = newTicket(requester, "Preview " + UUID.randomUUID().toString().substring(0, 8), "Plain text.");
		long image = tickets.attach(new TicketId(id), "screen.png", "image/png", png(), false,
				TestFixtures.current(technician)).getId();

		browser.logIn(technician);
		browser.open("/agent/tickets/" + id);
		String title = browser.driver().getTitle();
		browser.click(By.id("open-note"));
		browser.find(By.id("note-body"))
			.sendKeys("**Checked** the ~~cable~~ spooler:", Keys.ENTER, "- restarted", Keys.ENTER, Keys.ENTER,
					"![screen](/tickets/" + id + "/attachments/" + image + ") <img src=x onerror=window.__xss=1>");
		browser.click(By.id("note-body-preview-button"));
		WebElement preview = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("note-body-preview")));
		browser.waiting().until(ExpectedConditions.presenceOfNestedElementLocatedBy(preview, By.tagName("strong")));
		assertThat(preview.findElement(By.tagName("strong")).getText()).isEqualTo("Checked");
		assertThat(preview.findElement(By.tagName("del")).getText()).isEqualTo("cable");
		assertThat(preview.findElement(By.tagName("li")).getText()).isEqualTo("restarted");
		assertThat(preview.getText()).contains("<img src=x onerror=window.__xss=1>");
		WebElement shown = preview.findElement(By.tagName("img"));
		browser.waiting().until(page -> (Boolean) browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0", shown));
		assertThat(browser.find(By.id("note-body-preview-button")).getAttribute("aria-expanded"))
			.isEqualTo("true");
		assertNothingRan(title);
		browser.screenshot("rich-text-preview-desktop.png");

		browser.resize(Browser.PHONE);
		browser.script("document.getElementById('note-body').scrollIntoView({block: 'start'})");
		browser.screenshot("rich-text-preview-phone.png");
		browser.resize(Browser.DESKTOP);

		browser.click(By.id("note-body-preview-button"));
		assertThat(browser.find(By.id("note-body-preview")).isDisplayed()).isFalse();
		assertThat(browser.find(By.id("note-body")).getAttribute("value")).startsWith("**Checked**");

		browser.click(By.cssSelector("a[data-image-preview] img.attachment-thumb"));
		WebElement dialog = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("attachment-dialog")));
		assertThat(dialog.findElement(By.id("attachment-dialog-title")).getText()).isEqualTo("screen.png");
		browser.waiting().until(page -> (Boolean) browser.script(
				"var i = document.getElementById('attachment-dialog-image'); return i.complete && i.naturalWidth > 0"));
		browser.screenshot("rich-text-attachment-dialog.png");
		browser.click(By.id("attachment-dialog-close"));
		browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("attachment-dialog")));
	}

	private long newTicket(User requester, String title, String description) {
		Response created = ApiClient.bearer(port, fixtures.token(requester))
			.post("/api/v1/tickets",
					Map.of("type", "INCIDENT", "title", title, "description", description, "urgency", "MEDIUM"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private static void assertNothingRan(String title) {
		List<?> probe = (List<?>) browser.script(PROBE);
		assertThat(probe.get(0)).as("window.__xss untouched").isEqualTo(true);
		assertThat(probe.get(1)).as("document.title untouched").isEqualTo(title);
		assertThat(probe.get(2)).as("no active element in a rendered text").isEqualTo(0L);
		assertThat((Long) browser.script("return Array.from(document.querySelectorAll('main *')).filter(e => Array.from(e.attributes)"
				+ ".some(a => a.name.startsWith('on'))).length")).as("no event handler attribute").isZero();
	}

	/** Moves the pointer over every rendered element, for the payloads waiting for a mouse. */
	private static void hoverEverything() {
		browser.script("document.querySelectorAll('.rich-text *').forEach(e => ['mouseover', 'mouseenter', 'focus']"
				+ ".forEach(t => e.dispatchEvent(new Event(t))))");
	}

	private static void setText(String id, String text) {
		browser.script("document.getElementById(arguments[0]).value = arguments[1]", id, text);
	}

	private static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(0x1e7b34));
		graphics.fillRect(0, 0, 120, 80);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
