package vn.cascade.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.TestDocuments;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveProcess;
import vn.cascade.directive.DirectiveService;
import vn.cascade.summary.SummaryDocument;
import vn.cascade.summary.SummaryDocuments;

/**
 * The collection step the way Sở KH&ĐT and the leader go through it, in a real (headless)
 * Chromium: {@code so-khdt} opens its *Tổng hợp báo cáo* task in Tasklist, follows the form's link
 * to the workspace, makes the draft (*Tạo dự thảo*, downloaded by Chromium), uploads the file it
 * edited, goes back to the task by the page's link and completes it; {@code lanh-dao-ubnd}, in a
 * browser of its own, sees that document in its approval task and approves it.
 *
 * <p>The directive is a small one of its own, brought to the collection step on the server side
 * (reports accepted, the deadline's timer fired), so that the browser does only the collector's and
 * the leader's part.
 */
class CollectionBrowserTest extends CascadeIntegrationTest {

  private static final String COLLECTOR = "so-khdt";
  private static final String LEADER = "lanh-dao-ubnd";
  private static final String PASSWORD = "demo";
  private static final String FILTER_NAME = "Nhiệm vụ của đơn vị";
  private static final String EDITED_NAME = "Báo cáo tổng hợp (đã sửa).docx";
  private static final String ADDITION = "Sở Kế hoạch và Đầu tư đề xuất Thường trực UBND tỉnh chỉ đạo bổ sung vốn.";
  private static final String SUMMARY_NUMBER = "215/BC-SKHĐT";

  private static final By WORKSPACE_LINK = By.xpath("//div[@cam-tasklist-task]//form[contains(@class, 'fjs-form')]"
      + "//a[normalize-space(.) = 'Mở hồ sơ tổng hợp báo cáo']");
  private static final By CASCADE_LOGIN_FORM = By.cssSelector("form[action$='/login']");
  private static final By DRAFT_LINK = By.id("draft-link");
  private static final By UPLOAD_INPUT = By.cssSelector("#upload-form input[type='file']");
  private static final By UPLOAD_BUTTON = By.cssSelector("#upload-form button[type='submit']");
  private static final By UPLOAD_SAVED = By.id("upload-saved");
  private static final By TASK_LINK = By.id("task-link");

  /** Set to a path to keep a screenshot of the workspace (the README's docs/workspace.png). */
  private static final String SCREENSHOT = System.getProperty("cascade.workspace-screenshot");

  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired SummaryDocuments documents;

  private Browser browser;
  private WebDriver driver;
  private TasklistPage tasklist;
  private Path files;

  @BeforeEach
  void requireChromium() {
    Browser.requireInstalled();
  }

  @AfterEach
  void cleanUp() {
    closeBrowser();
    if (files != null) {
      try (Stream<Path> paths = Files.walk(files)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | RuntimeException e) {
        // A temporary directory left behind is harmless.
      }
    }
  }

