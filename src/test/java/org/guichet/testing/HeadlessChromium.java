package org.guichet.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The headless Chromium of the browser tests ({@code *BrowserIT}), in English, in a window of
 * 1280 × 900 pixels, driven by the Debian {@code chromium} and {@code chromedriver}.
 * <p>
 * A test JVM starts a browser only when none is idle: one given back ({@link #giveBack}) goes to
 * the next class that asks, nothing kept from the class before but Chromium's caches (of files and
 * compiled scripts). Its tabs are closed for a new one, which takes with them what a tab holds
 * (its {@code sessionStorage}, its history, its CDP settings such as {@code Page.setBypassCSP} or
 * {@code Network.setExtraHTTPHeaders}); its cookies are deleted, its network conditions and its
 * window's size set back. A start and a quit took 2 to 4 seconds of CPU on the shared build
 * machine, some forty times a build. The idle browsers are quit when the test JVM ends.
 */
public final class HeadlessChromium {

	private static final Deque<ChromeDriver> IDLE = new ArrayDeque<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(HeadlessChromium::quitTheIdle, "headless-chromium-quit"));
	}

	private HeadlessChromium() {
	}

	/**
	 * A browser on a blank tab: an idle one still answering, or a new one; the caller gives it back
	 * with {@link #giveBack}.
	 * @throws org.openqa.selenium.WebDriverException when Chromium could not be started
	 */
	public static WebDriver start() {
		ChromeDriver idle;
		while ((idle = takeIdle()) != null) {
			try {
				idle.getWindowHandle();
				return idle;
			}
			catch (WebDriverException gone) {
				quitQuietly(idle);
			}
		}
		return launch();
	}

	private static synchronized ChromeDriver takeIdle() {
		return IDLE.poll();
	}

	/**
	 * Takes back a browser {@link #start} gave, for the next one who asks, once it is reset as
	 * said above; quits it when it cannot be (Chromium gone, a tab that does not close).
	 */
	public static void giveBack(WebDriver driver) {
		ChromeDriver chromium = (ChromeDriver) driver;
		try {
			reset(chromium);
		}
		catch (WebDriverException unusable) {
			quitQuietly(chromium);
			return;
		}
		synchronized (HeadlessChromium.class) {
			IDLE.push(chromium);
		}
	}

	private static void reset(ChromeDriver chromium) {
		chromium.switchTo().newWindow(WindowType.TAB);
		String blank = chromium.getWindowHandle();
		for (String tab : chromium.getWindowHandles()) {
			if (!tab.equals(blank)) {
				chromium.switchTo().window(tab).close();
			}
		}
		chromium.switchTo().window(blank);
		chromium.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		chromium.deleteNetworkConditions();
		chromium.manage().window().setSize(Browser.DESKTOP);
	}

	private static ChromeDriver launch() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=" + Browser.DESKTOP.getWidth() + "," + Browser.DESKTOP.getHeight(), "--lang=en");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		return new ChromeDriver(service, options);
	}

	private static void quitQuietly(ChromeDriver chromium) {
		try {
			chromium.quit();
		}
		catch (WebDriverException alreadyGone) {
			// nothing left to quit
		}
	}

	private static void quitTheIdle() {
		ChromeDriver idle;
		while ((idle = takeIdle()) != null) {
			quitQuietly(idle);
		}
	}

}
