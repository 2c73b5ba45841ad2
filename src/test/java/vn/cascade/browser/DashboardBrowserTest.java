package vn.cascade.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.assignment.ReportStatus;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveService;
import vn.cascade.directive.DirectiveView;

/**
 * Issue 5's dashboards the way a manager and an agency officer see them, in a real (headless)
 * Chromium: {@code vp-ubnd} logs in on Cascade's login page, finds Công văn 8888/UBND-THNC on
 * {@code /dashboard} with the counts {@link DirectiveService#view} gives, opens it, sees one row
 * per assignment and every agency, and downloads the XLSX; then {@code so-yt}, in a browser of
 * its own, sees only Sở Y tế's rows.
 *
 * <p>Other tests share the demo data and may have reported some assignments of 8888 already, so
 * the expected counts are computed when the page is loaded, never written down here.
 */
class DashboardBrowserTest extends CascadeIntegrationTest {

  private static final String MANAGER = "vp-ubnd";
  private static final String AGENCY = "so-yt";
  private static final String PASSWORD = "demo";
  private static final String DIRECTIVE_NUMBER = "8888/UBND-THNC";
  private static final int ASSIGNMENTS = 48;
  private static final Set<Integer> AGENCY_ITEMS = Set.of(1, 8);
  private static final List<String> XLSX_HEADERS_START = List.of("STT", "Nhiệm vụ", "Cơ quan chủ trì",
      "Cơ quan phối hợp", "Hạn ban đầu (trước ngày)", "Hạn hiện hành (trước ngày)", "Tình trạng báo cáo");

  // Cascade's login page
  private static final By LOGIN_FORM = By.cssSelector("form[action$='/login']");
  private static final By USERNAME = By.id("username");
  private static final By PASSWORD_INPUT = By.id("password");
  private static final By LOGIN_ERROR = By.cssSelector("p.error");

  // The dashboards
  private static final By DIRECTIVE_ROW = By.cssSelector("table#directives tbody tr[data-number='" + DIRECTIVE_NUMBER + "']");
  private static final By ASSIGNMENT_ROWS = By.cssSelector("table#assignments tbody tr");
  private static final By XLSX_LINK = By.cssSelector("a[href$='/export.xlsx']");

  @Autowired DirectiveService directives;
  @Autowired AgencyDirectory agencyDirectory;

  private Browser browser;
  private WebDriver driver;
  private Path downloads;

  @BeforeEach
  void requireChromium() {
    // Here rather than in @BeforeAll, so that surefire reports the test as skipped, with the reason.
    Browser.requireInstalled();
  }

  @AfterEach
  void cleanUp() {
    closeBrowser();
    if (downloads != null) {
      try (Stream<Path> paths = Files.walk(downloads)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | RuntimeException e) {
        // A temporary directory left behind is harmless.
      }
    }
  }

