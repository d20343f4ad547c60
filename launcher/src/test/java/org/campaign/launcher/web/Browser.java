package org.campaign.launcher.web;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A headless Chromium driven by chromedriver — Debian's {@code chromium} and {@code chromium-driver} packages — with
 * a fresh profile under {@code target/}. Without them the tests fail with instructions instead of being skipped.
 * Waits are explicit (until a condition holds, up to a limit); screenshots go to {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("campaign.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("campaign.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Fails — never skips — when Chromium or chromedriver is missing, saying how to install them. */
    static void requireInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("The browser tests of the web app need Chromium and its driver at " + CHROMIUM
                    + " and " + CHROMEDRIVER + ". Install them with: apt-get install -y chromium chromium-driver"
                    + " (or name others with -Dcampaign.chromium=… -Dcampaign.chromedriver=…)");
        }
    }

    static Browser open(int width, int height) throws IOException {
        requireInstalled();
        Path profile = Path.of("target", "chrome-profiles", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--password-store=basic",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=zh-CN");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return new Browser(driver, profile);
    }

    static Browser open() throws IOException {
        return open(1440, 1000);
    }

    WebDriverWait waiting(Duration limit) {
        WebDriverWait wait = new WebDriverWait(driver, limit, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    <T> T until(ExpectedCondition<T> condition) {
        return waiting(WAIT).until(condition);
    }

    WebElement visible(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    WebElement testId(String id) {
        return visible("[data-testid='" + id + "']");
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(code, arguments);
    }

    /** Sets a date input as a person would, so that its input and change listeners run. */
    void setDate(String id, String isoDate) {
        script("const input = document.getElementById(arguments[0]); input.value = arguments[1];"
                + "input.dispatchEvent(new Event('input', { bubbles: true }));"
                + "input.dispatchEvent(new Event('change', { bubbles: true }));", id, isoDate);
    }

    /**
     * Opens the app and signs in through the real sign-in server's login form; waits until the app shows the
     * person's name.
     */
    void signIn(String appUrl, String username) {
        driver.get(appUrl + "/");
        testId("sign-in").click();
        WebElement name = until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        name.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        until(ExpectedConditions.urlContains(appUrl));
        until(driver -> !driver.findElement(By.cssSelector("[data-testid='user-name']")).getText().isBlank());
    }

    /** What the page wrote to the console since the last call (errors, Content-Security-Policy violations). */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    /** Saves what the browser shows now as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // the profile stays under target/ and goes with the next clean
        }
    }
}
