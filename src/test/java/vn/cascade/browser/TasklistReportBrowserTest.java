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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
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

/**
 * An agency officer reports on item 2 of Công văn 8888/UBND-THNC the way users do: in Camunda
 * Tasklist, through the Camunda Form of the task, in a real (headless) Chromium.
 *
 * <p>Selectors are Tasklist's own structure (its Angular attributes such as {@code ng-model} and
 * {@code ng-click}, which do not depend on the UI language) plus what Cascade controls: the filter
 * and task names, the ids of the form's components ({@code Field_...}), the radio option's label.
 */
class TasklistReportBrowserTest extends CascadeIntegrationTest {

  private static final String AGENCY = "so-khdt";
  private static final String PASSWORD = "demo";
  private static final String DIRECTIVE_NUMBER = "8888/UBND-THNC";
  private static final int ITEM = 2;
  private static final String FILTER_NAME = "Nhiệm vụ của đơn vị";
  private static final String TASK_NAME = "Báo cáo kết quả thực hiện nhiệm vụ 2 — 8888/UBND-THNC";

  private static final String BULLET1_RESULT = "Đã tổ chức 4 hội nghị đối thoại với doanh nghiệp, tháo gỡ 27 kiến nghị"
      + " về thủ tục đầu tư.\nCác kiến nghị còn lại đang được các sở, ngành xử lý dứt điểm.";
  private static final String BULLET2_RESULT = "Đã cân đối đủ 1.250 tỷ đồng vốn đầu tư công năm 2026 cho các dự án"
      + " trọng điểm; giải ngân đạt 78,5% kế hoạch.";
  private static final String BULLET3_RESULT = "Phối hợp với Ban Quản lý dự án và UBND TP Biên Hòa hoàn thành thẩm"
      + " định điều chỉnh dự án đường ven sông Đồng Nai.";
  private static final String OVERALL_RESULT = "Sở Kế hoạch và Đầu tư đã hoàn thành các nội dung được giao tại"
      + " nhiệm vụ 2, đúng tiến độ đề ra.";
  private static final String DIFFICULTIES = "Việc giải phóng mặt bằng ở một số địa phương còn chậm; nguồn thu"
      + " từ đất chưa đạt dự toán.";
  private static final String PROPOSALS = "Đề nghị UBND tỉnh chỉ đạo các huyện đẩy nhanh công tác bồi thường,"
      + " hỗ trợ, tái định cư.";
  private static final String CONTACT_PERSON = "Nguyễn Thị Ánh Tuyết, Phó Trưởng phòng Tổng hợp";
  private static final String CONTACT_PHONE = "0251 3822 505";

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

  @Autowired AssignmentRepository assignments;

  private Browser browser;
  private WebDriver driver;

