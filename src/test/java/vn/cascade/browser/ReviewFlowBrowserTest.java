package vn.cascade.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;
import static vn.cascade.browser.TasklistPage.field;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.assignment.AssignmentRepository.ReportVersion;
import vn.cascade.assignment.ReportStatus;
import vn.cascade.attachment.AttachmentRepository;

/**
 * Issue 3's review loop, the way the users go through it, in a real (headless) Chromium: Sở TN&MT
 * attaches its signed PDF to its report on item 6 of Công văn 8888/UBND-THNC and submits it in
 * Tasklist; Sở KH&ĐT returns it with a reason; Sở TN&MT sees the reason and its earlier answers,
 * corrects the overall result and resubmits; Sở KH&ĐT accepts.
 *
 * <p>Each turn is one user in a browser of their own, as two officers at two desks would be. The
 * attachment page is Cascade's own page, behind Cascade's login, which is not Tasklist's: the
 * agency logs in a second time there, with the same account.
 *
 * <p>Tasklist is driven through {@link TasklistPage}, which describes its selectors; on Cascade's
 * pages, the selectors are their element ids.
 */
class ReviewFlowBrowserTest extends CascadeIntegrationTest {

  private static final String AGENCY = "so-tnmt";
  private static final String REVIEWER = "so-khdt";
  private static final String PASSWORD = "demo";
  private static final String DIRECTIVE_NUMBER = "8888/UBND-THNC";
  private static final int ITEM = 6;
  private static final String FILTER_NAME = "Nhiệm vụ của đơn vị";
  private static final String REPORT_TASK_NAME = "Báo cáo kết quả thực hiện nhiệm vụ 6 — 8888/UBND-THNC";
  private static final String REVIEW_TASK_NAME =
      "Xem xét báo cáo của Sở Tài nguyên và Môi trường — nhiệm vụ 6, 8888/UBND-THNC";
  private static final String PDF_NAME = "bao-cao-nhiem-vu-6-so-tnmt-da-ky.pdf";

  private static final String BULLET1_RESULT = "Đã kiểm tra 38 điểm khai thác khoáng sản, xử lý 12 trường hợp khai"
      + " thác trái phép.\nKhu xử lý chất thải Vĩnh Tân đã vận hành ổn định.";
  private static final String BULLET2_RESULT = "Đã phối hợp với các huyện hoàn thành bồi thường 96% diện tích thu"
      + " hồi cho dự án Cảng hàng không quốc tế Long Thành.";
  private static final String OVERALL_RESULT = "Sở Tài nguyên và Môi trường đã triển khai các nội dung được giao.";
  private static final String OVERALL_RESULT_REVISED = "Sở Tài nguyên và Môi trường đã hoàn thành nội dung 1;"
      + " nội dung 2 đạt 96% khối lượng, phần còn lại hoàn thành trong tháng 9/2020.";
  private static final String CONTACT_PERSON = "Trần Văn Phúc, Chuyên viên Văn phòng Sở";
  private static final String CONTACT_PHONE = "0251 3822 758";
  private static final String RETURN_REASON = "Đề nghị nêu rõ tỷ lệ hoàn thành bồi thường của từng dự án và thời"
      + " điểm dự kiến hoàn thành phần còn lại.";
  private static final String ACCEPT_COMMENT = "Báo cáo đã đầy đủ.";
  private static final String RADIO_COMPLETED = "Đã hoàn thành";
  private static final String RADIO_RETURN = "Trả lại để chỉnh sửa";
  private static final String RADIO_ACCEPT = "Chấp nhận báo cáo";

  // Cascade's pages
  private static final By CASCADE_LOGIN_FORM = By.cssSelector("form[action$='/login']");
  private static final By FILE_INPUT = By.id("file");
  private static final By UPLOAD_BUTTON = By.cssSelector("form[enctype='multipart/form-data'] button[type='submit']");
  private static final By UPLOADED = By.cssSelector("p.ok");
  private static final By FILE_LINKS = By.cssSelector("table tbody tr td:first-child a");
  private static final By BACK_TO_TASK = By.id("back-to-task");

