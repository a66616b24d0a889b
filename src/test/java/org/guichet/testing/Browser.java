package org.guichet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.guichet.directory.User;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium ({@link HeadlessChromium}) on one running Guichet, with the gestures the
 * browser tests share: log in, click as a person would, read a text, wait, take a screenshot
 * (into {@code target/screenshots}). Close it after the tests.
 */
public final class Browser implements AutoCloseable {

	/** The window sizes the pages are tried at. */
	public static final Dimension DESKTOP = new Dimension(1280, 900);

	public static final Dimension PHONE = new Dimension(390, 844);

	private final WebDriver driver = HeadlessChromium.start();

	private final WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

	private int port;

	/** The port of the Guichet the relative paths go to; tests call it before each test. */
	public Browser on(int serverPort) {
		this.port = serverPort;
		return this;
	}

	public WebDriver driver() {
		return driver;
	}

	public WebDriverWait waiting() {
		return wait;
	}

	/** Opens a path of Guichet, such as {@code /agent}. */
	public void open(String path) {
		driver.get(url(path));
	}

	public String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** Logs in on the login page with the fixtures' password, after forgetting any session. */
	public void logIn(User user) {
		driver.manage().deleteAllCookies();
		open("/login");
		driver.findElement(By.id("username")).sendKeys(user.getUsername());
		driver.findElement(By.id("password")).sendKeys(TestFixtures.PASSWORD, Keys.ENTER);
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/** Clicks like a person would, after scrolling the element into the middle of the window. */
	public void click(By locator) {
		WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
		script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

	public String text(String css) {
		return driver.findElement(By.cssSelector(css)).getText().strip();
	}

	public void waitForText(String css, String expected) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), expected));
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

	public void screenshot(String name) {
		try {
			Path directory = Files.createDirectories(Path.of("target/screenshots"));
			Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(file, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}

}
