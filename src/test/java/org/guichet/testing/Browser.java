package org.guichet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.guichet.directory.User;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A headless Chromium ({@link HeadlessChromium}) on one running Guichet, with the gestures the
 * browser tests share: log in, click as a person would, read a text, wait, take a screenshot
 * (into {@code target/screenshots}, when asked for: {@link #screenshot}). Close it after the tests.
 * <p>
 * After a gesture that makes the page answer (a form sent, a link followed, an htmx request), wait
 * with {@link #actAndAwaitAnswer} or {@link #clickAndAwaitAnswer}: a plain wait for an element, a
 * text or a count may be met by the page as it was before the gesture, and what is read next may
 * then be replaced under the reader.
 * <p>
 * With the system property {@value #LATENCY_PROPERTY} (milliseconds), every request of the browser
 * takes that much longer, as on a slow network: the way to bring out waits that race the page.
 * <p>
 * A browser test class holds one in a {@code @RegisterExtension static final} field: it takes a
 * browser when the class starts ({@link HeadlessChromium#start}), goes to the class's Spring Boot
 * test server before each test and gives the browser back after the class's last test. When a
 * test fails, the window is saved as {@code target/screenshots/failed/<class>.<test>.png} and its
 * address logged, to tell what the browser was showing.
 */
public final class Browser implements AutoCloseable, BeforeEachCallback, AfterAllCallback, TestWatcher {

	/** The window sizes the pages are tried at. */
	public static final Dimension DESKTOP = new Dimension(1280, 900);

	public static final Dimension PHONE = new Dimension(390, 844);

	/**
	 * How often a wait asks its condition again: Selenium's default, half a second, went by after
	 * most gestures of the browser tests, whose pages answer in a few tens of milliseconds; each
	 * asking is a round trip to the browser, hence not more often.
	 */
	private static final Duration POLLING = Duration.ofMillis(100);

	/** The system property that asks for the screenshots of {@link #screenshot} ({@code true}). */
	public static final String SCREENSHOTS_PROPERTY = "guichet.test.screenshots";

	private static final boolean SCREENSHOTS = Boolean.getBoolean(SCREENSHOTS_PROPERTY) || TestSweep.full();

	/** The system property giving the latency, in milliseconds, added to every request of the browser. */
	public static final String LATENCY_PROPERTY = "guichet.browser.latency-ms";

	private final WebDriver driver = HeadlessChromium.start();

	private final Duration timeout;

	private final WebDriverWait wait;

	private int port;

	/** A browser that waits up to 15 seconds for what it is told to wait for. */
	public Browser() {
		this(Duration.ofSeconds(15));
	}

	/** A browser that waits up to {@code timeout} for what it is told to wait for. */
	public Browser(Duration timeout) {
		this.timeout = timeout;
		this.wait = new WebDriverWait(driver, timeout, POLLING);
		String latency = System.getProperty(LATENCY_PROPERTY, "");
		if (!latency.isBlank()) {
			ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
			slow.setLatency(Duration.ofMillis(Long.parseLong(latency.strip())));
			((HasNetworkConditions) driver).setNetworkConditions(slow);
		}
	}

	public WebDriver driver() {
		return driver;
	}

	public WebDriverWait waiting() {
		return wait;
	}

	/** Opens a path of Guichet, such as {@code /agent}, as {@link #load} does. */
	public void open(String path) {
		load(url(path));
	}

	/**
	 * Loads an address and returns once the new page has loaded and its htmx requests of the load
	 * are answered. ChromeDriver's own wait sometimes returned while the document was still the one
	 * before, or still empty (two browser tests read no rows right after an open, with the rows on
	 * screen a moment later): the old document is marked, and the wait is for a complete document
	 * without the mark.
	 *
	 * @param address an absolute address that shows a page (a download would never count as loaded)
	 * @throws org.openqa.selenium.TimeoutException when no new page loaded within this browser's timeout
	 */
	public void load(String address) {
		awaitNewPage(() -> driver.get(address), address);
	}

	/** Loads the page shown again, as the browser's reload button does, as {@link #load} waits for it. */
	public void reload() {
		awaitNewPage(() -> driver.navigate().refresh(), "the page reloaded");
	}

	private void awaitNewPage(Runnable navigation, String what) {
		script("window.guichetLeft = true;");
		navigation.run();
		new WebDriverWait(driver, timeout, POLLING).ignoring(WebDriverException.class)
			.withMessage("a new page loaded: " + what)
			.until(page -> (Boolean) script("""
					return window.guichetLeft === undefined && document.readyState === 'complete'
					  && document.querySelector('.htmx-request') === null;"""));
	}

	public String url(String path) {
		return "http://localhost:" + port + path;
	}

	/**
	 * Logs in with the fixtures' password, after forgetting any session, without a page: the login
	 * form is sent over HTTP as the login page sends it ({@link WebSession#signedIn}), and the
	 * cookies it gives (the session's) are set in this browser. The window still shows what it
	 * showed: the next page opened is the person's. A login page and a landing page were a second
	 * of each test that logs in. To log in as a person does, for the tests of logging in and of
	 * the page it lands on, {@link #logInOnTheLoginPage}.
	 * @throws AssertionError when the login is refused
	 */
	public void logIn(User user) {
		WebSession session = signedIn(user);
		forgetSessions();
		for (HttpCookie cookie : session.cookies()) {
			((ChromeDriver) driver).executeCdpCommand("Network.setCookie",
					Map.of("url", url("/"), "name", cookie.getName(), "value", cookie.getValue(), "path",
							cookie.getPath() == null ? "/" : cookie.getPath(), "httpOnly", cookie.isHttpOnly()));
		}
	}

	private WebSession signedIn(User user) {
		try {
			return WebSession.signedIn(url(""), user);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while logging in", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("No answer to the login of " + user.getUsername(), ex);
		}
	}

	/** Deletes every cookie of the browser, whatever page it shows. */
	private void forgetSessions() {
		((ChromeDriver) driver).executeCdpCommand("Network.clearBrowserCookies", Map.of());
	}

	/**
	 * Logs in on the login page with the fixtures' password, after forgetting any session, and
	 * waits for the page it lands on.
	 */
	public void logInOnTheLoginPage(User user) {
		forgetSessions();
		open("/login");
		driver.findElement(By.id("username")).sendKeys(user.getUsername());
		driver.findElement(By.id("password")).sendKeys(TestFixtures.PASSWORD, Keys.ENTER);
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/** Clicks like a person would, after scrolling the element into the middle of the window. */
	public void click(By locator) {
		click(wait.until(ExpectedConditions.elementToBeClickable(locator)));
	}

	/**
	 * Clicks an element already found, after scrolling it into the middle of the window, and after
	 * clicking away a floating confirmation that covers it, as a person does (one stays ten seconds
	 * in the window's corner, over a form's button at the foot of a page). While something else
	 * covers it (a panel settling), waits up to this browser's timeout, then fails naming the cover.
	 */
	public void click(WebElement element) {
		scrollTo(element);
		new WebDriverWait(driver, timeout, POLLING)
			.withMessage(() -> "a click on " + describe(element) + ", covered by " + describe(coverOf(element)))
			.until(page -> {
				if (coverOf(element) instanceof WebElement cover
						&& (Boolean) script("return arguments[0].closest('#flash-region') !== null;", cover)) {
					cover.click();
				}
				try {
					element.click();
					return true;
				}
				catch (ElementClickInterceptedException coveredStill) {
					// something arrived over it (a panel settling, a confirmation fading in): a person waits
					return false;
				}
			});
	}

	/** What lies over the middle of the element, when something else does: null when nothing. */
	private @Nullable Object coverOf(WebElement element) {
		return script("""
				var box = arguments[0].getBoundingClientRect();
				var over = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
				if (!over || arguments[0].contains(over)) { return null; }
				var flash = over.closest('#flash-region .alert');
				return flash || over;""", element);
	}

	private static String describe(@Nullable Object element) {
		if (element instanceof WebElement found) {
			return "<" + found.getTagName() + " id=\"" + found.getAttribute("id") + "\" class=\""
					+ found.getAttribute("class") + "\">";
		}
		return "nothing";
	}

	/** Scrolls the element into the middle of the window, at once. */
	public void scrollTo(WebElement element) {
		script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
	}

	public WebElement find(By locator) {
		return driver.findElement(locator);
	}

	/**
	 * Does what makes the page answer, waits for that answer, then for what the answer must show.
	 * The answer is a new page fully loaded, or, on the same page, every htmx request started after
	 * this method was called finished, with its swap settled; before it comes, the condition is not
	 * even asked, so it can never be met by the page as it was before the action (an error summary, a
	 * text, a count already there). Once the answer came, the condition is asked until it gives
	 * neither {@code null} nor {@code false}, ignoring elements replaced while they are read.
	 * @param action a gesture that loads a page or sends at least one htmx request; one that does
	 * neither (a script of the page alone answering) never counts as answered: wait for its effect
	 * directly instead
	 * @param condition what the answered page must show, as for {@link WebDriverWait#until}
	 * @return the condition's first value that is neither {@code null} nor {@code false}
	 * @throws org.openqa.selenium.TimeoutException when no answer came, or the answer never met the
	 * condition, within this browser's timeout
	 */
	public <T> T actAndAwaitAnswer(Runnable action, Function<? super WebDriver, T> condition) {
		String mark = UUID.randomUUID().toString();
		script("""
				window.guichetAwaited = { mark: arguments[0], answers: 0 };
				if (!window.guichetAnswersCounted) {
				  window.guichetAnswersCounted = true;
				  document.addEventListener('htmx:beforeRequest', function (event) {
				    event.detail.xhr.guichetMark = window.guichetAwaited.mark;
				  });
				  document.addEventListener('htmx:afterRequest', function (event) {
				    if (event.detail.xhr && event.detail.xhr.guichetMark === window.guichetAwaited.mark) {
				      window.guichetAwaited.answers++;
				    }
				  });
				}""", mark);
		action.run();
		new WebDriverWait(driver, timeout, POLLING).ignoring(WebDriverException.class)
			.withMessage("an answer of the page to the action")
			.until(page -> (Boolean) script("""
					var awaited = window.guichetAwaited;
					var newPage = !awaited || awaited.mark !== arguments[0];
					return document.readyState === 'complete' && (newPage || awaited.answers > 0)
					  && document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling') === null;""", mark));
		return new WebDriverWait(driver, timeout, POLLING).ignoring(StaleElementReferenceException.class).until(condition);
	}

	/** {@link #actAndAwaitAnswer Clicks and awaits the answer}, then what it must show. */
	public <T> T clickAndAwaitAnswer(By locator, Function<? super WebDriver, T> condition) {
		return actAndAwaitAnswer(() -> click(locator), condition);
	}

	/** Whether no htmx request is running on the page. */
	public boolean htmxIsIdle() {
		return (Boolean) script("return document.querySelector('.htmx-request') === null;");
	}

	public String text(String css) {
		return driver.findElement(By.cssSelector(css)).getText().strip();
	}

	/**
	 * The text of every element matching {@code css} as it shows (its {@code innerText}, stripped),
	 * in the page's order, read in one go: a refresh of the page (such as the queue's, every 25
	 * seconds) cannot replace an element between finding it and reading it.
	 */
	@SuppressWarnings("unchecked")
	public List<String> texts(String css) {
		return (List<String>) script("""
				return Array.prototype.map.call(document.querySelectorAll(arguments[0]),
				  function (element) { return element.innerText.trim(); });""", css);
	}

	/**
	 * The value of an attribute of every element matching {@code css} ({@code null} for an element
	 * without it), in the page's order, read in one go as {@link #texts} does.
	 */
	@SuppressWarnings("unchecked")
	public List<String> attributes(String css, String attribute) {
		return (List<String>) script("""
				var name = arguments[1];
				return Array.prototype.map.call(document.querySelectorAll(arguments[0]),
				  function (element) { return element.getAttribute(name); });""", css, attribute);
	}

	/**
	 * What the server answers to the {@code href} of every element matching {@code css} when this
	 * browser follows it with its own cookies (as a person clicking a download does), one
	 * {@code "href -> status content-type"} line per element, in the page's order.
	 */
	@SuppressWarnings("unchecked")
	public List<String> answersToLinks(String css) {
		return (List<String>) ((JavascriptExecutor) driver).executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				var links = Array.prototype.map.call(document.querySelectorAll(arguments[0]),
				  function (element) { return element.getAttribute('href'); });
				Promise.all(links.map(function (href) {
				  return fetch(href, { credentials: 'same-origin', redirect: 'manual' }).then(function (r) {
				    return href + ' -> ' + r.status + ' ' + r.headers.get('Content-Type');
				  });
				})).then(done, function (error) { done(['failed: ' + error]); });""", css);
	}

	/** The condition that the first element matching {@code css} holds the text (a part of its text). */
	public static ExpectedCondition<Boolean> textIn(String css, String expected) {
		return ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), expected);
	}

	public Object script(String javascript, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
	}

	public void resize(Dimension size) {
		driver.manage().window().setSize(size);
	}

	/** Whether the page is no wider than the window (nothing to scroll sideways). */
	public boolean fitsTheWindow() {
		long pageWidth = (Long) script("return document.documentElement.scrollWidth;");
		long viewportWidth = (Long) script("return window.innerWidth;");
		return pageWidth <= viewportWidth;
	}

	/**
	 * Opens, one at a time, every drop-down menu the page shows (a {@code <details>} whose panel is
	 * positioned over the page, absolute or fixed), measures its panel and closes it again.
	 * @return one line per menu whose panel runs past the window's left or right edge (its id or
	 * its summary's, and the panel's edges); empty when every panel fits
	 */
	public List<String> menusOutsideTheWindow() {
		List<String> outside = new ArrayList<>();
		for (WebElement menu : driver.findElements(By.tagName("details"))) {
			boolean dropDown = (Boolean) script("var s = arguments[0].querySelector(':scope > summary');"
					+ " var p = arguments[0].querySelector(':scope > :not(summary)');"
					+ " return !!s && !!p && s.getClientRects().length > 0"
					+ " && ['absolute', 'fixed'].includes(getComputedStyle(p).position);", menu);
			if (!dropDown) {
				continue;
			}
			WebElement summary = menu.findElement(By.cssSelector(":scope > summary"));
			boolean wasOpen = menu.getAttribute("open") != null;
			if (!wasOpen) {
				click(summary);
			}
			// the menu's "toggle" event, which may place the panel, runs in a task after the click
			((JavascriptExecutor) driver).executeAsyncScript(
					"var done = arguments[arguments.length - 1]; requestAnimationFrame(function () { setTimeout(done, 0); });");
			@SuppressWarnings("unchecked")
			List<Number> edges = (List<Number>) script("var r = arguments[0].querySelector(':scope > :not(summary)')"
					+ ".getBoundingClientRect(); return [r.left, r.right, document.documentElement.clientWidth];", menu);
			if (edges.get(0).doubleValue() < 0 || edges.get(1).doubleValue() > edges.get(2).doubleValue()) {
				String name = menu.getAttribute("id") != null && !menu.getAttribute("id").isEmpty() ? menu.getAttribute("id")
						: summary.getAttribute("id") + " / " + summary.getText();
				outside.add("%s at %d px: panel from %.0f to %.0f".formatted(name, edges.get(2).intValue(),
						edges.get(0).doubleValue(), edges.get(1).doubleValue()));
			}
			if (!wasOpen) {
				click(summary);
			}
		}
		return outside;
	}

	/**
	 * Saves the window as {@code target/screenshots/name} (the name may hold a folder, such as
	 * {@code a11y/}) when screenshots are asked for ({@value #SCREENSHOTS_PROPERTY}{@code =true}, or
	 * the full sweep, {@code -Pfull}); does nothing otherwise. These screenshots are for people to
	 * look at, no test reads them: their PNG encoding in Chromium was CPU the everyday build spent
	 * for no verdict. What a failing test showed is saved always, by {@link #saveWindow}.
	 */
	public void screenshot(String name) {
		if (SCREENSHOTS) {
			saveWindow(name);
		}
	}

	/**
	 * Saves the window as {@code target/screenshots/name} whatever the build asked, to show what the
	 * browser showed when a check failed; the name may hold a folder, such as {@code failed/}.
	 */
	public void saveWindow(String name) {
		try {
			Path target = Path.of("target/screenshots").resolve(name);
			Files.createDirectories(target.getParent());
			Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		HeadlessChromium.giveBack(driver);
	}

	/** Goes to the port of the test's running server ({@code local.server.port}). */
	@Override
	public void beforeEach(ExtensionContext context) {
		Integer serverPort = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getProperty("local.server.port", Integer.class);
		if (serverPort == null) {
			throw new IllegalStateException("A browser test needs a server on a port: a @SpringBootTest with a web environment");
		}
		port = serverPort;
	}

	@Override
	public void testFailed(ExtensionContext context, @Nullable Throwable cause) {
		String name = "failed/" + context.getRequiredTestClass().getSimpleName() + "."
				+ context.getRequiredTestMethod().getName() + ".png";
		try {
			saveWindow(name);
			System.err.println("The browser showed " + driver.getCurrentUrl() + " (\"" + driver.getTitle()
					+ "\"), saved as target/screenshots/" + name);
		}
		catch (RuntimeException browserGone) {
			System.err.println("No screenshot of the failed test: " + browserGone.getMessage());
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

}
