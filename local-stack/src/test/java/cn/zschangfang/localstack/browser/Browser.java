package cn.zschangfang.localstack.browser;

import cn.zschangfang.localstack.StackConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's {@code chromium} driven headless through {@code chromium-driver}, as a phone (390×844, WeChat's user
 * agent, touch) or a 1920×1080 desktop. Tests call {@link #assumeAvailable()} first: without Chromium they skip,
 * saying so. Screenshots (whole page) go to {@code site/target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    /** What WeChat's built-in browser on Android sends (X5 core): pages must work there. */
    static final String WECHAT_USER_AGENT = "Mozilla/5.0 (Linux; Android 13; V2219A Build/TP1A.220624.014; wv) "
            + "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 "
            + "MMWEBSDK/20231202 MMWEBID/2308 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI "
            + "Language/zh_CN ABI/arm64";

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    private static final Path DRIVER =
            Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeOptions options, Path profile) {
        this.profile = profile;
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    /** Skips the calling test (class) where this machine has no Chromium, naming what is missing. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(
                available(),
                "browser tests skipped: no " + (Files.isExecutable(CHROMIUM) ? DRIVER : CHROMIUM)
                        + " (apt-get install chromium chromium-driver)");
    }

    /**
     * A phone: a 390×844 CSS-pixel viewport at device pixel ratio 2, touch, WeChat's user agent. Emulated through the
     * DevTools protocol with {@code mobile=false}: chromedriver's mobileEmulation (and {@code mobile=true}) scale the
     * headless viewport to 438 px and WebDriver's clicks then land beside their element (measured).
     */
    public static Browser phone() {
        ChromeOptions options = baseOptions();
        options.addArguments("--window-size=390,844", "--user-agent=" + WECHAT_USER_AGENT);
        Browser browser = start(options);
        browser.driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", false));
        browser.driver.executeCdpCommand(
                "Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        return browser;
    }

    /** A 1080p screen, with a desktop Chrome's user agent (HeadlessChrome counts as a bot for the view counter). */
    public static Browser desktop() {
        ChromeOptions options = baseOptions();
        options.addArguments(
                "--window-size=1920,1080",
                "--user-agent=Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/124.0.0.0 Safari/537.36");
        return start(options);
    }

    private static Browser start(ChromeOptions options) {
        try {
            Path profile = Files.createTempDirectory("chromium-profile-");
            options.addArguments("--user-data-dir=" + profile);
            return new Browser(options, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChromeOptions baseOptions() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // From /work/shared/platform-notes.md: without the networking flags Chromium floods a closed network.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--lang=zh-CN",
                "--hide-scrollbars");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        return options;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(100));
        // Live pages (the dashboard's feed) re-render an element between finding and reading it: look again.
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** How far the page is wider than its viewport, in CSS pixels (0 when nothing overflows sideways). */
    public long horizontalOverflow() {
        return ((Number) script("return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);"))
                .longValue();
    }

    /** Scrolls the element into the middle of the viewport (a phone's sticky dock must not cover it). */
    public WebElement scrollTo(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    /**
     * Two PNGs in {@code site/target/screenshots/}: {@code <name>.png} is the whole page (the phone's fixed bottom dock
     * hidden, or it would be painted over the middle of the page), {@code <name>-screen.png} the first screen as the
     * visitor sees it, dock included.
     */
    public Path screenshot(String name) {
        Path screen = screenshotDir().resolve(name + "-screen.png");
        write(screen, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        script("document.documentElement.classList.add('is-capturing');");
        try {
            return fullPage(name);
        } finally {
            script("document.documentElement.classList.remove('is-capturing');");
        }
    }

    private static void write(Path file, byte[] png) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Path fullPage(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), 12_000);
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path file = screenshotDir().resolve(name + ".png");
        write(file, Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }

    static Path screenshotDir() {
        return StackConfig.projectDirOfTests().resolve("site/target/screenshots");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // A temporary profile left behind is harmless.
            }
        }
    }
}