  @Autowired AssignmentRepository assignments;
  @Autowired AttachmentRepository attachments;

  private Browser browser;
  private WebDriver driver;
  private TasklistPage tasklist;
  private Path pdfDir;

  @BeforeEach
  void requireChromium() {
    // Here rather than in @BeforeAll, so that surefire reports the test as skipped, with the reason.
    Browser.requireInstalled();
  }

  @AfterEach
  void cleanUp() throws IOException {
    closeBrowser();
    if (pdfDir != null) {
      try (var files = Files.list(pdfDir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(pdfDir);
    }
  }

  @Test
  void agencyAttachesReportsIsReturnedResubmitsAndIsAccepted() throws Exception {
    Task firstReport = taskService.createTaskQuery()
        .processDefinitionKey(AgencyAssignmentProcess.KEY)
        .taskDefinitionKey(AgencyAssignmentProcess.TASK_REPORT_RESULTS)
        .taskCandidateGroup(AGENCY)
        .processInstanceIdIn(assignmentInstances(DIRECTIVE_NUMBER, ITEM, AGENCY).toArray(String[]::new))
        .singleResult();
    assertThat(firstReport).as("the open report task of %s on item %d of %s (demo data)", AGENCY, ITEM,
        DIRECTIVE_NUMBER).isNotNull();
    assertThat(firstReport.getName()).isEqualTo(REPORT_TASK_NAME);
    assertThat(firstReport.getAssignee()).as("nobody has claimed the task yet").isNull();
    String processInstanceId = firstReport.getProcessInstanceId();
    long assignmentId = assignments.ofProcessInstance(processInstanceId).orElseThrow().id();
    Assignment before = assignments.find(assignmentId).orElseThrow();
    assertThat(before.agencyCode()).isEqualTo(AGENCY);
    assertThat(attachments.of(assignmentId)).as("no file attached yet").isEmpty();

    // The days of the story, all before the deadline: submitted, returned, resubmitted, accepted.
    Instant submitted = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant returned = submitted.plus(1, ChronoUnit.DAYS);
    Instant resubmitted = submitted.plus(2, ChronoUnit.DAYS);
    Instant accepted = submitted.plus(3, ChronoUnit.DAYS);
    assertThat(accepted).as("the story ends before the deadline").isBefore(before.dueAt());
    byte[] pdf = tinyPdf();
    pdfDir = Files.createTempDirectory("cascade-pdf-");
    Path pdfFile = Files.write(pdfDir.resolve(PDF_NAME), pdf);

    // 1. Sở TN&MT attaches its signed file and reports.
    clock.set(submitted);
    as(AGENCY, "1-agency-reports", () -> {
      tasklist.openFilter(FILTER_NAME);
      tasklist.openTask(REPORT_TASK_NAME, firstReport.getId());
      tasklist.claimIfNeeded();
      assertThat(assigneeOf(firstReport.getId())).isEqualTo(AGENCY);
      assertThat(tasklist.formText()).as("no return reason on a first report").doesNotContain("Lý do trả lại");
      tasklist.waitFor("the form of the claimed task enabled")
          .until(invisibilityOfElementLocated(TasklistPage.DISABLED_FORM));
      tasklist.type("Field_Bullet1Result", BULLET1_RESULT);
      tasklist.type("Field_Bullet2Result", BULLET2_RESULT);
      tasklist.type("Field_OverallResult", OVERALL_RESULT);
      tasklist.choose("Field_CompletionStatus", RADIO_COMPLETED);
      tasklist.type("Field_ContactPerson", CONTACT_PERSON);
      tasklist.type("Field_ContactPhone", CONTACT_PHONE);
      // The attachment page opens beside the form; back in Tasklist, nothing typed is lost.
      attach(assignmentId, pdfFile);
      assertThat(tasklist.valueOf("Field_Bullet1Result")).isEqualTo(BULLET1_RESULT);
      assertThat(tasklist.valueOf("Field_Bullet2Result")).isEqualTo(BULLET2_RESULT);
      assertThat(tasklist.valueOf("Field_OverallResult")).isEqualTo(OVERALL_RESULT);
      assertThat(tasklist.valueOf("Field_ContactPerson")).isEqualTo(CONTACT_PERSON);
      assertThat(tasklist.valueOf("Field_ContactPhone")).isEqualTo(CONTACT_PHONE);
      tasklist.complete(firstReport.getId());
    });
    assertThat(assignments.find(assignmentId).orElseThrow().inReview()).isTrue();

    // 2. Sở KH&ĐT sees the file with the report and returns it with a reason.
    clock.set(returned);
    Task firstReview = taskOf(processInstanceId, AgencyAssignmentProcess.TASK_REVIEW_REPORT);
    assertThat(firstReview).isNotNull();
    assertThat(firstReview.getName()).isEqualTo(REVIEW_TASK_NAME);
    as(REVIEWER, "2-reviewer-returns", () -> {
      tasklist.openFilter(FILTER_NAME);
      tasklist.openTask(REVIEW_TASK_NAME, firstReview.getId());
      tasklist.claimIfNeeded();
      assertThat(assigneeOf(firstReview.getId())).isEqualTo(REVIEWER);
      assertThat(tasklist.formText()).contains(PDF_NAME);
      assertThat(tasklist.formText()).contains(OVERALL_RESULT).doesNotContain("{{", "\\");
      assertThat(driver.findElements(By.cssSelector(
          "[cam-tasklist-task] form.fjs-form a[href$='/assignments/" + assignmentId + "/attachments']")))
          .as("the link to the attached files").hasSize(1);
      tasklist.choose("Field_ReviewDecision", RADIO_RETURN);
      // First without a reason: the server's rule, in Vietnamese, without the engine's wrapping.
      String refused = tasklist.completeRefused(firstReview.getId(), "Khi trả lại, vui lòng ghi rõ lý do");
      assertThat(refused).doesNotContain("ENGINE-", "TaskListener");
      tasklist.type("Field_ReviewComment", RETURN_REASON);
      tasklist.complete(firstReview.getId());
    });

    // 3. Sở TN&MT gets the report back: the reason, its answers; it corrects the overall result.
    clock.set(resubmitted);
    Task secondReport = taskOf(processInstanceId, AgencyAssignmentProcess.TASK_REPORT_RESULTS);
    assertThat(secondReport).as("the report task back with the agency").isNotNull();
    assertThat(secondReport.getId()).isNotEqualTo(firstReport.getId());
    assertThat(secondReport.getAssignee()).isNull();
    as(AGENCY, "3-agency-resubmits", () -> {
      tasklist.openFilter(FILTER_NAME);
      tasklist.openTask(REPORT_TASK_NAME, secondReport.getId());
      tasklist.claimIfNeeded();
      assertThat(assigneeOf(secondReport.getId())).isEqualTo(AGENCY);
      assertThat(tasklist.formText()).contains("Lý do trả lại báo cáo (cần chỉnh sửa): " + RETURN_REASON);
      assertThat(tasklist.valueOf("Field_Bullet1Result")).isEqualTo(BULLET1_RESULT);
      assertThat(tasklist.valueOf("Field_Bullet2Result")).isEqualTo(BULLET2_RESULT);
      assertThat(tasklist.valueOf("Field_OverallResult")).isEqualTo(OVERALL_RESULT);
      assertThat(tasklist.valueOf("Field_ContactPerson")).isEqualTo(CONTACT_PERSON);
      assertThat(tasklist.valueOf("Field_ContactPhone")).isEqualTo(CONTACT_PHONE);
      assertThat(tasklist.radio("Field_CompletionStatus", RADIO_COMPLETED).isSelected()).isTrue();
      assertThat(tasklist.formText()).contains(PDF_NAME);
      tasklist.replace("Field_OverallResult", OVERALL_RESULT_REVISED);
      tasklist.complete(secondReport.getId());
    });

    // 4. Sở KH&ĐT accepts.
    clock.set(accepted);
    Task secondReview = taskOf(processInstanceId, AgencyAssignmentProcess.TASK_REVIEW_REPORT);
    assertThat(secondReview).isNotNull();
    assertThat(secondReview.getId()).isNotEqualTo(firstReview.getId());
    as(REVIEWER, "4-reviewer-accepts", () -> {
      tasklist.openFilter(FILTER_NAME);
      tasklist.openTask(REVIEW_TASK_NAME, secondReview.getId());
      tasklist.claimIfNeeded();
      assertThat(assigneeOf(secondReview.getId())).isEqualTo(REVIEWER);
      assertThat(tasklist.formText()).contains(OVERALL_RESULT_REVISED);
      assertThat(tasklist.formText()).contains(PDF_NAME);
      tasklist.choose("Field_ReviewDecision", RADIO_ACCEPT);
      // The second review opens blank: last round's decision and comment are not variables any more.
      tasklist.replace("Field_ReviewComment", ACCEPT_COMMENT);
      tasklist.complete(secondReview.getId());
    });

    // Every version kept, with its review; reported as of the accepted version's submission.
    List<ReportVersion> versions = assignments.versions(assignmentId);
    assertThat(versions).extracting(ReportVersion::version).containsExactly(1, 2);
    assertThat(versions).extracting(ReportVersion::reviewDecision)
        .containsExactly(Assignment.RETURNED, Assignment.ACCEPTED);
    ReportVersion first = versions.get(0);
    ReportVersion second = versions.get(1);
    assertThat(first.submittedAt()).isEqualTo(submitted);
    assertThat(first.submittedBy()).isEqualTo(AGENCY);
    assertThat(first.report()).containsEntry("overallResult", OVERALL_RESULT)
        .containsEntry("bullet1Result", BULLET1_RESULT).containsEntry("bullet2Result", BULLET2_RESULT);
    assertThat(first.reviewComment()).isEqualTo(RETURN_REASON);
    assertThat(first.reviewedBy()).isEqualTo(REVIEWER);
    assertThat(first.reviewedAt()).isEqualTo(returned);
    assertThat(second.submittedAt()).isEqualTo(resubmitted);
    assertThat(second.submittedBy()).isEqualTo(AGENCY);
    assertThat(second.report()).containsEntry("overallResult", OVERALL_RESULT_REVISED)
        .containsEntry("bullet1Result", BULLET1_RESULT).containsEntry("bullet2Result", BULLET2_RESULT)
        .containsEntry("completionStatus", AgencyAssignmentProcess.STATUS_COMPLETED)
        .containsEntry("contactPerson", CONTACT_PERSON).containsEntry("contactPhone", CONTACT_PHONE);
    assertThat(second.reviewComment()).isEqualTo(ACCEPT_COMMENT);
    assertThat(second.reviewedBy()).isEqualTo(REVIEWER);
    assertThat(second.reviewedAt()).isEqualTo(accepted);

    Assignment after = assignments.find(assignmentId).orElseThrow();
    assertThat(after.reviewStatus()).isEqualTo(Assignment.ACCEPTED);
    assertThat(after.reportedAt()).isEqualTo(second.submittedAt());
    assertThat(after.status(accepted)).isEqualTo(ReportStatus.COMPLETED_ON_TIME);
    assertThat(after.report()).containsEntry("overallResult", OVERALL_RESULT_REVISED);

    // The file, stored once, as uploaded.
    assertThat(attachments.of(assignmentId)).singleElement().satisfies(f -> {
      assertThat(f.fileName()).isEqualTo(PDF_NAME);
      assertThat(f.contentType()).isEqualTo("application/pdf");
      assertThat(f.sizeBytes()).isEqualTo(pdf.length);
      assertThat(f.uploadedBy()).isEqualTo(AGENCY);
      assertThat(f.uploadedAt()).isEqualTo(submitted);
    });

    // Nothing left to do for anyone; the report goes to the collector (a job: the executor is off).
    assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).list()).isEmpty();
    executeAsyncJobs();
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    assertThat(instance.getEndTime()).as("agency-assignment ended after delivering the report").isNotNull();
    // It ends in the acceptance's event subprocess, through the delivery's end event.
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .activityId(AgencyAssignmentProcess.END_EVENT).finished().count()).isOne();
  }

  // ---- One user's turn, in a browser of their own

  private interface Turn {
    void run() throws Exception;
  }

  /** Starts a fresh Chromium, logs the user in to Tasklist, runs the turn; on failure keeps what the page showed. */
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

  private String assigneeOf(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee();
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

  // ---- Cascade's attachment page, reached from the task's form

  /**
   * Follows the form's link to Cascade's attachment page (form-js opens it in the same tab), with no
   * second login (one login for Tasklist and Cascade's pages), uploads the file, sees it listed and
   * goes back to Tasklist by the page's own link.
   */
  private void attach(long assignmentId, Path file) {
    String fileName = file.getFileName().toString();
    String tasklistWindow = driver.getWindowHandle();
    WebElement link = tasklist.waitFor("the link to the attachment page").until(elementToBeClickable(By.cssSelector(
        "[cam-tasklist-task] form.fjs-form a[href$='/assignments/" + assignmentId + "/attachments']")));
    assertThat(link.getDomAttribute("target")).as("the attachment page opens beside Tasklist").isEqualTo("_blank");
    tasklist.scrollToCenter(link);
    link.click();
    tasklist.waitFor("a second tab").until(d -> d.getWindowHandles().size() == 2);
    String pageWindow = driver.getWindowHandles().stream().filter(h -> !h.equals(tasklistWindow)).findFirst()
        .orElseThrow();
    driver.switchTo().window(pageWindow);
    tasklist.waitFor(() -> "Cascade's login or attachment page; the page says: " + tasklist.pageText())
        .until(d -> !d.findElements(CASCADE_LOGIN_FORM).isEmpty() || !d.findElements(FILE_INPUT).isEmpty());
    assertThat(driver.findElements(CASCADE_LOGIN_FORM)).as("one login: no second login for the attachment page")
        .isEmpty();
    tasklist.waitFor("the file input").until(visibilityOfElementLocated(FILE_INPUT))
        .sendKeys(file.toAbsolutePath().toString());
    tasklist.waitFor("the upload button").until(elementToBeClickable(UPLOAD_BUTTON)).click();
    tasklist.waitFor(() -> "the upload confirmed; the page says: " + tasklist.pageText())
        .until(visibilityOfElementLocated(UPLOADED));
    assertThat(driver.findElement(UPLOADED).getText()).contains(fileName);
    assertThat(driver.findElements(FILE_LINKS)).extracting(WebElement::getText).containsExactly(fileName);
    assertThat(driver.findElement(BACK_TO_TASK).getDomAttribute("href")).as("back leads to the same task")
        .contains("task=");
    driver.close();
    driver.switchTo().window(tasklistWindow);
  }

  /** A one-page PDF 1.4 with a correct cross-reference table, as small as a valid PDF gets. */
  static byte[] tinyPdf() {
    String content = "BT /F1 18 Tf 72 760 Td (So TN&MT - bao cao nhiem vu 6, 8888/UBND-THNC) Tj ET";
    List<String> objects = List.of(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            + " /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Integer> offsets = new ArrayList<>();
    write(out, "%PDF-1.4\n");
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(out.size());
      write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
    }
    int xref = out.size();
    StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
    offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
    write(out, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref
        + "\n%%EOF\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String ascii) {
    out.writeBytes(ascii.getBytes(StandardCharsets.US_ASCII));
  }
}
