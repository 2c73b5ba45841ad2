package vn.cascade.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import vn.cascade.TestDocuments;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.agency.AgencyKind;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveProcess;
import vn.cascade.directive.DirectiveService;

/**
 * Sizes and mistakes people make: directives with 1 and 500 assignments, texts too long for the
 * engine, a report sent twice (one after the other, or at the same moment), a report sent after
 * its task closed, a body of unknown length. Each gets a clear answer and leaves the data as it was.
 */
class BadInputTest extends CascadeIntegrationTest {

  private static final String AGENCY = "so-tp";
  private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired AgencyDirectory agencies;
  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  private Assignment issueOne() {
    clock.set(NOW);
    Directive d = directives.issue(TestDocuments.directive(LocalDate.of(2026, 12, 1), AGENCY));
    return assignments.ofDirective(d.id()).get(0);
  }

  private Task reportTask(Assignment a) {
    return driver().taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS);
  }

  /** What Tasklist sends when a form is submitted: every field as a typed variable. */
  private ResponseEntity<JsonNode> submit(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v, "type", v instanceof Boolean ? "Boolean" : "String")));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/submit-form",
        new HttpEntity<>(Map.of("variables", variables), headers), JsonNode.class);
  }

  private static void assertProblem(ResponseEntity<JsonNode> response, int status, String detailPart) {
    assertThat(response.getStatusCode().value()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(response.getBody().get("detail").asText()).contains(detailPart);
    assertThat(response.getBody().get("message").asText()).isEqualTo(response.getBody().get("detail").asText());
    assertThat(response.getBody().toString()).doesNotContain("ENGINE-", "SQL", "Exception");
  }

  @Test
  void aDirectiveWithOneAssignmentRunsItsWholeCourse() {
    Assignment a = issueOne();
    assertThat(assignments.ofDirective(a.directiveId())).hasSize(1);

    driver().reportAndAccept(AGENCY, a.processInstanceId(), TestDocuments.report("Đã hoàn thành.", "Xong."));

    Directive d = directives.get(a.directiveId());
    assertThat(assignments.find(a.id()).orElseThrow().reported()).isTrue();
    assertThat(taskService.createTaskQuery().processInstanceId(d.processInstanceId())
        .taskDefinitionKey(DirectiveProcess.TASK_COLLECT_REPORTS).count()).isOne();
  }

  @Test
  void aDirectiveWithFiveHundredAssignmentsIsIssuedWhole() {
    clock.set(NOW);
    List<String> codes = agencies.ofKind(AgencyKind.DEPARTMENT).stream().map(x -> x.code()).limit(20).toList();
    assertThat(codes).hasSize(20);
    DirectiveDraft base = TestDocuments.directive(LocalDate.of(2026, 12, 1), AGENCY);
    List<DirectiveDraft.Item> items = new ArrayList<>();
    for (int n = 1; n <= 25; n++) { // 25 items × 20 departments
      items.add(new DirectiveDraft.Item(n, "Nhiệm vụ " + n, codes, List.of(1),
          List.of(new DirectiveDraft.Bullet("Thực hiện nội dung " + n + ".", List.of()))));
    }
    ObjectNode body = json.valueToTree(base);
    body.set("items", json.valueToTree(items));
    long started = System.nanoTime();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> created = http.withBasicAuth("vp-ubnd", "demo")
        .postForEntity("/api/directives", new HttpEntity<>(body.toString(), headers), JsonNode.class);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    JsonNode read = http.withBasicAuth("vp-ubnd", "demo").getForObject(created.getHeaders().getLocation(), JsonNode.class);
    assertThat(read.get("assignmentCount").asInt()).isEqualTo(500);
    long id = read.get("id").asLong();
    List<Assignment> rows = assignments.ofDirective(id);
    assertThat(rows).hasSize(500).allSatisfy(a -> assertThat(a.processInstanceId()).isNotNull());
    assertThat(rows.stream().map(Assignment::processInstanceId).distinct().count()).isEqualTo(500);
    assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(directives.get(id).processInstanceId())
        .count()).isEqualTo(500);
    System.out.printf("A directive with 500 assignments was issued in %d ms%n", millis);
  }

  @Test
  void aTextLongerThanTheEngineKeepsIsRefusedNamingItsFieldAndNothingIsStored() {
    Assignment a = issueOne();
    Task task = reportTask(a);
    String tooLong = "Kết quả. ".repeat(445) + "x"; // 4,006 characters
    Map<String, Object> report = TestDocuments.report(tooLong, "Xong.");

    ResponseEntity<JsonNode> refused = submit(AGENCY, task.getId(), report);

    assertProblem(refused, 400, "«Kết quả thực hiện chung» có 4.006 ký tự");
    assertThat(refused.getBody().get("detail").asText()).contains("tối đa 4.000 ký tự");
    assertThat(reportTask(a)).isNotNull();
    assertThat(assignments.versions(a.id())).isEmpty();

    String longest = "ả".repeat(4000);
    assertThat(submit(AGENCY, task.getId(), TestDocuments.report(longest, "Xong.")).getStatusCode().value()).isEqualTo(204);
    assertThat(assignments.versions(a.id())).singleElement()
        .satisfies(v -> assertThat(v.report().get("overallResult")).isEqualTo(longest));
  }

  @Test
  void aReviewerReturningWithoutAReasonGetsTheRuleNotTheEnginesWrapping() {
    Assignment a = issueOne();
    submit(AGENCY, reportTask(a).getId(), TestDocuments.report("Bản đầu.", "Xong."));
    Task review = driver().taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REVIEW_REPORT);

    ResponseEntity<JsonNode> refused = submit("so-khdt", review.getId(), Map.of("reviewDecision", "return", "reviewComment", ""));

    assertProblem(refused, 400, "Khi trả lại, vui lòng ghi rõ lý do");
    assertThat(driver().taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REVIEW_REPORT)).isNotNull();
  }

  @Test
  void aReportSentTwiceOneAfterTheOtherIsRecordedOnce() {
    Assignment a = issueOne();
    String taskId = reportTask(a).getId();
    assertThat(submit(AGENCY, taskId, TestDocuments.report("Lần bấm thứ nhất.", "Xong.")).getStatusCode().value())
        .isEqualTo(204);

    ResponseEntity<JsonNode> again = submit(AGENCY, taskId, TestDocuments.report("Lần bấm thứ hai.", "Xong."));

    assertProblem(again, 409, "Nhiệm vụ này đã kết thúc");
    assertThat(assignments.versions(a.id())).singleElement()
        .satisfies(v -> assertThat(v.report().get("overallResult")).isEqualTo("Lần bấm thứ nhất."));
    assertThat(taskService.createTaskQuery().processInstanceId(a.processInstanceId())
        .taskDefinitionKey(AgencyAssignmentProcess.TASK_REVIEW_REPORT).count()).isOne();
  }

  @Test
  void aReportSentTwiceAtTheSameMomentIsRecordedOnceAndTheOtherClickIsTold() throws Exception {
    Assignment a = issueOne();
    String taskId = reportTask(a).getId();
    List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
    ExecutorService clicks = Executors.newFixedThreadPool(2);
    try {
      List<Future<ResponseEntity<JsonNode>>> both = List.of(
          clicks.submit(() -> submit(AGENCY, taskId, TestDocuments.report("Bấm lần một.", "Xong."))),
          clicks.submit(() -> submit(AGENCY, taskId, TestDocuments.report("Bấm lần hai.", "Xong."))));
      for (Future<ResponseEntity<JsonNode>> answer : both) {
        answers.add(answer.get());
      }
    } finally {
      clicks.shutdown();
    }

    assertThat(answers).filteredOn(r -> r.getStatusCode().value() == 204).hasSize(1);
    ResponseEntity<JsonNode> other = answers.stream().filter(r -> r.getStatusCode().value() != 204).findFirst().orElseThrow();
    // Depending on which moment the second click meets the first: the task has just gone, or both are in flight.
    assertThat(other.getStatusCode().value()).isEqualTo(409);
    assertThat(other.getBody().get("detail").asText()).containsAnyOf("vừa được gửi", "đã kết thúc");
    assertThat(other.getBody().toString()).doesNotContain("SQL", "ENGINE-");
    assertThat(assignments.versions(a.id())).hasSize(1);
    assertThat(taskService.createTaskQuery().processInstanceId(a.processInstanceId())
        .taskDefinitionKey(AgencyAssignmentProcess.TASK_REVIEW_REPORT).count()).isOne();
  }

  @Test
  void aReportSentAfterTheAssignmentClosedIsRefusedAndChangesNothing() {
    Assignment a = issueOne();
    String taskId = reportTask(a).getId();
    String extensionTaskId = driver().taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REQUEST_EXTENSION).getId();
    driver().reportAndAccept(AGENCY, a.processInstanceId(), TestDocuments.report("Đã xong.", "Xong."));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(a.processInstanceId()).count()).isZero();
    Instant reportedAt = assignments.find(a.id()).orElseThrow().reportedAt();

    assertProblem(submit(AGENCY, taskId, TestDocuments.report("Gửi muộn sau khi đã đóng.", "Xong.")), 409,
        "Nhiệm vụ này đã kết thúc");
    assertProblem(submit(AGENCY, extensionTaskId, Map.of("requestedDeadline", "2026-12-30", "extensionReason", "Muộn.")),
        409, "Nhiệm vụ này đã kết thúc");

    Assignment after = assignments.find(a.id()).orElseThrow();
    assertThat(after.reportedAt()).isEqualTo(reportedAt);
    assertThat(assignments.versions(a.id())).singleElement()
        .satisfies(v -> assertThat(v.report().get("overallResult")).isEqualTo("Đã xong."));
  }

  @Test
  void aBodyOfUnknownLengthIsReadUpToTheLimitAndRefusedBeyondIt() throws IOException {
    String small = json.writeValueAsString(Map.of("variables", Map.of()));
    assertThat(postChunked("/engine-rest/task/khong-co/submit-form", small).status()).isEqualTo(409);

    String big = "{\"variables\":{\"x\":{\"value\":\"" + "a".repeat(1_100_000) + "\",\"type\":\"String\"}}}";
    Answer refused = postChunked("/engine-rest/task/khong-co/submit-form", big);
    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.body()).contains("Dữ liệu quá lớn");
  }

  private record Answer(int status, String body) {}

  private Answer postChunked(String path, String body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create("http://localhost:" + port + path).toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setChunkedStreamingMode(8192);
    c.setRequestProperty("Content-Type", "application/json");
    c.setRequestProperty("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((AGENCY + ":demo").getBytes(StandardCharsets.UTF_8)));
    try (OutputStream out = c.getOutputStream()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    } catch (IOException closedEarly) {
      // The server may answer 413 and close before the whole body is written.
    }
    int status = c.getResponseCode();
    InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    if (in != null) {
      in.transferTo(answer);
    }
    return new Answer(status, answer.toString(StandardCharsets.UTF_8));
  }
}
