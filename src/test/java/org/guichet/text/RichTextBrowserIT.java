package org.guichet.text;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.directory.User;
import org.guichet.testing.ApiClient;
import org.guichet.testing.ApiClient.Response;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.HeadlessChromium;
import org.guichet.testing.TestFixtures;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.junit.jupiter.api.AfterAll;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
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

	private static WebDriver browser;

	private static WebDriverWait wait;

	@LocalServerPort
	private int port;

	@Autowired
	private TestFixtures fixtures;

	@Autowired
	private TicketManagement tickets;

	@BeforeAll
	static void startBrowser() {
		browser = HeadlessChromium.start();
		// Only the sanitiser protects the page here: the site's CSP would block inline scripts.
		((ChromeDriver) browser).executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
		wait = new WebDriverWait(browser, Duration.ofSeconds(20));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void theXssCorpusPostedAsAReplyRunsNothingForTheAgentNorTheRequester() throws IOException {
		User requester = fixtures.user("corpus-requester", Role.REQUESTER);
		User technician = fixtures.user("corpus-technician", Role.TECHNICIAN);
		fixtures.group(SupportLevel.N1, technician);
		long id = newTicket(requester, "XSS corpus " + UUID.randomUUID().toString().substring(0, 8),
				String.join("\n\n", XssCorpus.payloads()));

		logIn(technician);
		browser.get(url("/agent/tickets/" + id));
		String title = browser.getTitle();
		setText("reply-body", String.join("\n\n", XssCorpus.payloads()));
		click(By.id("send-reply"));
		wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".timeline-list li"), 0));
		assertNothingRan(title);
		assertThat(browser.findElements(By.cssSelector(".rich-text a[href]"))).allSatisfy(link -> {
			assertThat(link.getAttribute("href")).matches("(https?|mailto):.*");
			assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer nofollow");
		});
		assertThat(browser.findElements(By.cssSelector(".rich-text img"))).allSatisfy(
				image -> assertThat(image.getAttribute("src")).startsWith(url("/tickets/" + id + "/attachments/")));
		screenshot("rich-text-corpus-agent.png");
		hoverEverything();
		assertNothingRan(title);

		logIn(requester);
		browser.get(url("/portal/tickets/" + id));
		String portalTitle = browser.getTitle();
		assertThat(browser.findElements(By.cssSelector(".timeline-list li"))).hasSize(1);
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

		logIn(technician);
		browser.get(url("/agent/tickets/" + id));
		String title = browser.getTitle();
		click(By.id("open-note"));
		browser.findElement(By.id("note-body"))
			.sendKeys("**Checked** the ~~cable~~ spooler:", Keys.ENTER, "- restarted", Keys.ENTER, Keys.ENTER,
					"![screen](/tickets/" + id + "/attachments/" + image + ") <img src=x onerror=window.__xss=1>");
		click(By.id("note-body-preview-button"));
		WebElement preview = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("note-body-preview")));
		wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(preview, By.tagName("strong")));
		assertThat(preview.findElement(By.tagName("strong")).getText()).isEqualTo("Checked");
		assertThat(preview.findElement(By.tagName("del")).getText()).isEqualTo("cable");
		assertThat(preview.findElement(By.tagName("li")).getText()).isEqualTo("restarted");
		assertThat(preview.getText()).contains("<img src=x onerror=window.__xss=1>");
		WebElement shown = preview.findElement(By.tagName("img"));
		wait.until(page -> (Boolean) js("return arguments[0].complete && arguments[0].naturalWidth > 0", shown));
		assertThat(browser.findElement(By.id("note-body-preview-button")).getAttribute("aria-expanded"))
			.isEqualTo("true");
		assertNothingRan(title);
		screenshot("rich-text-preview-desktop.png");

		browser.manage().window().setSize(new Dimension(390, 844));
		js("document.getElementById('note-body').scrollIntoView({block: 'start'})");
		screenshot("rich-text-preview-phone.png");
		browser.manage().window().setSize(new Dimension(1280, 900));

		click(By.id("note-body-preview-button"));
		assertThat(browser.findElement(By.id("note-body-preview")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("note-body")).getAttribute("value")).startsWith("**Checked**");

		click(By.cssSelector("a[data-image-preview] img.attachment-thumb"));
		WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attachment-dialog")));
		assertThat(dialog.findElement(By.id("attachment-dialog-title")).getText()).isEqualTo("screen.png");
		wait.until(page -> (Boolean) js(
				"var i = document.getElementById('attachment-dialog-image'); return i.complete && i.naturalWidth > 0"));
		screenshot("rich-text-attachment-dialog.png");
		click(By.id("attachment-dialog-close"));
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("attachment-dialog")));
	}

	private long newTicket(User requester, String title, String description) {
		Response created = ApiClient.bearer(port, fixtures.token(requester))
			.post("/api/v1/tickets",
					Map.of("type", "INCIDENT", "title", title, "description", description, "urgency", "MEDIUM"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private static void assertNothingRan(String title) {
		List<?> probe = (List<?>) js(PROBE);
		assertThat(probe.get(0)).as("window.__xss untouched").isEqualTo(true);
		assertThat(probe.get(1)).as("document.title untouched").isEqualTo(title);
		assertThat(probe.get(2)).as("no active element in a rendered text").isEqualTo(0L);
		assertThat((Long) js("return Array.from(document.querySelectorAll('main *')).filter(e => Array.from(e.attributes)"
				+ ".some(a => a.name.startsWith('on'))).length")).as("no event handler attribute").isZero();
	}

	/** Moves the pointer over every rendered element, for the payloads waiting for a mouse. */
	private static void hoverEverything() {
		js("document.querySelectorAll('.rich-text *').forEach(e => ['mouseover', 'mouseenter', 'focus']"
				+ ".forEach(t => e.dispatchEvent(new Event(t))))");
	}

	private static void setText(String id, String text) {
		js("document.getElementById(arguments[0]).value = arguments[1]", id, text);
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

	private void logIn(User user) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(user.getUsername());
		browser.findElement(By.id("password")).sendKeys(TestFixtures.PASSWORD, Keys.ENTER);
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private static void click(By locator) {
		WebElement element = browser.findElement(locator);
		js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

	private static Object js(String script, Object... arguments) {
		return ((JavascriptExecutor) browser).executeScript(script, arguments);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static void screenshot(String name) throws IOException {
		Path directory = Path.of("target/screenshots");
		Files.createDirectories(directory);
		Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(file, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