  @Test
  void managerSeesEveryAgencyAndDownloadsAgencySeesOnlyItsOwn(TestInfo info) throws Exception {
    long directiveId = directives.all().stream().filter(d -> DIRECTIVE_NUMBER.equals(d.number()))
        .map(Directive::id).findFirst()
        .orElseThrow(() -> new AssertionError("Công văn " + DIRECTIVE_NUMBER + " (demo data) is missing"));
    String name = getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName();

    // 1. vp-ubnd, the UBND office: everything.
    openBrowser();
    try {
      logIn(MANAGER);

      // The list of directives: the row of 8888 with the counts of the service, at this moment.
      driver.get(baseUrl() + "/dashboard");
      WebElement row = waiting("the row of " + DIRECTIVE_NUMBER + " on /dashboard")
          .until(visibilityOfElementLocated(DIRECTIVE_ROW));
      DirectiveView view = directives.view(directiveId);
      assertThat(view.assignmentCount()).as("assignments of %s", DIRECTIVE_NUMBER).isEqualTo(ASSIGNMENTS);
      assertThat(view.assignments()).hasSize(ASSIGNMENTS);
      Map<ReportStatus, Integer> buckets = buckets(view.assignments());
      int reported = buckets.get(ReportStatus.COMPLETED_ON_TIME) + buckets.get(ReportStatus.COMPLETED_LATE);
      assertThat(reported).as("reported = completed on time + late").isEqualTo(view.reportedCount());
      assertThat(row.findElement(By.cssSelector(".progress-text")).getText())
          .isEqualTo(view.reportedCount() + "/" + view.assignmentCount() + " đã báo cáo");
      for (ReportStatus s : ReportStatus.values()) {
        assertThat(row.findElement(By.cssSelector("td[data-bucket='" + s.name() + "']")).getText().strip())
            .as("%s (%s) of %s on /dashboard", s, s.label(), DIRECTIVE_NUMBER)
            .isEqualTo(String.valueOf(buckets.get(s)));
      }
      long dueSoon = view.assignments().stream().filter(DirectiveView.AssignmentState::dueSoon).count();
      assertThat(row.findElement(By.cssSelector("td[data-bucket='DUE_SOON']")).getText().strip())
          .as("due soon of %s on /dashboard", DIRECTIVE_NUMBER).isEqualTo(String.valueOf(dueSoon));

      // The directive: one row per assignment, every agency.
      row.findElement(By.cssSelector("td.lead a")).click();
      waiting("the page of " + DIRECTIVE_NUMBER).until(d -> d.getCurrentUrl()
          .endsWith("/dashboard/directives/" + directiveId));
      List<WebElement> rows = waiting("the assignments of " + DIRECTIVE_NUMBER)
          .until(d -> d.findElements(ASSIGNMENT_ROWS).isEmpty() ? null : d.findElements(ASSIGNMENT_ROWS));
      view = directives.view(directiveId);
      assertThat(rows).as("one row per assignment").hasSize(view.assignments().size()).hasSize(ASSIGNMENTS);
      Set<String> shownCodes = rows.stream().map(r -> r.getDomAttribute("data-agency")).collect(Collectors.toSet());
      Set<String> shownNames = rows.stream().map(r -> r.findElement(By.cssSelector("td:nth-child(2) a")).getText().strip())
          .collect(Collectors.toSet());
      Set<String> expectedCodes = view.assignments().stream().map(DirectiveView.AssignmentState::agency)
          .collect(Collectors.toSet());
      assertThat(shownCodes).as("the agencies of the rows").containsExactlyInAnyOrderElementsOf(expectedCodes);
      assertThat(shownNames).as("the agency names of the rows")
          .containsAll(expectedCodes.stream().map(agencyDirectory::shortName).toList());
      Map<ReportStatus, Integer> pageBuckets = buckets(view.assignments());
      for (ReportStatus s : ReportStatus.values()) {
        assertThat(rows.stream().filter(r -> s.name().equals(r.getDomAttribute("data-bucket"))).count())
            .as("rows in %s", s).isEqualTo(pageBuckets.get(s).longValue());
        assertThat(driver.findElement(By.cssSelector(".legend .count[data-bucket='" + s.name() + "']")).getText())
            .as("the chart's %s", s).isEqualTo(String.valueOf(pageBuckets.get(s)));
      }

      // The XLSX, downloaded by Chromium itself.
      downloads = Files.createTempDirectory("cascade-downloads-");
      ((HasCdp) driver).executeCdpCommand("Browser.setDownloadBehavior",
          Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
      WebElement xlsxLink = driver.findElement(XLSX_LINK);
      assertThat(xlsxLink.getText()).isEqualTo("Tải bảng theo dõi (XLSX)");
      xlsxLink.click();
      Path xlsx = waiting(Duration.ofSeconds(30), "the XLSX in " + downloads).until(d -> downloaded(downloads));
      assertThat(xlsx.getFileName().toString()).as("the file name").endsWith(".xlsx").contains("8888-UBND-THNC");
      checkXlsx(xlsx, view.assignments().size());
    } catch (RuntimeException | Error e) {
      browser.saveArtifacts(name + "-" + MANAGER);
      throw e;
    }
    closeBrowser();

    // 2. so-yt, in a browser of its own: only Sở Y tế's rows.
    openBrowser();
    try {
      logIn(AGENCY);
      DirectiveView view = directives.view(directiveId);
      List<DirectiveView.AssignmentState> own = view.assignments().stream()
          .filter(a -> AGENCY.equals(a.agency())).toList();
      assertThat(own.stream().map(DirectiveView.AssignmentState::itemNumber).collect(Collectors.toSet()))
          .as("Sở Y tế's items in %s (demo data)", DIRECTIVE_NUMBER).isEqualTo(AGENCY_ITEMS);

      // On the list, 8888 counts Sở Y tế's assignments only.
      driver.get(baseUrl() + "/dashboard");
      WebElement row = waiting("the row of " + DIRECTIVE_NUMBER + " on /dashboard")
          .until(visibilityOfElementLocated(DIRECTIVE_ROW));
      long ownReported = own.stream().filter(a -> a.reportedAt() != null).count();
      assertThat(row.findElement(By.cssSelector(".progress-text")).getText())
          .isEqualTo(ownReported + "/" + own.size() + " đã báo cáo");

      driver.get(baseUrl() + "/dashboard/directives/" + directiveId);
      waiting("the assignments of " + DIRECTIVE_NUMBER).until(presenceOfElementLocated(ASSIGNMENT_ROWS));
      List<WebElement> rows = driver.findElements(ASSIGNMENT_ROWS);
      assertThat(rows.stream().map(r -> r.getDomAttribute("data-agency")).toList())
          .as("the agencies of the rows").containsOnly(AGENCY);
      assertThat(rows.stream().map(r -> Integer.valueOf(r.getDomAttribute("data-item"))).toList())
          .as("the items of the rows").containsExactlyInAnyOrderElementsOf(AGENCY_ITEMS);
      Agency soYt = agencyDirectory.get(AGENCY);
      List<String> leadNames = rows.stream()
          .map(r -> r.findElement(By.cssSelector("td:nth-child(2) a")).getText().strip()).toList();
      assertThat(leadNames).containsOnly(soYt.shortName());
      for (Agency other : agencyDirectory.all()) {
        if (other.code().equals(AGENCY)) {
          continue;
        }
        for (String otherName : new TreeSet<>(List.of(other.name(), other.shortName()))) {
          if (soYt.name().contains(otherName) || soYt.shortName().contains(otherName)) {
            continue;
          }
          assertThat(leadNames).as("the lead agencies of the rows").noneMatch(n -> n.contains(otherName));
        }
      }
      assertThat(driver.findElements(By.cssSelector("table#assignments a[href*='/dashboard/agencies/']")).stream()
          .map(a -> a.getDomAttribute("href")).toList())
          .as("links to agencies from the rows").allMatch(h -> h.endsWith("/dashboard/agencies/" + AGENCY));
    } catch (RuntimeException | Error e) {
      browser.saveArtifacts(name + "-" + AGENCY);
      throw e;
    }
  }

  // ---- Browser

  private void openBrowser() throws IOException {
    browser = Browser.start();
    driver = browser.driver();
  }

  private void closeBrowser() {
    if (browser != null) {
      try {
        browser.quit();
      } finally {
        browser = null;
        driver = null;
      }
    }
  }

  private org.openqa.selenium.support.ui.WebDriverWait waiting(String what) {
    return waiting(Browser.TIMEOUT, what);
  }

  private org.openqa.selenium.support.ui.WebDriverWait waiting(Duration timeout, String what) {
    var wait = browser.waiting(timeout);
    wait.withMessage(() -> what + "; the page (" + driver.getCurrentUrl() + ") says: " + pageText());
    return wait;
  }

  /** Cascade's own login page, in Vietnamese, reached by asking for the dashboard. Once: no retry. */
  private void logIn(String user) {
    driver.get(baseUrl() + "/dashboard");
    WebElement form = waiting("Cascade's login page").until(visibilityOfElementLocated(LOGIN_FORM));
    assertThat(driver.getCurrentUrl()).contains("/login");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Cascade — Đăng nhập");
    assertThat(driver.findElement(By.cssSelector("label[for='username']")).getText()).isEqualTo("Tên đăng nhập");
    assertThat(driver.findElement(By.cssSelector("label[for='password']")).getText()).isEqualTo("Mật khẩu");
    form.findElement(USERNAME).sendKeys(user);
    form.findElement(PASSWORD_INPUT).sendKeys(PASSWORD);
    WebElement submit = form.findElement(By.cssSelector("button[type='submit']"));
    assertThat(submit.getText()).isEqualTo("Đăng nhập");
    submit.click();
    waiting("past Cascade's login as " + user).until(d -> !d.getCurrentUrl().contains("/login"));
    assertThat(driver.findElements(LOGIN_ERROR)).as("Cascade's login error").isEmpty();
    assertThat(driver.getCurrentUrl()).as("back where the user was going").contains("/dashboard");
  }

  private String pageText() {
    try {
      String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
      return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    } catch (RuntimeException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** The one finished .xlsx in the directory, or null while Chromium is still writing it. */
  private static Path downloaded(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.toList();
      if (all.stream().anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"))) {
        return null;
      }
      List<Path> xlsx = all.stream().filter(p -> p.getFileName().toString().endsWith(".xlsx")).toList();
      return xlsx.size() == 1 && Files.size(xlsx.get(0)) > 0 ? xlsx.get(0) : null;
    } catch (IOException e) {
      return null;
    }
  }

  // ---- Expectations

  private static Map<ReportStatus, Integer> buckets(List<DirectiveView.AssignmentState> assignments) {
    Map<ReportStatus, Integer> counts = new EnumMap<>(ReportStatus.class);
    for (ReportStatus s : ReportStatus.values()) {
      counts.put(s, 0);
    }
    assignments.forEach(a -> counts.merge(a.status(), 1, Integer::sum));
    return counts;
  }

  /** The directive's sheet: Vietnamese headers, then one row per assignment. */
  private static void checkXlsx(Path file, int assignments) throws IOException {
    try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
      Sheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("Tình hình thực hiện");
      Row header = null;
      for (Row r : sheet) {
        Cell first = r.getCell(0);
        if (first != null && first.getCellType() == CellType.STRING && "STT".equals(first.getStringCellValue())) {
          header = r;
          break;
        }
      }
      assertThat(header).as("the header row (STT, Nhiệm vụ, …)").isNotNull();
      List<String> headers = new ArrayList<>();
      for (Cell c : header) {
        headers.add(c.getStringCellValue());
      }
      assertThat(headers).as("the header row").startsWith(XLSX_HEADERS_START.toArray(String[]::new))
          .contains("Ngày báo cáo", "Số lần nhắc hạn", "Số lần đôn đốc");
      Set<Integer> numbers = new TreeSet<>();
      int dataRows = 0;
      for (int i = header.getRowNum() + 1; i <= sheet.getLastRowNum(); i++) {
        Row r = sheet.getRow(i);
        if (r == null || r.getCell(0) == null || r.getCell(0).getCellType() != CellType.NUMERIC) {
          continue;
        }
        dataRows++;
        numbers.add((int) r.getCell(0).getNumericCellValue());
      }
      assertThat(dataRows).as("rows of the XLSX").isEqualTo(assignments);
      assertThat(numbers).as("STT").hasSize(assignments).first().isEqualTo(1);
    }
  }
}