  @BeforeEach
  void openBrowser() throws Exception {
    // Here rather than in @BeforeAll, so that surefire reports the test as skipped, with the reason.
    Browser.requireInstalled();
    browser = Browser.start();
    driver = browser.driver();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void agencyOfficerReportsInTasklist(TestInfo info) {
    Task task = taskService.createTaskQuery()
        .processDefinitionKey(AgencyAssignmentProcess.KEY)
        .taskDefinitionKey(AgencyAssignmentProcess.TASK_REPORT_RESULTS)
        .taskCandidateGroup(AGENCY)
        .processVariableValueEquals("directiveNumber", DIRECTIVE_NUMBER)
        .processVariableValueEquals("itemNumber", ITEM)
        .singleResult();
    assertThat(task).as("the open report task of %s on item %d of %s (demo data)", AGENCY, ITEM, DIRECTIVE_NUMBER)
        .isNotNull();
    assertThat(task.getName()).isEqualTo(TASK_NAME);
    assertThat(task.getAssignee()).as("nobody has claimed the task yet").isNull();
    String processInstanceId = task.getProcessInstanceId();
    long assignmentId = (Long) runtimeService.getVariable(processInstanceId, "assignmentId");
    Instant submittedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clock.set(submittedAt);

    try {
      logIn(AGENCY, PASSWORD);
      openFilter(FILTER_NAME);
      openTask(TASK_NAME, task.getId());
      claimIfNeeded(task.getId());
      checkReadonlyPart(processInstanceId);
      fillReport();
      complete(task.getId());
    } catch (RuntimeException | Error e) {
      browser.saveArtifacts(getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName());
      throw e;
    }

    // The engine: the task is done, by the officer who claimed it, with the report as variables.
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
    assertThat(done.getEndTime()).isNotNull();
    assertThat(done.getDeleteReason()).isEqualTo("completed");
    assertThat(done.getAssignee()).isEqualTo(AGENCY);

    Map<String, Object> variables = historicVariables(processInstanceId);
    Map<String, Object> report = expectedReport();
    assertThat(variables).containsAllEntriesOf(report);
    // Readonly fields are submitted back by the form; their values and types must survive that.
    assertThat(variables).containsEntry("directiveNumber", DIRECTIVE_NUMBER).containsEntry("itemNumber", ITEM);
    assertThat(variables.get("itemNumber")).isInstanceOf(Integer.class);
    // Hidden fields (the item has three bullets) are not submitted at all.
    assertThat(variables).doesNotContainKeys("bullet4Result", "bullet5Result", "bullet6Result");

    // Cascade: the report stored with the assignment, in the same transaction as the completion.
    Assignment assignment = assignments.find(assignmentId).orElseThrow();
    assertThat(assignment.agencyCode()).isEqualTo(AGENCY);
    assertThat(assignment.itemNumber()).isEqualTo(ITEM);
    assertThat(assignment.submittedAt()).isEqualTo(submittedAt);
    assertThat(assignment.inReview()).as("the submitted report waits for the collector's review").isTrue();
    assertThat(assignment.report()).containsAllEntriesOf(report)
        .containsEntry("completionStatus", AgencyAssignmentProcess.STATUS_COMPLETED)
        .doesNotContainKeys("bullet4Result", "bullet5Result", "bullet6Result");

    // Sở KH&ĐT reviews it a day later and accepts it: it counts as reported when it was submitted.
    Task review = taskOf(processInstanceId, AgencyAssignmentProcess.TASK_REVIEW_REPORT);
    assertThat(review).isNotNull();
    clock.set(submittedAt.plus(1, ChronoUnit.DAYS));
    completeAs("so-khdt", review, Map.of("reviewDecision", "accept", "reviewComment", ""));
    assertThat(assignments.find(assignmentId).orElseThrow().reportedAt()).isEqualTo(submittedAt);

    // The delivery to the collector waits as a job (the job executor is off in tests).
    assertThat(managementService.createJobQuery().processInstanceId(processInstanceId)
        .activityId(AgencyAssignmentProcess.TASK_DELIVER_REPORT).count()).isEqualTo(1);
    executeAsyncJobs();
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    assertThat(instance.getEndTime()).as("agency-assignment ended after delivering the report").isNotNull();
    assertThat(instance.getEndActivityId()).isEqualTo(AgencyAssignmentProcess.END_EVENT);
  }

  private static Map<String, Object> expectedReport() {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("bullet1Result", BULLET1_RESULT);
    report.put("bullet2Result", BULLET2_RESULT);
    report.put("bullet3Result", BULLET3_RESULT);
    report.put("overallResult", OVERALL_RESULT);
    report.put("difficulties", DIFFICULTIES);
    report.put("proposals", PROPOSALS);
    report.put("completionStatus", AgencyAssignmentProcess.STATUS_COMPLETED);
    report.put("contactPerson", CONTACT_PERSON);
    report.put("contactPhone", CONTACT_PHONE);
    return report;
  }

  private Map<String, Object> historicVariables(String processInstanceId) {
    List<HistoricVariableInstance> list = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).list();
    Map<String, Object> byName = new LinkedHashMap<>();
    list.forEach(v -> byName.put(v.getName(), v.getValue()));
    return byName;
  }

  // ---- Tasklist, as a user goes through it

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

