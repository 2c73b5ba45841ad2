package vn.cascade.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.cascade.TestDocuments.directive;
import static vn.cascade.TestDocuments.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.assignment.ContributionRepository;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveService;

/**
 * The attacks of issue 17 on a task's boundary, made as the agencies' own demo accounts would make
 * them over {@code /engine-rest} (and the Java API): only what a person types crosses it; who
 * reviews, who contributes, what is chased and where a link points come from Cascade's tables.
 */
class TrustBoundaryTest extends CascadeIntegrationTest {

  @org.junit.jupiter.api.extension.RegisterExtension
  static com.icegreen.greenmail.junit5.GreenMailExtension smtp =
      new com.icegreen.greenmail.junit5.GreenMailExtension(vn.cascade.TestSmtp.SETUP);

  @Autowired TestRestTemplate http;
  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired ContributionRepository contributions;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private Assignment issue(String agency) {
    Directive d = directives.issue(directive(LocalDate.now(clock), agency));
    return assignments.ofDirective(d.id()).get(0);
  }

  /** so-tnmt leads item 1 with one bullet that ubnd-long-thanh and ubnd-long-khanh coordinate. */
  private Assignment issueWithContributors() {
    var item = new DirectiveDraft.Item(1, "Giao Sở Tài nguyên và Môi trường", List.of("so-tnmt"), List.of(3), List.of(
        new DirectiveDraft.Bullet("Bồi thường, tái định cư.", List.of("ubnd-long-thanh", "ubnd-long-khanh"))));
    Directive d = directives.issue(directive(LocalDate.now(clock), List.of(item)));
    return assignments.ofDirective(d.id()).get(0);
  }

  private Task contributionOf(Assignment lead, String agency) {
    return taskService.createTaskQuery().processInstanceId(lead.processInstanceId())
        .taskDefinitionKey(AgencyAssignmentProcess.TASK_CONTRIBUTE).taskCandidateGroup(agency).singleResult();
  }

  /** Claims the task and submits the form over {@code /engine-rest}, as its agency. */
  private ResponseEntity<String> submit(String user, String taskId, Map<String, Object> values) {
    TestRestTemplate as = http.withBasicAuth(user, "demo");
    as.postForEntity("/engine-rest/task/" + taskId + "/claim", jsonBody(Map.of("userId", user)), String.class);
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return as.postForEntity("/engine-rest/task/" + taskId + "/submit-form", jsonBody(Map.of("variables", variables)),
        String.class);
  }

  private static HttpEntity<Object> jsonBody(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> m = new HashMap<>(base);
    m.put(key, value);
    return m;
  }

  private void assertRefusedNaming(ResponseEntity<String> response, String key) throws Exception {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    JsonNode problem = json.readTree(response.getBody());
    assertThat(problem.path("detail").asText()).contains(key);
  }

  private int versionsOf(Assignment a) {
    return jdbc.sql("select count(*) from cascade_report_version where assignment_id = :a").param("a", a.id())
        .query(Integer.class).single();
  }

  @Test
  void anAgencyCannotNameItselfTheReviewerOfItsOwnReport() throws Exception {
    Assignment a = issue("so-yt");
    Task task = taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS);

    ResponseEntity<String> attack = submit("so-yt", task.getId(), with(report("Tự duyệt."), "reviewingAgency", "so-yt"));

