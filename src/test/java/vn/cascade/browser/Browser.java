package vn.cascade.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through Debian's chromedriver: no driver download, no
 * Selenium Manager. One instance per test, with a profile of its own.
 */
final class Browser {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path ARTIFACTS = Path.of("target", "browser");
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final WebDriver driver;
  private final Path profile;

  private Browser(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Skips the calling test when Chromium or chromedriver is not installed; on CI (CI=true) that
   * is a failure instead, so that a missing browser cannot pass unnoticed.
   */
  static void requireInstalled() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(CHROMIUM)) {
      missing.add(CHROMIUM + " (Debian package chromium)");
    }
    if (!Files.isExecutable(CHROMEDRIVER)) {
      missing.add(CHROMEDRIVER + " (Debian package chromium-driver)");
    }
    if (missing.isEmpty()) {
      return;
    }
    String message = "The browser test needs Chromium and chromedriver; missing: " + String.join(", ", missing)
        + ". Install them with `apt-get install chromium chromium-driver`.";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.assumeTrue(false, message);
  }

  static Browser start() throws IOException {
    Path profile = Files.createTempDirectory("cascade-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        "--lang=vi",
        "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi-VN,vi"));
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        // The users are in Đồng Nai: Tasklist shows due dates in the browser's time zone.
        .withEnvironment(Map.of("TZ", "Asia/Ho_Chi_Minh"))
        .build();
    try {
      return new Browser(new ChromeDriver(service, options), profile);
    } catch (RuntimeException e) {
      service.stop();
      deleteQuietly(profile);
      throw e;
    }
  }

  WebDriver driver() {
    return driver;
  }

  WebDriverWait waiting() {
    return waiting(TIMEOUT);
  }

  WebDriverWait waiting(Duration timeout) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(200));
  }

  /** Screenshot, page source and browser console under target/browser/, to see why a test failed. */
  void saveArtifacts(String name) {
    String base = name.replaceAll("[^A-Za-z0-9._-]", "_");
    try {
      Files.createDirectories(ARTIFACTS);
    } catch (IOException e) {
      System.err.println("Cannot create " + ARTIFACTS.toAbsolutePath() + ": " + e);
      return;
    }
    try {
      Path png = ARTIFACTS.resolve(base + ".png");
      Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      System.err.println("Browser screenshot: " + png.toAbsolutePath());
    } catch (Exception e) {
      System.err.println("No screenshot: " + e);
    }
    try {
      Path html = ARTIFACTS.resolve(base + ".html");
      Files.writeString(html, "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(),
          StandardCharsets.UTF_8);
      System.err.println("Browser page source: " + html.toAbsolutePath());
    } catch (Exception e) {
      System.err.println("No page source: " + e);
    }
    try {
      String console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
          .map(LogEntry::toString).collect(Collectors.joining("\n"));
      Files.writeString(ARTIFACTS.resolve(base + ".console.log"), console, StandardCharsets.UTF_8);
    } catch (Exception e) {
      System.err.println("No browser console: " + e);
    }
  }

  /** Quits Chromium and chromedriver and removes the profile. */
  void quit() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // A temporary profile left behind is harmless.
    }
  }
}