  /** Finds the task by its name in the list, going through the list's pages if there are several. */
  private void openTask(String name, String taskId) {
    By link = By.xpath("//div[@cam-tasks]//ol[contains(@class, 'tasks-list')]/li//h4[contains(@class, 'task')]"
        + "/a[normalize-space(.) = " + literal(name) + "]");
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
      assertThat(next).as("the task \"%s\" in the list (page %d, shown: %s)", name, page, taskNames()).isNotEmpty();
      assertThat(page).as("pages of tasks").isLessThan(50);
      scrollToCenter(next.get(0));
      next.get(0).click();
      waitFor("the next page of tasks").until(stalenessOf(rows.get(0)));
    }
    waitFor("the task " + taskId + " opened").until(urlContains("task=" + taskId));
    waitFor("the task's title").until(textToBe(TASK_TITLE, name));
  }

  private void claimIfNeeded(String taskId) {
    waitFor("the task's Camunda Form").until(visibilityOfElementLocated(CAMUNDA_FORM));
    // Tasklist shows the form of an unclaimed task, but disabled, with Complete greyed out.
    List<WebElement> claim = driver.findElements(CLAIM);
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
      waitFor("the claim done").until(invisibilityOfElementLocated(CLAIM));
    }
    waitFor("the form enabled after the claim").until(invisibilityOfElementLocated(DISABLED_FORM));
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(AGENCY);
  }

  /** What the form shows of the assignment, readonly. */
  private void checkReadonlyPart(String processInstanceId) {
    assertReadonly("Field_DirectiveNumber", DIRECTIVE_NUMBER);
    assertReadonly("Field_ItemNumber", String.valueOf(ITEM));
    for (int n = 1; n <= 3; n++) {
      assertReadonly("Field_Bullet" + n, (String) runtimeService.getVariable(processInstanceId, "bullet" + n));
    }
    // The item has three bullets: no fourth one, nor a result field for it.
    assertThat(driver.findElements(field("Field_Bullet4"))).isEmpty();
    assertThat(driver.findElements(field("Field_Bullet4Result"))).isEmpty();
    // The way to attach the signed file: a link from the form to Cascade's upload page.
    long assignmentId = (Long) runtimeService.getVariable(processInstanceId, "assignmentId");
    assertThat(driver.findElements(org.openqa.selenium.By.cssSelector(
        "form.fjs-form a[href$='/assignments/" + assignmentId + "/attachments']"))).hasSize(1);
  }

  private void assertReadonly(String componentId, String value) {
    WebElement element = waitFor(componentId).until(visibilityOfElementLocated(field(componentId)));
    assertThat(element.getDomProperty("readOnly")).as("%s is readonly", componentId).isEqualTo("true");
    assertThat(element.getDomProperty("value")).as("%s shows", componentId).isEqualTo(value);
  }

  private void fillReport() {
    type("Field_Bullet1Result", BULLET1_RESULT);
    type("Field_Bullet2Result", BULLET2_RESULT);
    type("Field_Bullet3Result", BULLET3_RESULT);
    type("Field_OverallResult", OVERALL_RESULT);
    type("Field_Difficulties", DIFFICULTIES);
    type("Field_Proposals", PROPOSALS);
    choose("Field_CompletionStatus", "Đã hoàn thành");
    type("Field_ContactPerson", CONTACT_PERSON);
    type("Field_ContactPhone", CONTACT_PHONE);
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

  private void type(String componentId, String text) {
    WebElement element = waitFor(componentId).until(elementToBeClickable(field(componentId)));
    scrollToCenter(element);
    element.click();
    element.sendKeys(text);
    waitFor(componentId + " holding what was typed")
        .ignoring(StaleElementReferenceException.class)
        .until(d -> text.equals(d.findElement(field(componentId)).getDomProperty("value")));
    // Leave the field as users do. Observed otherwise: with a field focused and the task pane
    // scrolled to its end, the mouse-down of the next click (which blurs the field) scrolls the
    // pane back by some 57 px, so the mouse-up lands elsewhere and the click is lost.
    driver.findElement(field(componentId)).sendKeys(Keys.TAB);
  }

  private void choose(String componentId, String label) {
    // form-js: <label for="fjs-form-<random>-<component id>-<n>"><input type="radio">label</label>
    By option = By.xpath("//div[@cam-tasklist-task]//form[contains(@class, 'fjs-form')]//label[contains(@for, '-"
        + componentId + "-') and normalize-space(.) = " + literal(label) + "]");
    WebElement labelElement = waitFor(componentId + " option " + label).until(elementToBeClickable(option));
    WebElement radio = labelElement.findElement(By.cssSelector("input[type='radio']"));
    scrollToCenter(labelElement);
    labelElement.click();
    waitFor(componentId + " option " + label + " chosen").until(elementSelectionStateToBe(radio, true));
  }

  /**
   * Selenium scrolls an element only just into the window, where Tasklist's fixed footer ("Date
   * and Time displayed in local timezone") may lie over it (the Complete button, the list's
   * pagination); a user would scroll further.
   */
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
}