  @Test
  void theCollectorDraftsUploadsAndCompletesAndTheLeaderApprovesThatDocument() throws Exception {
    Directive d = atTheCollectionStep();
    Task collect = taskOf(d.processInstanceId(), DirectiveProcess.TASK_COLLECT_REPORTS);
    String collectName = "Tổng hợp báo cáo — " + d.number();
    assertThat(collect.getName()).isEqualTo(collectName);
    files = Files.createTempDirectory("cascade-collection-");
    Path downloads = Files.createDirectories(files.resolve("downloads"));

    as(COLLECTOR, "1-collector", () -> {
      tasklist.openFilter(FILTER_NAME);
      tasklist.openTask(collectName, collect.getId());
      tasklist.claimIfNeeded();
      assertThat(tasklist.formText()).contains("Chưa có văn bản báo cáo tổng hợp");

      // The workspace opens beside Tasklist, with no second login.
      String tasklistWindow = driver.getWindowHandle();
      WebElement link = tasklist.waitFor("the link to the workspace").until(elementToBeClickable(WORKSPACE_LINK));
      assertThat(link.getDomAttribute("href")).endsWith("/dashboard/directives/" + d.id() + "/workspace");
      tasklist.scrollToCenter(link);
      link.click();
      tasklist.waitFor("the workspace's tab").until(w -> w.getWindowHandles().size() == 2);
      driver.switchTo().window(driver.getWindowHandles().stream().filter(h -> !h.equals(tasklistWindow))
          .findFirst().orElseThrow());
      tasklist.waitFor(() -> "the workspace; the page says: " + tasklist.pageText())
          .until(w -> !w.findElements(CASCADE_LOGIN_FORM).isEmpty() || !w.findElements(DRAFT_LINK).isEmpty());
      assertThat(driver.findElements(CASCADE_LOGIN_FORM)).as("one login for Tasklist and the workspace").isEmpty();
      assertThat(tasklist.pageText()).contains("Hồ sơ tổng hợp báo cáo", d.number());
      assertThat(driver.findElement(By.id("late-arrivals")).getText()).contains("Công an tỉnh",
          "đến sau khi mở tổng hợp");

      // Tạo dự thảo: Chromium downloads the DOCX.
      ((HasCdp) driver).executeCdpCommand("Browser.setDownloadBehavior",
          Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
      driver.findElement(DRAFT_LINK).click();
      Path draft = browser.waiting(Duration.ofSeconds(30)).withMessage("the draft in " + downloads)
          .until(w -> downloaded(downloads));
      assertThat(draft.getFileName().toString()).startsWith("Báo cáo tổng hợp").endsWith(".docx");
      byte[] draftBytes = Files.readAllBytes(draft);
      assertThat(textOf(draftBytes)).contains("BÁO CÁO", "Tổng hợp kết quả thực hiện Công văn số " + d.number(),
          "Đã tiêm 12.000 liều.", "Báo cáo muộn của Công an tỉnh.", "đến sau khi mở tổng hợp", "UBND TP Long Khánh");

      // Edited in Word (here: a paragraph added), uploaded as version 1.
      Path edited = files.resolve(EDITED_NAME);
      Files.write(edited, edited(draftBytes));
      driver.findElement(UPLOAD_INPUT).sendKeys(edited.toAbsolutePath().toString());
      tasklist.waitFor("the upload button").until(elementToBeClickable(UPLOAD_BUTTON)).click();
      WebElement saved = tasklist.waitFor(() -> "the upload saved; the page says: " + tasklist.pageText())
          .until(visibilityOfElementLocated(UPLOAD_SAVED));
      assertThat(saved.getText()).isEqualTo("Đã lưu phiên bản 1.");
      assertThat(driver.findElement(By.cssSelector("#documents tr[data-version='1']")).getText()).contains(EDITED_NAME);
      if (SCREENSHOT != null) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        Files.write(Path.of(SCREENSHOT), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      }

      // Back to the task by the page's link: the form shows version 1; the collector completes.
      driver.findElement(TASK_LINK).click();
      tasklist.waitFor("the collection task again").until(w -> w.getCurrentUrl().contains("task=" + collect.getId()));
      tasklist.waitFor(() -> "the form with version 1; it says: " + tasklist.pageText())
          .until(w -> tasklist.formText().contains("phiên bản 1"));
      assertThat(tasklist.formText()).contains(EDITED_NAME).doesNotContain("Chưa có văn bản báo cáo tổng hợp");
      tasklist.claimIfNeeded();
      tasklist.type("Field_SummaryNumber", SUMMARY_NUMBER);
      tasklist.complete(collect.getId());
    });

    Task approve = taskOf(d.processInstanceId(), DirectiveProcess.TASK_APPROVE_SUMMARY);
    assertThat(approve).as("the leader's approval task").isNotNull();
    String approveName = "Phê duyệt báo cáo tổng hợp — " + d.number();
    as(LEADER, "2-leader", () -> {
      tasklist.openFilter(FILTER_NAME);
      tasklist.openTask(approveName, approve.getId());
      tasklist.claimIfNeeded();
      assertThat(tasklist.formText()).contains(EDITED_NAME, "phiên bản 1", SUMMARY_NUMBER);
      assertThat(driver.findElements(By.cssSelector("[cam-tasklist-task] form.fjs-form a[href$='/dashboard/directives/"
          + d.id() + "/summary-documents/1']"))).as("the link to the document").hasSize(1);
      tasklist.choose("Field_SummaryDecision", "Phê duyệt báo cáo tổng hợp");
      tasklist.type("Field_SummaryComment", "Đồng ý.");
      tasklist.complete(approve.getId());
    });
    executeAsyncJobs();

    SummaryDocument approved = documents.approved(d.id()).orElseThrow();
    assertThat(approved.version()).isEqualTo(1);
    assertThat(approved.fileName()).isEqualTo(EDITED_NAME);
    assertThat(approved.decidedBy()).isEqualTo(LEADER);
    assertThat(textOf(documents.content(d.id(), 1))).contains(ADDITION);
    assertThat(directives.get(d.id()).summaryNumber()).isEqualTo(SUMMARY_NUMBER);
  }

  // ---------------------------------------------------------------- the fixture

  /**
   * Sở Y tế reports, UBND TP Long Khánh does not; the reporting deadline passes and the collection
   * opens; an hour later Công an tỉnh reports, after the collection opened.
   */
  private Directive atTheCollectionStep() {
    Directive d = directives.issue(TestDocuments.directive(LocalDate.now(clock), "so-yt", "ca-tinh", "ubnd-long-khanh"));
    for (Assignment a : assignments.ofDirective(d.id())) {
      if (a.agencyCode().equals("so-yt")) {
        Map<String, Object> report = TestDocuments.report("Đã tiêm 12.000 liều.", "Đã tiêm chủng.");
        report.put(AgencyAssignmentProcess.DIFFICULTIES.name(), "Thiếu kinh phí tiêm chủng.");
        reportAndAccept("so-yt", a.processInstanceId(), report);
      }
    }
    clock.set(VnDates.dueBefore(d.reportDeadline()).plus(Duration.ofHours(2)));
    String pi = directives.get(d.id()).processInstanceId();
    Job timer = managementService.createJobQuery().processInstanceId(pi).timers()
        .activityId(DirectiveProcess.BOUNDARY_DEADLINE_PASSED).singleResult();
    managementService.executeJob(timer.getId());
    clock.set(clock.instant().plus(Duration.ofHours(1)));
    Assignment police = assignments.ofDirective(d.id()).stream().filter(a -> a.agencyCode().equals("ca-tinh"))
        .findFirst().orElseThrow();
    reportAndAccept("ca-tinh", police.processInstanceId(), TestDocuments.report("Báo cáo muộn của Công an tỉnh.",
        "Đã tuần tra."));
    return directives.get(d.id());
  }

  private static byte[] edited(byte[] docx) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      doc.createParagraph().createRun().setText(ADDITION);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    }
  }

  private static String textOf(byte[] docx) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
         XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      return extractor.getText();
    }
  }

  private static Path downloaded(Path dir) {
    try (Stream<Path> in = Files.list(dir)) {
      List<Path> all = in.toList();
      if (all.stream().anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"))) {
        return null;
      }
      return all.stream().filter(p -> p.getFileName().toString().endsWith(".docx")).findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  // ---- One user's turn, in a browser of their own

  private interface Turn {
    void run() throws Exception;
  }

  private void as(String user, String step, Turn turn) throws Exception {
    browser = Browser.start();
    driver = browser.driver();
    tasklist = new TasklistPage(browser, baseUrl(), taskService);
    try {
      tasklist.logIn(user, PASSWORD);
      turn.run();
    } catch (Exception | Error e) {
      browser.saveArtifacts(getClass().getSimpleName() + "-" + step);
      throw e;
    } finally {
      closeBrowser();
    }
  }

  private void closeBrowser() {
    if (browser != null) {
      Browser b = browser;
      browser = null;
      driver = null;
      tasklist = null;
      b.quit();
    }
  }
}
