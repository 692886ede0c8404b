package cn.parkflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests: Debian's {@code chromium} and {@code chromium-driver}
 * (.ci/run installs them; {@code CHROME_BIN} / {@code CHROMEDRIVER} point elsewhere). Screenshots go
 * to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    public static Browser open(String base) {
        String chrome = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
        String chromedriver = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!Files.isExecutable(Path.of(chrome)) || !Files.isExecutable(Path.of(chromedriver))) {
            throw new IllegalStateException("browser tests need " + chrome + " and " + chromedriver
                    + " (apt-get install chromium chromium-driver; .ci/run does this)");
        }
        try {
            Path profile = Files.createTempDirectory("parkflow-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chrome);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1400,1000", "--lang=zh-CN", "--user-data-dir=" + profile);
            // a Chinese browser: its preferred languages (navigator.languages, Accept-Language) are zh-CN, zh
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
            // the network events, so a test can read what the browser received for a navigation
            options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
            // a browser in China: Camunda's webapps show dates in the browser's time zone, which for the province's users is Beijing time
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(chromedriver).toFile())
                    .withEnvironment(Map.of("TZ", "Asia/Shanghai")).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, base, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(path.startsWith("http") ? path : base + path);
        return this;
    }

    public <T> T until(String what, Function<WebDriver, T> condition) {
        return until(what, Duration.ofSeconds(45), condition);
    }

    public <T> T until(String what, Duration timeout, Function<WebDriver, T> condition) {
        // a page that re-renders its table replaces the elements a condition was reading: look again
        return new WebDriverWait(driver, timeout).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    public WebElement visible(String css) {
        return until("visible: " + css, d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Scrolls the element to the middle of the window, then clicks it (Tasklist's fixed bars cover the edges). */
    public void click(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        try {
            element.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            script("arguments[0].click();", element); // still under a fixed bar: the same click, dispatched to the element
        }
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The responses the browser received since the last call (Chrome's Network.responseReceived events). */
    public List<JsonNode> responses() {
        List<JsonNode> out = new ArrayList<>();
        for (var entry : driver.manage().logs().get("performance")) {
            try {
                JsonNode message = Http.JSON.readTree(entry.getMessage()).path("message");
                if (message.path("method").asText().equals("Network.responseReceived")) {
                    out.add(message.path("params").path("response"));
                } else if (message.path("method").asText().equals("Network.requestWillBeSent")
                        && message.path("params").has("redirectResponse")) {
                    out.add(message.path("params").path("redirectResponse"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