    assertRefusedNaming(attack, "reviewingAgency");
    assertThat(versionsOf(a)).as("nothing stored").isZero();
    assertThat(taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS)).isNotNull();
    assertThat(submit("so-yt", task.getId(), report("Báo cáo thật.")).getStatusCode().value()).isEqualTo(204);
    Task review = taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REVIEW_REPORT);
    assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(l -> l.getGroupId())
        .containsExactly("so-khdt");
  }

  @Test
  void anAgencyCannotStoreVariablesByDelegatingItsTaskToItselfAndResolvingIt() {
    Assignment a = issue("so-yt");
    Task task = taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS);
    TestRestTemplate as = http.withBasicAuth("so-yt", "demo");
    String path = "/engine-rest/task/" + task.getId();

    // resolve takes variables but completes nothing, so no completion listener would see them.
    ResponseEntity<String> delegate = as.postForEntity(path + "/delegate", jsonBody(Map.of("userId", "so-yt")),
        String.class);
    ResponseEntity<String> resolve = as.postForEntity(path + "/resolve", jsonBody(Map.of("variables",
        Map.of("reviewingAgency", Map.of("value", "so-yt"), "note", Map.of("value", "x".repeat(5000))))),
        String.class);

    for (ResponseEntity<String> refused : List.of(delegate, resolve)) {
      assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(403);
      assertThat(refused.getBody()).contains("Không có quyền");
    }
    assertThat(runtimeService.getVariables(a.processInstanceId())).isEmpty();
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getDelegationState()).isNull();
  }

  @Test
  void aReportWithoutWhatTheFormRequiresIsRefusedNamingEachFieldAndNothingIsRecorded() throws Exception {
    Assignment a = issue("so-yt");
    Task task = taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS);

    // Tasklist will not send it; a crafted call did, and the report counted as submitted.
    ResponseEntity<String> bare = submit("so-yt", task.getId(), Map.of("overallResult", "x", "contactPhone", "  "));

    assertRefusedNaming(bare, "Người liên hệ");
    JsonNode fields = json.readTree(bare.getBody()).path("fields");
    assertThat(fields.findValuesAsText("field")).containsExactlyInAnyOrder("completionStatus", "contactPerson",
        "contactPhone");
    assertThat(versionsOf(a)).isZero();
    assertThat(assignments.find(a.id()).orElseThrow().submittedAt()).isNull();
    assertThat(taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS)).isNotNull();
    assertThat(submit("so-yt", task.getId(), report("Báo cáo đủ.")).getStatusCode().value()).isEqualTo(204);
  }

  @Test
  void theSameVariableSentThroughTheJavaApiIsRefusedAndNothingIsStored() {
    Assignment a = issue("so-yt");
    Task task = taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS);
    assertThatThrownBy(() -> completeAs("so-yt", task, with(report("Tự duyệt."), "reviewingAgency", "so-yt")))
        .hasMessageContaining("reviewingAgency");
    assertThat(versionsOf(a)).isZero();
    assertThat(runtimeService.getVariables(a.processInstanceId())).doesNotContainKey("reviewingAgency");
  }

  @Test
  void aCoordinatingAgencyCannotHijackTheReviewNorWriteIntoTheLeadsReport() throws Exception {
    Assignment lead = issueWithContributors();
    Task mine = contributionOf(lead, "ubnd-long-thanh");

    ResponseEntity<String> attack = submit("ubnd-long-thanh", mine.getId(), Map.of("contributionText", "Ý kiến.",
        "reviewingAgency", "ubnd-long-thanh", "overallResult", "Văn bản cài vào báo cáo của Sở."));

    assertRefusedNaming(attack, "reviewingAgency");
    assertThat(json.readTree(attack.getBody()).path("detail").asText()).contains("overallResult");
    assertThat(contributions.of(lead.id())).isEmpty();
    String leadForm = http.withBasicAuth("so-tnmt", "demo").getForObject("/engine-rest/task/"
        + taskOf(lead.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS).getId() + "/form-variables",
        String.class);
    assertThat(leadForm).doesNotContain("Văn bản cài vào");
  }

  @Test
  void aContributionIsRecordedUnderTheAgencyTheTaskWasGivenToWhateverItSends() throws Exception {
    Assignment lead = issueWithContributors();
    Task longKhanh = contributionOf(lead, "ubnd-long-khanh");

    assertRefusedNaming(submit("ubnd-long-khanh", longKhanh.getId(),
        Map.of("contributionText", "Ý kiến của Long Khánh.", "contributor", "ubnd-xuan-loc")), "contributor");
    assertThat(contributions.of(lead.id())).isEmpty();

    // Through the Java API the element variable exists already and may be overwritten: it is not trusted.
    completeAs("ubnd-long-khanh", longKhanh, Map.of("contributionText", "Ý kiến của Long Khánh.",
        "contributor", "ubnd-xuan-loc"));
    assertThat(contributions.of(lead.id())).singleElement()
        .satisfies(c -> assertThat(c.agencyCode()).isEqualTo("ubnd-long-khanh"));
  }

  @Test
  void aCoordinatingAgencyCannotPassItsContributionOffAsAnotherAgencysThroughTheTasksGroups() throws Exception {
    Assignment lead = issueWithContributors();
    Task longKhanh = contributionOf(lead, "ubnd-long-khanh");
    TestRestTemplate as = http.withBasicAuth("ubnd-long-khanh", "demo");
    String links = "/engine-rest/task/" + longKhanh.getId() + "/identity-links";
    as.postForEntity("/engine-rest/task/" + longKhanh.getId() + "/claim",
        jsonBody(Map.of("userId", "ubnd-long-khanh")), String.class);

    // Who contributes is the task's candidate group: adding another and dropping its own would make it Xuân Lộc's.
    ResponseEntity<String> add = as.postForEntity(links,
        jsonBody(Map.of("groupId", "ubnd-xuan-loc", "type", "candidate")), String.class);
    ResponseEntity<String> drop = as.postForEntity(links + "/delete",
        jsonBody(Map.of("groupId", "ubnd-long-khanh", "type", "candidate")), String.class);
    ResponseEntity<String> toTheReviewer = as.postForEntity("/engine-rest/task/"
        + taskOf(lead.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS).getId() + "/identity-links",
        jsonBody(Map.of("groupId", "ubnd-long-khanh", "type", "candidate")), String.class);

    for (ResponseEntity<String> refused : List.of(add, drop, toTheReviewer)) {
      assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(403);
      assertThat(refused.getBody()).contains("Không có quyền").doesNotContain("Exception");
    }
    assertThat(taskService.getIdentityLinksForTask(longKhanh.getId()))
        .filteredOn(l -> l.getGroupId() != null).extracting(l -> l.getGroupId()).containsExactly("ubnd-long-khanh");
    assertThat(submit("ubnd-long-khanh", longKhanh.getId(), Map.of("contributionText", "Ý kiến của Long Khánh.",
        "contributionContactPerson", "Trần Văn Bình", "contributionContactPhone", "0251 3872 111"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(contributions.of(lead.id())).singleElement()
        .satisfies(c -> assertThat(c.agencyCode()).isEqualTo("ubnd-long-khanh"));
  }

  @Test
  void aCoordinatingAgencyReadsNeitherTheLeadsAnswersNorItsContactDetails() {
    Assignment lead = issueWithContributors();
    reportAndReturn(lead);
    Task mine = contributionOf(lead, "ubnd-long-khanh");
    TestRestTemplate longKhanh = http.withBasicAuth("ubnd-long-khanh", "demo");

    for (String path : List.of("/variables", "/form-variables")) {
      ResponseEntity<String> seen = longKhanh.getForEntity("/engine-rest/task/" + mine.getId() + path, String.class);
      assertThat(seen.getStatusCode().value()).isEqualTo(200);
      assertThat(seen.getBody()).doesNotContain("Bản nháp của Sở", "Lê Thị Hồng", "0251 3822 505", "overallResult",
          "contactPhone");
    }
  }

  private void reportAndReturn(Assignment lead) {
    completeAs("so-tnmt", taskOf(lead.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS),
        report("Bản nháp của Sở, chưa đủ số liệu."));
    completeAs("so-khdt", taskOf(lead.processInstanceId(), AgencyAssignmentProcess.TASK_REVIEW_REPORT),
        Map.of("reviewDecision", "return", "reviewComment", "Bổ sung số liệu."));
  }

  @Test
  void aChaseSubjectSetOnItsOwnInstanceDoesNotUrgeAnotherAgency() {
    Assignment police = issue("ca-tinh");
    Assignment health = issue("so-yt");
    // What PUT /engine-rest/task/{own}/variables/chaseSubjectId does, made here behind the REST guard.
    String own = taskOf(health.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS).getId();
    taskService.setVariable(own, "chaseSubjectId", police.id());

    // The morning of health's first reminder: the morning run reads what is due from Cascade's tables.
    java.time.Instant due = jdbc.sql("select next_at from cascade_chase where subject = 'ASSIGNMENT' and subject_id = :id")
        .param("id", health.id()).query(java.sql.Timestamp.class).single().toInstant();
    // Police's own first reminder is a day later here, so that only what the variable claims could bring it in.
    jdbc.sql("update cascade_chase set fires_at = :later, next_at = :later where subject = 'ASSIGNMENT' and subject_id = :id")
        .param("later", java.sql.Timestamp.from(due.plus(java.time.Duration.ofDays(1)))).param("id", police.id()).update();
    clock.set(due);
    managementService.executeJob(managementService.createJobQuery()
        .processDefinitionKey(vn.cascade.reminder.MorningDigestProcess.KEY).timers().singleResult().getId());
    executeAsyncJobs();

    List<Long> chased = jdbc.sql("select subject_id from cascade_digest_item where subject = 'ASSIGNMENT' and subject_id in (:ids)")
        .param("ids", List.of(police.id(), health.id())).query(Long.class).list();
    assertThat(chased).isNotEmpty().containsOnly(health.id());
  }

  @Test
  void anAttachmentLinkSentWithAReportNeverReachesTheReviewersForm() throws Exception {
    Assignment a = issue("so-yt");
    Task task = taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS);
    assertRefusedNaming(submit("so-yt", task.getId(), with(report("Báo cáo."), "attachmentUrl",
        "https://evil.example/dang-nhap")), "attachmentUrl");

    // Even set as a variable behind the boundary, the link the reviewer gets is Cascade's own.
    runtimeService.setVariable(a.processInstanceId(), "attachmentUrl", "https://evil.example/dang-nhap");
    completeAs("so-yt", task, report("Báo cáo."));
    Task review = taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REVIEW_REPORT);
    JsonNode reviewForm = json.readTree(http.withBasicAuth("so-khdt", "demo").getForObject("/engine-rest/task/"
        + review.getId() + "/form-variables", String.class));
    assertThat(reviewForm.path("view").path("type").asText()).isEqualTo("Json");
    JsonNode shown = json.readTree(reviewForm.path("view").path("value").asText());
    assertThat(shown.path("attachmentUrl").asText()).isEqualTo("/assignments/" + a.id() + "/attachments");
    assertThat(shown.toString()).doesNotContain("evil.example");
  }

  @Test
  void aValueOfTheWrongKindIsRefusedNamingItsField() throws Exception {
    Assignment a = issue("so-yt");
    Task task = taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS);
    assertRefusedNaming(submit("so-yt", task.getId(), with(report("Báo cáo."), "overallResult", 42)),
        "Kết quả thực hiện chung");
    assertThat(versionsOf(a)).isZero();
  }

  @Test
  void aCompletionWritesToHistoryOnlyWhatThePersonTyped() {
    Assignment a = issue("so-yt");
    Task task = taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS);
    Set<String> before = historicNames(a);
    Map<String, Object> typed = report("Đã hoàn thành.", "Kết quả nội dung 1.");

    assertThat(submit("so-yt", task.getId(), typed).getStatusCode().value()).isEqualTo(204);

    Set<String> written = historicNames(a);
    written.removeAll(before);
    assertThat(written).isEqualTo(typed.keySet());
    assertThat(before).as("the instance holds no variable before the person types").isEmpty();
  }

  private Set<String> historicNames(Assignment a) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(a.processInstanceId()).includeDeleted().list()
        .stream().map(HistoricVariableInstance::getName).collect(Collectors.toCollection(java.util.TreeSet::new));
  }
}
