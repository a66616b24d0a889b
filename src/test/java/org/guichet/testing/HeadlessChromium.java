package org.guichet.testing;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The headless Chromium of the browser tests ({@code *BrowserIT}), in English, in a window of
 * 1280 × 900 pixels, driven by the Debian {@code chromium} and {@code chromedriver}.
 * <p>
 * Each browser test class has a new browser, nothing kept from the class before (cookies, storage,
 * network conditions, CDP settings), but it does not wait for it: the next one is started, and the
 * last one quit, in the background while a class runs (a start and a quit took 2 to 4 seconds on
 * the shared build machine, some forty times a build). The one started for no class is quit when
 * the test JVM ends.
 */
public final class HeadlessChromium {

	private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "headless-chromium");
		thread.setDaemon(true);
		return thread;
	});

	private static Future<WebDriver> next;

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(HeadlessChromium::quitTheSpare, "headless-chromium-quit"));
	}

	private HeadlessChromium() {
	}

	/**
	 * A new browser, started before this call when a browser was asked for before (started again
	 * here if that start failed); the caller gives it back with {@link #quit}.
	 * @throws org.openqa.selenium.WebDriverException when Chromium could not be started
	 */
	public static synchronized WebDriver start() {
		Future<WebDriver> started = next != null ? next : BACKGROUND.submit(HeadlessChromium::launch);
		next = BACKGROUND.submit(HeadlessChromium::launch);
		try {
			return started.get();
		}
		catch (ExecutionException ex) {
			return launch();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting the headless Chromium", ex);
		}
	}

	/** Quits a browser {@link #start} gave, in the background (done before the test JVM ends). */
	public static void quit(WebDriver driver) {
		BACKGROUND.submit(driver::quit);
	}

	private static WebDriver launch() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		return new ChromeDriver(service, options);
	}

	private static void quitTheSpare() {
		Future<WebDriver> spare;
		synchronized (HeadlessChromium.class) {
			spare = next;
			next = null;
		}
		try {
			if (spare != null) {
				spare.get(60, TimeUnit.SECONDS).quit();
			}
			BACKGROUND.shutdown();
			BACKGROUND.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (Exception ignored) {
			// the JVM is going away: a browser that did not start has nothing to quit
		}
	}

}
