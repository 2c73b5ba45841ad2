package vn.cascade.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementSelectionStateToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
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
 * <p>Selectors as in {@link TasklistReportBrowserTest}: Tasklist's Angular attributes, the ids of
 * the forms' components, the radio options' labels; on Cascade's pages, their element ids.
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

  // Tasklist
  private static final By LOGIN_FORM = By.cssSelector("form[name='signinForm'].ng-invalid-required");
  private static final By USERNAME = By.cssSelector("input[ng-model='username']");
  private static final By PASSWORD_INPUT = By.cssSelector("input[ng-model='password'][type='password']");
  private static final By LOGIN_BUTTON = By.cssSelector("button[type='submit']");
  private static final By FILTERS = By.cssSelector("[cam-tasklist-filters] .task-filter");
  private static final By TASK_ROWS = By.cssSelector("[cam-tasks] ol.tasks-list > li.task");
  private static final By NEXT_PAGE = By.cssSelector("[cam-tasks] ul.pagination li.pagination-next:not(.disabled) a");
  private static final By TASK_TITLE = By.cssSelector("[cam-tasklist-task] section.task-card h2.task");
  private static final By CLAIM = By.cssSelector("[cam-tasklist-task] li.assignee button.claim");
  private static final By DISABLED_FORM = By.cssSelector("[cam-tasklist-task] .disabled-form");
  private static final By CAMUNDA_FORM = By.cssSelector("[cam-tasklist-task] [cam-tasklist-form-camunda] form.fjs-form");
  private static final By COMPLETE = By.cssSelector("[cam-tasklist-task] .form-actions button[ng-click='complete()']");

  // Cascade's pages
  private static final By CASCADE_LOGIN_FORM = By.cssSelector("form[action$='/login']");
  private static final By CASCADE_USERNAME = By.id("username");
  private static final By CASCADE_PASSWORD = By.id("password");
  private static final By CASCADE_LOGIN_ERROR = By.cssSelector("p.error");
  private static final By FILE_INPUT = By.id("file");
  private static final By UPLOAD_BUTTON = By.cssSelector("form[enctype='multipart/form-data'] button[type='submit']");
  private static final By UPLOADED = By.cssSelector("p.ok");
  private static final By FILE_LINKS = By.cssSelector("table tbody tr td:first-child a");
  private static final By BACK_TO_TASKLIST = By.cssSelector("a[href='/camunda/app/tasklist/']");

  @Autowired AssignmentRepository assignments;
  @Autowired AttachmentRepository attachments;

  private Browser browser;
  private WebDriver driver;
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
        .processVariableValueEquals("directiveNumber", DIRECTIVE_NUMBER)
        .processVariableValueEquals("itemNumber", ITEM)
        .singleResult();
    assertThat(firstReport).as("the open report task of %s on item %d of %s (demo data)", AGENCY, ITEM,
        DIRECTIVE_NUMBER).isNotNull();
    assertThat(firstReport.getName()).isEqualTo(REPORT_TASK_NAME);
    assertThat(firstReport.getAssignee()).as("nobody has claimed the task yet").isNull();
    String processInstanceId = firstReport.getProcessInstanceId();
    long assignmentId = (Long) runtimeService.getVariable(processInstanceId, "assignmentId");
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
      openFilter(FILTER_NAME);
      openTask(REPORT_TASK_NAME, firstReport.getId());
      claimIfNeeded(firstReport.getId(), AGENCY);
      assertThat(driver.findElements(field("Field_ReturnReason"))).as("no return reason on a first report").isEmpty();
      attach(assignmentId, pdfFile);
      // Back in Tasklist, the task shows the file just attached.
      openFilter(FILTER_NAME);
      openTask(REPORT_TASK_NAME, firstReport.getId());
      waitFor("the form of the claimed task enabled").until(invisibilityOfElementLocated(DISABLED_FORM));
      assertThat(valueOf("Field_AttachmentsText")).contains(PDF_NAME);
      type("Field_Bullet1Result", BULLET1_RESULT);
      type("Field_Bullet2Result", BULLET2_RESULT);
      type("Field_OverallResult", OVERALL_RESULT);
      choose("Field_CompletionStatus", RADIO_COMPLETED);
      type("Field_ContactPerson", CONTACT_PERSON);
      type("Field_ContactPhone", CONTACT_PHONE);
      complete(firstReport.getId());
    });
    assertThat(assignments.find(assignmentId).orElseThrow().inReview()).isTrue();

    // 2. Sở KH&ĐT sees the file with the report and returns it with a reason.
    clock.set(returned);
    Task firstReview = taskOf(processInstanceId, AgencyAssignmentProcess.TASK_REVIEW_REPORT);
    assertThat(firstReview).isNotNull();
    assertThat(firstReview.getName()).isEqualTo(REVIEW_TASK_NAME);
    as(REVIEWER, "2-reviewer-returns", () -> {
      openFilter(FILTER_NAME);
      openTask(REVIEW_TASK_NAME, firstReview.getId());
      claimIfNeeded(firstReview.getId(), REVIEWER);
      assertThat(valueOf("Field_AttachmentsText")).contains(PDF_NAME);
      assertThat(valueOf("Field_OverallResult")).isEqualTo(OVERALL_RESULT);
      assertThat(driver.findElements(By.cssSelector(
          "[cam-tasklist-task] form.fjs-form a[href$='/assignments/" + assignmentId + "/attachments']")))
          .as("the link to the attached files").hasSize(1);
      choose("Field_ReviewDecision", RADIO_RETURN);
      type("Field_ReviewComment", RETURN_REASON);
      complete(firstReview.getId());
    });

    // 3. Sở TN&MT gets the report back: the reason, its answers; it corrects the overall result.
    clock.set(resubmitted);
    Task secondReport = taskOf(processInstanceId, AgencyAssignmentProcess.TASK_REPORT_RESULTS);
    assertThat(secondReport).as("the report task back with the agency").isNotNull();
    assertThat(secondReport.getId()).isNotEqualTo(firstReport.getId());
    assertThat(secondReport.getAssignee()).isNull();
    as(AGENCY, "3-agency-resubmits", () -> {
      openFilter(FILTER_NAME);
      openTask(REPORT_TASK_NAME, secondReport.getId());
      claimIfNeeded(secondReport.getId(), AGENCY);
      assertThat(valueOf("Field_ReturnReason")).isEqualTo(RETURN_REASON);
      assertThat(valueOf("Field_Bullet1Result")).isEqualTo(BULLET1_RESULT);
      assertThat(valueOf("Field_Bullet2Result")).isEqualTo(BULLET2_RESULT);
      assertThat(valueOf("Field_OverallResult")).isEqualTo(OVERALL_RESULT);
      assertThat(valueOf("Field_ContactPerson")).isEqualTo(CONTACT_PERSON);
      assertThat(valueOf("Field_ContactPhone")).isEqualTo(CONTACT_PHONE);
      assertThat(radio("Field_CompletionStatus", RADIO_COMPLETED).isSelected()).isTrue();
      assertThat(valueOf("Field_AttachmentsText")).contains(PDF_NAME);
      replace("Field_OverallResult", OVERALL_RESULT_REVISED);
      complete(secondReport.getId());
    });

    // 4. Sở KH&ĐT accepts.
    clock.set(accepted);
    Task secondReview = taskOf(processInstanceId, AgencyAssignmentProcess.TASK_REVIEW_REPORT);
    assertThat(secondReview).isNotNull();
    assertThat(secondReview.getId()).isNotEqualTo(firstReview.getId());
    as(REVIEWER, "4-reviewer-accepts", () -> {
      openFilter(FILTER_NAME);
      openTask(REVIEW_TASK_NAME, secondReview.getId());
      claimIfNeeded(secondReview.getId(), REVIEWER);
      assertThat(valueOf("Field_OverallResult")).isEqualTo(OVERALL_RESULT_REVISED);
      assertThat(valueOf("Field_AttachmentsText")).contains(PDF_NAME);
      choose("Field_ReviewDecision", RADIO_ACCEPT);
      // The second review opens as the first one was left: "Trả lại" chosen and the return reason
      // in the comment (both are process variables). The reviewer changes both.
      replace("Field_ReviewComment", ACCEPT_COMMENT);
      complete(secondReview.getId());
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
    assertThat(instance.getEndActivityId()).isEqualTo(AgencyAssignmentProcess.END_EVENT);
  }

  // ---- One user's turn, in a browser of their own

  private interface Turn {
    void run() throws Exception;
  }

  /** Starts a fresh Chromium, logs the user in to Tasklist, runs the turn; on failure keeps what the page showed. */
  private void as(String user, String step, Turn turn) throws Exception {
    browser = Browser.start();
    driver = browser.driver();
    try {
      logIn(user, PASSWORD);
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
      b.quit();
    }
  }

  // ---- Cascade's attachment page, reached from the task's form

  /**
   * Follows the form's link to Cascade's attachment page (form-js opens it in the same tab), logs
   * in there when Cascade asks (Tasklist's login does not count for Cascade's pages), uploads the
   * file, sees it listed and goes back to Tasklist by the page's own link.
   */
  private void attach(long assignmentId, Path file) {
    String fileName = file.getFileName().toString();
    WebElement link = waitFor("the link to the attachment page").until(elementToBeClickable(By.cssSelector(
        "[cam-tasklist-task] form.fjs-form a[href$='/assignments/" + assignmentId + "/attachments']")));
    scrollToCenter(link);
    link.click();
    waitFor(() -> "Cascade's login or attachment page; the page says: " + pageText())
        .until(d -> !d.findElements(CASCADE_LOGIN_FORM).isEmpty() || !d.findElements(FILE_INPUT).isEmpty());
    if (!driver.findElements(CASCADE_LOGIN_FORM).isEmpty()) {
      logInToCascade(AGENCY, PASSWORD);
    }
    // Cascade sends the user on to the page asked for (with "?continue").
    waitFor(() -> "the attachment page of assignment " + assignmentId + "; the page says: " + pageText())
        .until(urlContains("/assignments/" + assignmentId + "/attachments"));
    waitFor("the file input").until(visibilityOfElementLocated(FILE_INPUT))
        .sendKeys(file.toAbsolutePath().toString());
    waitFor("the upload button").until(elementToBeClickable(UPLOAD_BUTTON)).click();
    waitFor(() -> "the upload confirmed; the page says: " + pageText()).until(visibilityOfElementLocated(UPLOADED));
    assertThat(driver.findElement(UPLOADED).getText()).contains(fileName);
    assertThat(driver.findElements(FILE_LINKS)).extracting(WebElement::getText).containsExactly(fileName);
    driver.findElement(BACK_TO_TASKLIST).click();
    // Still logged in to Tasklist: Cascade's login changed the session's id, not its content.
    waitFor(() -> "Tasklist again; the page says: " + pageText()).until(visibilityOfElementLocated(FILTERS));
  }

  /** Cascade's Vietnamese login page. One attempt only: failed logins lock the user for a while. */
  private void logInToCascade(String user, String password) {
    WebElement form = driver.findElement(CASCADE_LOGIN_FORM);
    form.findElement(CASCADE_USERNAME).sendKeys(user);
    form.findElement(CASCADE_PASSWORD).sendKeys(password);
    form.findElement(By.cssSelector("button[type='submit']")).click();
    waitFor(() -> "past Cascade's login as " + user + "; the page says: " + pageText())
        .until(d -> !d.getCurrentUrl().contains("/login"));
    assertThat(driver.findElements(CASCADE_LOGIN_ERROR)).as("Cascade's login error").isEmpty();
  }

  // ---- Tasklist, as a user goes through it (as in TasklistReportBrowserTest)

  /** One attempt only: failed logins lock the user for a while. */
  private void logIn(String user, String password) {
    driver.get(baseUrl() + "/camunda/app/tasklist/default/#/login");
    // The class only exists once Angular has compiled the form: typing earlier would be lost.
    WebElement form = waitFor("the Tasklist login form").until(visibilityOfElementLocated(LOGIN_FORM));
    form.findElement(USERNAME).sendKeys(user);
    form.findElement(PASSWORD_INPUT).sendKeys(password);
    waitFor("the login button").until(elementToBeClickable(form.findElement(LOGIN_BUTTON))).click();
    waitFor(() -> "Tasklist after logging in as " + user + "; the page says: " + pageText())
        .until(visibilityOfElementLocated(FILTERS));
  }

  private void openFilter(String name) {
    By filter = By.xpath("//div[@cam-tasklist-filters]//div[contains(concat(' ', normalize-space(@class), ' '),"
        + " ' task-filter ')][.//h4[contains(@class, 'name')]/a[contains(normalize-space(.), " + literal(name)
        + ")]]");
    WebElement item = waitFor("the filter " + name).until(visibilityOfElementLocated(filter));
    item.findElement(By.cssSelector("h4.name a")).click();
    waitFor("the filter " + name + " selected").until(attributeContains(filter, "class", "active"));
  }

  /**
   * Finds the task in the list, going through the list's pages if there are several. By its id:
   * a returned report's new task has the same name as the first one.
   */
  private void openTask(String name, String taskId) {
    By link = By.xpath("//div[@cam-tasks]//ol[contains(@class, 'tasks-list')]/li//h4[contains(@class, 'task')]"
        + "/a[normalize-space(.) = " + literal(name) + " and contains(@href, 'task=" + taskId + "')]");
    for (int page = 1; ; page++) {
      List<WebElement> rows = waitFor("the tasks of the filter")
          .until(d -> d.findElements(TASK_ROWS).isEmpty() ? null : d.findElements(TASK_ROWS));
      List<WebElement> links = driver.findElements(link);
      if (!links.isEmpty()) {
        scrollToCenter(links.get(0));
        links.get(0).click();
        break;
      }
      List<WebElement> next = driver.findElements(NEXT_PAGE);
      assertThat(next).as("the task \"%s\" (%s) in the list (page %d, shown: %s)", name, taskId, page, taskNames())
          .isNotEmpty();
      assertThat(page).as("pages of tasks").isLessThan(50);
      scrollToCenter(next.get(0));
      next.get(0).click();
      waitFor("the next page of tasks").until(stalenessOf(rows.get(0)));
    }
    waitFor("the task " + taskId + " opened").until(urlContains("task=" + taskId));
    waitFor("the task's title").until(textToBe(TASK_TITLE, name));
    waitFor("the task's Camunda Form").until(visibilityOfElementLocated(CAMUNDA_FORM));
  }

  private void claimIfNeeded(String taskId, String user) {
    // Tasklist shows the form of an unclaimed task, but disabled, with Complete greyed out.
    List<WebElement> claim = driver.findElements(CLAIM);
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
      waitFor("the claim done").until(invisibilityOfElementLocated(CLAIM));
    }
    waitFor("the form enabled after the claim").until(invisibilityOfElementLocated(DISABLED_FORM));
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(user);
  }

  private void complete(String taskId) {
    WebElement button = waitFor(() -> "the Complete button enabled; form errors: " + formErrors())
        .until(elementToBeClickable(COMPLETE));
    scrollToCenter(button);
    button.click();
    // Tasklist takes the completed task out of the list and closes it.
    waitFor(() -> "the task completed; the page says: " + pageText())
        .until(d -> taskService.createTaskQuery().taskId(taskId).count() == 0);
    waitFor("the completed task gone from the list")
        .until(invisibilityOfElementLocated(By.xpath("//div[@cam-tasks]//a[contains(@href, 'task=" + taskId + "')]")));
  }

  // ---- The Camunda Form (form-js): elements are found by the id of the form's component

  /** form-js gives each field the id {@code fjs-form-<random>-<component id>}. */
  private static By field(String componentId) {
    return By.cssSelector("[cam-tasklist-task] form.fjs-form [id$='-" + componentId + "']");
  }

  private String valueOf(String componentId) {
    WebElement element = waitFor(componentId).until(visibilityOfElementLocated(field(componentId)));
    return element.getDomProperty("value");
  }

  private void type(String componentId, String text) {
    WebElement element = waitFor(componentId).until(elementToBeClickable(field(componentId)));
    scrollToCenter(element);
    element.click();
    element.sendKeys(text);
    waitUntilHolds(componentId, text);
  }

  /** Replaces what a field holds the way a user does: select all, type over it. */
  private void replace(String componentId, String text) {
    WebElement element = waitFor(componentId).until(elementToBeClickable(field(componentId)));
    scrollToCenter(element);
    element.click();
    element.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    waitFor(componentId + " emptied").ignoring(StaleElementReferenceException.class)
        .until(d -> "".equals(d.findElement(field(componentId)).getDomProperty("value")));
    driver.findElement(field(componentId)).sendKeys(text);
    waitUntilHolds(componentId, text);
  }

  private void waitUntilHolds(String componentId, String text) {
    waitFor(componentId + " holding what was typed")
        .ignoring(StaleElementReferenceException.class)
        .until(d -> text.equals(d.findElement(field(componentId)).getDomProperty("value")));
    // Leave the field as users do (see TasklistReportBrowserTest: otherwise the next click may be lost).
    driver.findElement(field(componentId)).sendKeys(Keys.TAB);
  }

  /** form-js: {@code <label for="fjs-form-<random>-<component id>-<n>"><input type="radio">label</label>}. */
  private static By radioLabel(String componentId, String label) {
    return By.xpath("//div[@cam-tasklist-task]//form[contains(@class, 'fjs-form')]//label[contains(@for, '-"
        + componentId + "-') and normalize-space(.) = " + literal(label) + "]");
  }

  private WebElement radio(String componentId, String label) {
    return waitFor(componentId + " option " + label).until(visibilityOfElementLocated(radioLabel(componentId, label)))
        .findElement(By.cssSelector("input[type='radio']"));
  }

  private void choose(String componentId, String label) {
    WebElement labelElement = waitFor(componentId + " option " + label)
        .until(elementToBeClickable(radioLabel(componentId, label)));
    WebElement radio = labelElement.findElement(By.cssSelector("input[type='radio']"));
    scrollToCenter(labelElement);
    labelElement.click();
    waitFor(componentId + " option " + label + " chosen").until(elementSelectionStateToBe(radio, true));
  }

  /** Past Tasklist's fixed footer, which may lie over an element Selenium scrolled just into view. */
  private void scrollToCenter(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  private WebDriverWait waitFor(String what) {
    WebDriverWait wait = browser.waiting();
    wait.withMessage(what);
    return wait;
  }

  private WebDriverWait waitFor(Supplier<String> what) {
    WebDriverWait wait = browser.waiting();
    wait.withMessage(what);
    return wait;
  }

  private String formErrors() {
    try {
      return driver.findElements(By.cssSelector("[cam-tasklist-task] .fjs-form-field-error, [cam-tasklist-task] .alert"))
          .stream().filter(WebElement::isDisplayed).map(WebElement::getText).collect(Collectors.joining(" | "));
    } catch (RuntimeException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private List<String> taskNames() {
    return driver.findElements(By.cssSelector("[cam-tasks] ol.tasks-list > li.task h4.task a")).stream()
        .map(WebElement::getText).toList();
  }

  private String pageText() {
    try {
      String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
      return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    } catch (RuntimeException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** An XPath string literal for text without double quotes. */
  private static String literal(String text) {
    if (text.contains("\"")) {
      throw new IllegalArgumentException("No double quotes in XPath literals here: " + text);
    }
    return "\"" + text + "\"";
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
