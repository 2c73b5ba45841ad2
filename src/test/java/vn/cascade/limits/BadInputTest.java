package vn.cascade.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import vn.cascade.attachment.UploadForm;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveProcess;
import vn.cascade.directive.DirectiveService;

/**
 * Sizes and mistakes people make: directives with 1 and 500 assignments, texts too long for the
 * engine, a report sent twice (one after the other, or at the same moment), a report sent after
 * its task closed, a body of unknown length; and what an attacker sends on purpose: texts longer than
 * their columns, dates of the year 999,999,999, values of the wrong JSON type, unknown fields, control
 * characters, huge Conclusions and directives, a forged Host header, odd file names. Each gets a clear
 * answer and leaves the data as it was.
 */
class BadInputTest extends CascadeIntegrationTest {

  @org.springframework.beans.factory.annotation.Autowired vn.cascade.assignment.ExtensionRequests extensionRequests;

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
    driver().reportAndAccept(AGENCY, a.processInstanceId(), TestDocuments.report("Đã xong.", "Xong."));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(a.processInstanceId()).count()).isZero();
    Instant reportedAt = assignments.find(a.id()).orElseThrow().reportedAt();

    assertProblem(submit(AGENCY, taskId, TestDocuments.report("Gửi muộn sau khi đã đóng.", "Xong.")), 409,
        "Nhiệm vụ này đã kết thúc");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> extensionRequests.request(a.id(), "2026-12-30", "Muộn.",
        AGENCY, java.util.Set.of(AGENCY))).hasMessageContaining("đã kết thúc");

    Assignment after = assignments.find(a.id()).orElseThrow();
    assertThat(after.reportedAt()).isEqualTo(reportedAt);
    assertThat(assignments.versions(a.id())).singleElement()
        .satisfies(v -> assertThat(v.report().get("overallResult")).isEqualTo("Đã xong."));
  }

  // ---- What an attacker sends on purpose (issue 17, "bad input, all of it") ----

  private ObjectNode aDirective() {
    clock.set(NOW);
    return json.valueToTree(TestDocuments.directive(LocalDate.of(2026, 12, 1), AGENCY));
  }

  private static ObjectNode firstItem(ObjectNode directive) {
    return (ObjectNode) directive.get("items").get(0);
  }

  private static ObjectNode firstBullet(ObjectNode directive) {
    return (ObjectNode) firstItem(directive).get("bullets").get(0);
  }

  private ResponseEntity<JsonNode> postAsOffice(String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth("vp-ubnd", "demo").postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private long rows(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  /** Posts the body and checks: 400 problem details naming each field, and no directive, Conclusion or process more. */
  private JsonNode refused(String path, String body, String... fields) {
    long directivesBefore = rows("cascade_directive");
    long conclusionsBefore = rows("cascade_conclusion");
    long processesBefore = runtimeService.createProcessInstanceQuery().count();

    ResponseEntity<JsonNode> response = postAsOffice(path, body);

    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    JsonNode problem = response.getBody();
    assertThat(problem.get("errors").findValuesAsText("field")).as("%s", problem).contains(fields);
    assertThat(problem.toString()).doesNotContain("SQL", "Exception", "jackson");
    assertThat(rows("cascade_directive")).isEqualTo(directivesBefore);
    assertThat(rows("cascade_conclusion")).isEqualTo(conclusionsBefore);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(processesBefore);
    return problem;
  }

  @Test
  void aDocumentNumberOrATextLongerThanItsColumnIsRefusedNamingTheFieldNotTheDatabase() {
    ObjectNode longNumber = aDirective();
    longNumber.put("number", "8888/" + "UBND-THNC-".repeat(10)); // 105 characters of the right pattern
    JsonNode problem = refused("/api/directives", longNumber.toString(), "number");
    assertThat(problem.get("detail").asText()).contains("Số văn bản dài quá 100 ký tự");

    ObjectNode body = aDirective();
    body.put("signer", "Nguyễn Văn A ".repeat(100));
    ((ArrayNode) body.get("recipients")).addObject().put("name", "Sở Tư pháp ".repeat(100)).put("purpose", "để thực hiện");
    firstItem(body).put("heading", "Tiêu đề ".repeat(200));

    refused("/api/directives", body.toString(), "signer", "recipients[0].name", "items[0].heading");
  }

  @Test
  void aDateOutsideTheYearsTwoThousandToTwentyOneHundredIsRefusedNamingItsField() {
    ObjectNode farFuture = aDirective();
    farFuture.put("reportDeadline", "+999999999-12-01");
    farFuture.put("summaryDeadline", "+999999999-12-21");
    refused("/api/directives", farFuture.toString(), "reportDeadline", "summaryDeadline");

    ObjectNode lastCentury = aDirective();
    lastCentury.put("issuedOn", "1999-12-31");
    JsonNode problem = refused("/api/directives", lastCentury.toString(), "issuedOn");
    assertThat(problem.get("detail").asText()).contains("01/01/2000", "31/12/2100");
  }

  @Test
  void aValueOfTheWrongJsonTypeIsRefusedNamingItsFieldInsteadOfBeingConverted() {
    ObjectNode fraction = aDirective();
    firstItem(fraction).put("number", 1.5);
    refused("/api/directives", fraction.toString(), "items[0].number");

    ObjectNode booleanTitle = aDirective();
    booleanTitle.put("title", true);
    refused("/api/directives", booleanTitle.toString(), "title");

    ObjectNode numberAsText = aDirective();
    firstBullet(numberAsText).put("text", 42);
    refused("/api/directives", numberAsText.toString(), "items[0].bullets[0].text");

    ObjectNode epochDays = aDirective();
    epochDays.put("issuedOn", 20261202);
    JsonNode problem = refused("/api/directives", epochDays.toString(), "issuedOn");
    assertThat(problem.get("errors").findValuesAsText("field")).containsOnly("issuedOn");

    // Camunda's REST API keeps its own mapper and reads what it read before.
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> camunda = http.withBasicAuth("vp-ubnd", "demo").postForEntity("/engine-rest/task/count",
        new HttpEntity<>("{\"processInstanceId\": \"khong-co\", \"khongCo\": 1.5}", headers), JsonNode.class);
    assertThat(camunda.getStatusCode().value()).isEqualTo(200);
    assertThat(camunda.getBody().get("count").asInt()).isZero();
  }

  @Test
  void anUnknownFieldIsRefusedNamingIt() {
    ObjectNode topLevel = aDirective();
    topLevel.put("reviewer", "so-tp");
    JsonNode problem = refused("/api/directives", topLevel.toString(), "reviewer");
    assertThat(problem.get("detail").asText()).contains("reviewer");

    ObjectNode nested = aDirective();
    // "deadline" is an item's own deadline; a misspelt one is no field.
    firstItem(nested).put("dueOn", "2026-12-05");
    refused("/api/directives", nested.toString(), "items[0].dueOn");

    ObjectNode conclusion = json.valueToTree(TestDocuments.conclusion(LocalDate.of(2026, 12, 1)));
    conclusion.put("processInstanceId", "gia-mao");
    refused("/api/conclusions", conclusion.toString(), "processInstanceId");
  }

  @Test
  void nulAndControlCharactersAreRefusedNamingTheFieldWhileLineBreaksInLongTextsAreKept() {
    ObjectNode body = aDirective();
    body.put("title", "V/v thử\u0000nghiệm");
    body.put("place", "Đồng\u001bNai");
    firstBullet(body).put("text", "Thực hiện\u0007 ngay.");
    refused("/api/directives", body.toString(), "title", "place", "items[0].bullets[0].text");

    ObjectNode lines = aDirective();
    firstBullet(lines).put("text", "Dòng một.\r\n\tDòng hai.");
    ResponseEntity<JsonNode> created = postAsOffice("/api/directives", lines.toString());
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
  }

  @Test
  void aConclusionIsBoundedLikeADirective() {
    ObjectNode c = json.valueToTree(TestDocuments.conclusion(LocalDate.of(2026, 12, 1)));
    c.put("place", "Đồng Nai ".repeat(20_000));
    ArrayNode recipients = c.putArray("recipients");
    for (int i = 0; i < 20_000; i++) {
      recipients.add("Nơi nhận");
    }
    ArrayNode items = c.putArray("items");
    for (int n = 1; n <= 3_000; n++) {
      items.addObject().put("number", n).put("text", "Nội dung.");
    }
    c.put("number", "1098-KL/" + "TU-".repeat(40));

    refused("/api/conclusions", c.toString(), "number", "place", "recipients", "items");
  }

  @Test
  void aDirectiveOfMoreThanTwoThousandAssignmentsIsRefusedBeforeAnythingStarts() {
    ObjectNode body = aDirective();
    ArrayNode items = body.putArray("items");
    for (int n = 1; n <= 58; n++) { // 58 items × (24 departments + 11 districts) = 2,030 assignments
      ObjectNode item = items.addObject().put("number", n).put("heading", "Nhiệm vụ " + n);
      item.putArray("agencies").add("all:department").add("all:district");
      item.putArray("bullets").addObject().put("text", "Thực hiện nội dung " + n + ".");
    }
    JsonNode problem = refused("/api/directives", body.toString(), "items");
    assertThat(problem.get("detail").asText()).contains("2.030", "2.000");
  }

  /** One HTTP/1.1 exchange on a plain socket, so that the Host header is exactly what an attacker writes. */
  private String raw(String request) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String header(String response, String name) {
    Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\r?$").matcher(response);
    return m.find() ? m.group(1) : null;
  }

  private static String session(String response) {
    String cookie = header(response, "Set-Cookie");
    return cookie == null ? null : cookie.split(";", 2)[0];
  }

  @Test
  void theLoginRedirectsFollowTheSiteNotAForgedHostHeader() throws IOException {
    String toLogin = raw("GET /dashboard HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n"
        + "Connection: close\r\n\r\n");
    assertThat(toLogin).startsWith("HTTP/1.1 302");
    assertThat(header(toLogin, "Location")).doesNotContain("evil.example").endsWith("/login");
    String cookie = session(toLogin);

    String loginPage = raw("GET /login HTTP/1.1\r\nHost: evil.example\r\nCookie: " + cookie
        + "\r\nConnection: close\r\n\r\n");
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
    assertThat(csrf.find()).isTrue();
    String form = "username=vp-ubnd&password=demo&_csrf=" + csrf.group(1);
    String loggedIn = raw("POST /login HTTP/1.1\r\nHost: evil.example\r\nCookie: " + cookie
        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
        + "\r\nConnection: close\r\n\r\n" + form);
    assertThat(loggedIn).startsWith("HTTP/1.1 302");
    assertThat(header(loggedIn, "Location")).doesNotContain("evil.example", "error").contains("/dashboard");
  }

  @Test
  void cascadesPagesSendAContentSecurityPolicyAndAReferrerPolicyAndTheCamundaWebappsKeepTheirOwn() {
    Assignment a = issueOne();
    TestRestTemplate office = http.withBasicAuth("vp-ubnd", "demo");
    for (String path : List.of("/login", "/dashboard", "/dashboard/agencies", "/dashboard/directives/" + a.directiveId(),
        "/outbox", "/assignments/" + a.id() + "/attachments")) {
      ResponseEntity<String> page = (path.equals("/login") ? http : office).getForEntity(path, String.class);
      assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
      assertThat(page.getHeaders().getFirst("Content-Security-Policy")).as(path)
          .contains("default-src 'none'", "style-src 'self'", "frame-ancestors 'none'");
      assertThat(page.getHeaders().getFirst("Referrer-Policy")).as(path).isEqualTo("same-origin");
      // What the policy would block is not on the page: no inline style or script (a script file is allowed).
      assertThat(page.getBody()).as(path).doesNotContain("<style", " style=")
          .doesNotContainPattern("<script(?![^>]*\\bsrc=)");
    }
    ResponseEntity<String> tasklist = office.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(tasklist.getStatusCode().value()).isEqualTo(200);
    assertThat(tasklist.getHeaders().getFirst("Content-Security-Policy")).doesNotContain("default-src 'none'");
  }

  @Test
  void aFileNameWithAControlCharacterOrOfMoreThanTwoHundredFiftyFiveCharactersIsRefusedOnThePage() {
    Assignment a = issueOne();
    byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    TestRestTemplate agency = http.withBasicAuth(AGENCY, "demo");

    ResponseEntity<String> nul = UploadForm.post(agency, a.id(), "bao\u0000cao.pdf", pdf);
    assertThat(nul.getStatusCode().value()).isEqualTo(400);
    assertThat(nul.getBody()).contains("Tên tệp", "ký tự điều khiển", "Tệp đính kèm báo cáo");

    ResponseEntity<String> bell = UploadForm.post(agency, a.id(), "bao\u0007cao.pdf", pdf);
    assertThat(bell.getStatusCode().value()).isEqualTo(400);
    assertThat(bell.getBody()).contains("Tên tệp", "ký tự điều khiển", "Chọn tệp báo cáo đã ký");

    ResponseEntity<String> longName = UploadForm.post(agency, a.id(), "b".repeat(252) + ".pdf", pdf);
    assertThat(longName.getStatusCode().value()).isEqualTo(400);
    assertThat(longName.getBody()).contains("Tên tệp", "255 ký tự", "Tệp đính kèm báo cáo");

    assertThat(jdbc.sql("select count(*) from cascade_attachment where assignment_id = :a").param("a", a.id())
        .query(Long.class).single()).isZero();
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
