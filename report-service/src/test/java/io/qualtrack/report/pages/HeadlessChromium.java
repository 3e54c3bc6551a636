package io.qualtrack.report.pages;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Debian's Chromium driven through Debian's chromedriver, both named explicitly so Selenium Manager
 * never looks for (or downloads) a browser or a driver. Without them the browser tests are skipped,
 * unless {@code QUALTRACK_REQUIRE_BROWSER=1} (CI), where that is a failure.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path downloads;

    private HeadlessChromium(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    static HeadlessChromium start() {
        Path chromium = Path.of(setting("qualtrack.chromium", "QUALTRACK_CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(setting("qualtrack.chromedriver", "QUALTRACK_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            String missing = "Chromium (" + chromium + ") or chromedriver (" + chromedriver + ") is not installed: "
                    + "apt-get install chromium chromium-driver";
            if ("1".equals(System.getenv("QUALTRACK_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(missing + " (QUALTRACK_REQUIRE_BROWSER=1, so the browser tests may not be skipped)");
            }
            Assumptions.abort("Browser tests skipped: " + missing);
        }
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            Path downloads = Files.createDirectories(Path.of("target", "browser-downloads")).toAbsolutePath();
            driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            // runs before any script of each page (and is itself exempt from the page's policy)
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                    window.policyViolations = [];
                    document.addEventListener('securitypolicyviolation',
                        e => window.policyViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')));
                    """));
            Files.createDirectories(SCREENSHOTS);
            return new HeadlessChromium(driver, downloads);
        } catch (IOException e) {
            driver.quit();
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    Path downloads() {
        return downloads;
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** What the Content-Security-Policy refused on the page open now. */
    java.util.List<String> policyViolations() {
        return ((java.util.List<?>) script("return window.policyViolations || []")).stream().map(String::valueOf).toList();
    }

    /** Renders as a phone of this size would (a mobile viewport), until {@link #desktop()}. */
    void phone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** The whole page, beyond the window, as a PNG under target/screenshots. */
    Path screenshot(String name) {
        long width = ((Number) script("return document.documentElement.scrollWidth")).longValue();
        long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
