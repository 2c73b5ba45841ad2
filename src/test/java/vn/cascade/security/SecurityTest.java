package vn.cascade.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.cascade.TestDocuments.directive;
import static vn.cascade.TestDocuments.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveService;
import vn.cascade.reminder.DigestComposer;
import vn.cascade.reminder.NotificationKind;

/** Nobody sees or changes what is not theirs. */
class SecurityTest extends CascadeIntegrationTest {

  @Autowired TestRestTemplate anonymous;
  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired DigestComposer composer;

  private Directive issue(String... agencies) {
    return directives.issue(directive(LocalDate.now(clock), agencies));
  }

  @Test
  void anonymousRequestsGet401AndNeverData() {
    ResponseEntity<String> api = anonymous.getForEntity("/api/directives", String.class);
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(api.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(api.getBody()).contains("Chưa đăng nhập").doesNotContain("8888");

    ResponseEntity<String> rest = anonymous.getForEntity("/engine-rest/task", String.class);
    assertThat(rest.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getBody() == null ? "" : rest.getBody()).doesNotContain("taskDefinitionKey");

    // A browser is sent to the Vietnamese login page (the client follows the redirect).
    ResponseEntity<String> outbox = anonymous.getForEntity("/outbox", String.class);
    assertThat(outbox.getBody()).contains("Đăng nhập").doesNotContain("Nhắc hạn");
  }

  /** thanh-tra waits a second before its next try from this address (LoginThrottle): no other test uses it. */
  @Test
  void aWrongPasswordIsRefused() {
    ResponseEntity<String> api = anonymous.withBasicAuth("thanh-tra", "sai-mat-khau").getForEntity("/api/directives", String.class);
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void engineRestAnswersWithAPasswordAndShowsAnAgencyOnlyItsOwnTasks() {
    Directive d = issue("ca-tinh", "ubnd-long-khanh");
    Assignment police = assignments.ofDirective(d.id()).stream().filter(a -> a.agencyCode().equals("ca-tinh"))
        .findFirst().orElseThrow();
    String policeTask = taskOf(police.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS).getId();
    TestRestTemplate district = anonymous.withBasicAuth("ubnd-long-khanh", "demo");

    JsonNode tasks = district.getForObject("/engine-rest/task?maxResults=200", JsonNode.class);
    assertThat(tasks).isNotEmpty();
    for (JsonNode task : tasks) {
      assertThat(taskService.getIdentityLinksForTask(task.get("id").asText()))
          .as("every task the district sees is its own").anyMatch(l -> "ubnd-long-khanh".equals(l.getGroupId()));
    }
    assertThat(district.getForEntity("/engine-rest/task/" + policeTask, String.class).getStatusCode().value())
        .isIn(403, 404);
    assertThat(district.getForEntity("/engine-rest/task/" + policeTask + "/variables", String.class)
        .getStatusCode().value()).isIn(403, 404);
    assertThat(anonymous.withBasicAuth("ca-tinh", "demo").getForEntity("/engine-rest/task/" + policeTask + "/variables",
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(anonymous.withBasicAuth("vp-ubnd", "demo").getForEntity("/engine-rest/task/" + policeTask,
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void anAgencyCannotCompleteAnotherAgencysReport() {
    Directive d = issue("ca-tinh");
    Task police = taskOf(assignments.ofDirective(d.id()).get(0).processInstanceId(),
        AgencyAssignmentProcess.TASK_REPORT_RESULTS);
    identityService.setAuthentication("ubnd-long-khanh", List.of("ubnd-long-khanh"));
    try {
      assertThatThrownBy(() -> taskService.complete(police.getId(), report("Giả mạo.")))
          .hasMessageContaining("ubnd-long-khanh");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(assignments.ofDirective(d.id()).get(0).reported()).isFalse();
  }

  @Test
  void anAgencyCannotClaimOrReassignAnotherAgencysTaskNorReadItsProcessInstance() {
    Directive d = issue("ca-tinh");
    Assignment police = assignments.ofDirective(d.id()).get(0);
    Task task = taskOf(police.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS);
    identityService.setAuthentication("ubnd-long-khanh", List.of("ubnd-long-khanh"));
    try {
      assertThatThrownBy(() -> taskService.claim(task.getId(), "ubnd-long-khanh")).hasMessageContaining("ubnd-long-khanh");
      assertThatThrownBy(() -> taskService.setAssignee(task.getId(), "ubnd-long-khanh"))
          .hasMessageContaining("ubnd-long-khanh");
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(police.processInstanceId()).count())
          .isZero();
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    TestRestTemplate district = anonymous.withBasicAuth("ubnd-long-khanh", "demo");
    assertThat(district.getForEntity("/engine-rest/process-instance/" + police.processInstanceId(), String.class)
        .getStatusCode().value()).isIn(403, 404);
    assertThat(district.getForEntity("/engine-rest/process-instance/" + police.processInstanceId() + "/variables",
        String.class).getStatusCode().value()).isIn(403, 404);
    assertThat(anonymous.withBasicAuth("ca-tinh", "demo").getForEntity("/engine-rest/process-instance/"
        + police.processInstanceId(), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void anAgencyReadsADirectiveOnlyThroughItsOwnRowsAndCannotIssueOne() {
    Directive d = issue("ca-tinh", "ubnd-long-khanh");
    JsonNode seen = anonymous.withBasicAuth("ubnd-long-khanh", "demo").getForObject("/api/directives/" + d.id(),
        JsonNode.class);
    assertThat(seen.get("assignments")).hasSize(1);
    assertThat(seen.get("assignments").get(0).get("agency").asText()).isEqualTo("ubnd-long-khanh");
    assertThat(anonymous.withBasicAuth("so-yt", "demo").getForEntity("/api/directives/" + d.id(), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> issued = anonymous.withBasicAuth("ubnd-long-khanh", "demo").exchange("/api/directives",
        HttpMethod.POST, new HttpEntity<>("{}", headers), String.class);
    assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aReportCompletedWithAnotherAssignmentsIdIsRefusedAndRecordsNothing() {
    Directive d = issue("so-yt", "ca-tinh");
    Assignment health = assignments.ofDirective(d.id()).get(0);
    Assignment police = assignments.ofDirective(d.id()).get(1);
    Map<String, Object> tampered = new HashMap<>(report("Báo cáo của Sở Y tế."));
    tampered.put("assignmentId", police.id());
    // The instance has no assignmentId variable (its assignment is its row's link), so the key is foreign to the form.
    assertThatThrownBy(() -> completeAs("so-yt",
        taskOf(health.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS), tampered))
        .hasMessageContaining("biểu mẫu này không có trường assignmentId");
    executeAsyncJobs();

    assertThat(taskOf(health.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS)).isNotNull();
    assertThat(assignments.find(health.id()).orElseThrow().reported()).isFalse();
    assertThat(assignments.find(police.id()).orElseThrow().reported()).isFalse();
    assertThat(runtimeService.getVariables(health.processInstanceId())).isEmpty();
  }

  @Test
  void theFirstUserSetupCannotCreateAnAdministratorOnceOneExists() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = "{\"profile\":{\"id\":\"ke-xam-nhap\",\"firstName\":\"K\",\"lastName\":\"X\",\"email\":\"k@x.example\"},"
        + "\"credentials\":{\"password\":\"mat-khau-rat-dai-123\"}}";
    ResponseEntity<String> setup = anonymous.exchange("/camunda/api/admin/setup/default/user/create", HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
    assertThat(setup.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(identityService.createUserQuery().userId("ke-xam-nhap").count()).isZero();
  }

  @Test
  void textsTypedInDecomposedFormAreStoredComposed() {
    DirectiveDraft draft = directive(LocalDate.now(clock), "so-yt");
    String decomposed = Normalizer.normalize("Triển khai Kết luận về Đồng Nai", Normalizer.Form.NFD);
    assertThat(decomposed).isNotEqualTo("Triển khai Kết luận về Đồng Nai");
    Directive d = directives.issue(draft.withMetadata(draft.number(), draft.issuedOn(), decomposed,
        draft.reportDeadline(), draft.summaryDeadline()));
    assertThat(directives.get(d.id()).title()).isEqualTo("Triển khai Kết luận về Đồng Nai");
  }

  @Test
  void scriptTypedByAnAgencyStaysTextInTheMail() {
    var item = new DirectiveDraft.Item(1, "<script>alert('x')</script> <b>Giao</b>", List.of("so-yt"),
        List.of(1), List.of(new DirectiveDraft.Bullet("Báo cáo", List.of())));
    Directive d = directives.issue(directive(LocalDate.now(clock), List.of(item)));
    var a = assignments.ofDirective(d.id()).get(0);
    var mail = composer.agencyDigest(a.agencyCode(), LocalDate.now(clock),
        List.of(composer.line(a, directives.get(d.id()), NotificationKind.REMINDER, 7, 0, "http://localhost/")));
    assertThat(mail.html()).doesNotContain("<script>", "<b>").contains("&lt;script&gt;");
  }

  @Test
  void anOversizedPayloadIsRefused() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String big = "{\"title\":\"" + "a".repeat(2_000_000) + "\"}";
    ResponseEntity<String> response = anonymous.withBasicAuth("vp-ubnd", "demo").exchange("/api/directives",
        HttpMethod.POST, new HttpEntity<>(big, headers), String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(413);
    assertThat(response.getBody()).contains("Dữ liệu quá lớn");
  }

  @Test
  void outsideTheDemoProfileAWeakAdministratorPasswordStopsTheStart() {
    assertThatThrownBy(() -> ProductionSafety.check(null, null)).hasMessageContaining("no administrator");
    assertThatThrownBy(() -> ProductionSafety.check("quantri", "")).hasMessageContaining("no password");
    assertThatThrownBy(() -> ProductionSafety.check("quantri", "QUANTRI")).hasMessageContaining("equals its user id");
    assertThatThrownBy(() -> ProductionSafety.check("quantri", "ngan-qua")).hasMessageContaining("shorter than 12");
    ProductionSafety.check("quantri", "mot-mat-khau-du-dai");
  }
}
