package vn.cascade.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;
import static vn.cascade.browser.TasklistPage.field;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;

/**
 * An agency officer reports on item 2 of Công văn 8888/UBND-THNC the way users do: in Camunda
 * Tasklist, through the Camunda Form of the task, in a real (headless) Chromium.
 *
 * <p>Tasklist is driven through {@link TasklistPage}, which describes the selectors.
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

  @Autowired AssignmentRepository assignments;

  private Browser browser;
  private WebDriver driver;
  private TasklistPage tasklist;

  @BeforeEach
  void openBrowser() throws Exception {
    // Here rather than in @BeforeAll, so that surefire reports the test as skipped, with the reason.
    Browser.requireInstalled();
    browser = Browser.start();
    driver = browser.driver();
    tasklist = new TasklistPage(browser, baseUrl(), taskService);
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
        .processInstanceIdIn(assignmentInstances(DIRECTIVE_NUMBER, ITEM, AGENCY).toArray(String[]::new))
        .singleResult();
    assertThat(task).as("the open report task of %s on item %d of %s (demo data)", AGENCY, ITEM, DIRECTIVE_NUMBER)
        .isNotNull();
    assertThat(task.getName()).isEqualTo(TASK_NAME);
    assertThat(task.getAssignee()).as("nobody has claimed the task yet").isNull();
    String processInstanceId = task.getProcessInstanceId();
    long assignmentId = assignments.ofProcessInstance(processInstanceId).orElseThrow().id();
    Instant submittedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clock.set(submittedAt);

    try {
      tasklist.logIn(AGENCY, PASSWORD);
      tasklist.openFilter(FILTER_NAME);
      tasklist.openTask(TASK_NAME, task.getId());
      tasklist.claimIfNeeded();
      assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(AGENCY);
      checkReadonlyPart(processInstanceId);
      fillReport();
      tasklist.complete(task.getId());
    } catch (RuntimeException | Error e) {
      browser.saveArtifacts(getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName());
      throw e;
    }

    // The engine: the task is done, by the officer who claimed it; what was typed is in its history.
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
    assertThat(done.getEndTime()).isNotNull();
    assertThat(done.getDeleteReason()).isEqualTo("completed");
    assertThat(done.getAssignee()).isEqualTo(AGENCY);

    Map<String, Object> variables = historicVariables(processInstanceId);
    Map<String, Object> report = expectedReport();
    assertThat(variables).containsAllEntriesOf(report);
    // Only what the officer typed was submitted: nothing the form merely shows, no hidden field (the item
    // has three bullets), and once recorded the answers are not variables of the instance any more.
    // (Beside them, when the item names coordinating agencies: the engine's own multi-instance counters of
    // the contribution tasks. The instance has no variable of its own: its assignment is its row's link.)
    java.util.Set<String> ours = new java.util.TreeSet<>(variables.keySet());
    ours.removeAll(java.util.Set.of("contributor", "loopCounter", "nrOfInstances",
        "nrOfActiveInstances", "nrOfCompletedInstances"));
    assertThat(ours).containsExactlyInAnyOrderElementsOf(report.keySet());
    assertThat(runtimeService.getVariables(processInstanceId)).doesNotContainKeys(report.keySet().toArray(String[]::new));

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
    // It ends in the acceptance's event subprocess, through the delivery's end event.
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .activityId(AgencyAssignmentProcess.END_EVENT).finished().count()).isOne();
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
        .processInstanceId(processInstanceId).includeDeleted().list();
    Map<String, Object> byName = new LinkedHashMap<>();
    list.forEach(v -> byName.put(v.getName(), v.getValue()));
    return byName;
  }

  // ---- The report task's form, in Tasklist

  /** What the form shows of the assignment, readonly. */
  private void checkReadonlyPart(String processInstanceId) {
    String shown = tasklist.formText();
    assertThat(shown).contains("Số văn bản: " + DIRECTIVE_NUMBER, "Nhiệm vụ số: " + ITEM)
        .as("templates rendered, escapes not shown").doesNotContain("{{", "\\");
    Task task = taskOf(processInstanceId, AgencyAssignmentProcess.TASK_REPORT_RESULTS);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> bullets = (List<Map<String, Object>>) viewOf(task).get("bullets");
    assertThat(bullets).hasSize(3);
    for (Map<String, Object> bullet : bullets) {
      assertThat(shown).contains("Nội dung " + bullet.get("n") + ": " + ((String) bullet.get("text")).replaceAll("\\s+", " "));
    }
    // The item has three bullets: no result field for a fourth.
    assertThat(driver.findElements(field("Field_Bullet3Result"))).hasSize(1);
    assertThat(driver.findElements(field("Field_Bullet4Result"))).isEmpty();
    // The way to attach the signed file: a link from the form to Cascade's upload page.
    long assignmentId = assignments.ofProcessInstance(processInstanceId).orElseThrow().id();
    assertThat(driver.findElements(org.openqa.selenium.By.cssSelector(
        "form.fjs-form a[href$='/assignments/" + assignmentId + "/attachments']"))).hasSize(1);
  }

  private void fillReport() {
    tasklist.type("Field_Bullet1Result", BULLET1_RESULT);
    tasklist.type("Field_Bullet2Result", BULLET2_RESULT);
    tasklist.type("Field_Bullet3Result", BULLET3_RESULT);
    tasklist.type("Field_OverallResult", OVERALL_RESULT);
    tasklist.type("Field_Difficulties", DIFFICULTIES);
    tasklist.type("Field_Proposals", PROPOSALS);
    tasklist.choose("Field_CompletionStatus", "Đã hoàn thành");
    tasklist.type("Field_ContactPerson", CONTACT_PERSON);
    tasklist.type("Field_ContactPhone", CONTACT_PHONE);
  }
}
