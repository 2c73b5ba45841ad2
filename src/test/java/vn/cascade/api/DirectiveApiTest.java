package vn.cascade.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.function.Consumer;
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
import vn.cascade.TestDocuments;
import vn.cascade.directive.DirectiveProcess;
import vn.cascade.directive.DirectiveService;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.common.VnDates;
import vn.cascade.reminder.ChasePlans;
import vn.cascade.reminder.ChaseSubject;
import vn.cascade.reminder.ChaseTarget;
import vn.cascade.reminder.ChaseTargets;
import vn.cascade.reminder.NotificationPlanner;

/** The HTTP API: a good directive starts; every kind of bad input answers 400 and starts nothing. */
class DirectiveApiTest extends CascadeIntegrationTest {

  @Autowired TestRestTemplate anonymous;
  TestRestTemplate http;

  @org.junit.jupiter.api.BeforeEach
  void logInAsTheOffice() {
    http = anonymous.withBasicAuth("vp-ubnd", "demo");
  }
  @Autowired ObjectMapper json;
  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired ChasePlans plans;
  @Autowired ChaseTargets targets;
  @Autowired NotificationPlanner planner;

  private ObjectNode validDirective() {
    return json.valueToTree(TestDocuments.directive(LocalDate.now(clock), "so-yt", "ubnd-long-khanh"));
  }

  private ResponseEntity<JsonNode> post(String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private long startedDirectives() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(DirectiveProcess.KEY).count();
  }

  /** Posts a broken variant of a valid directive and checks the 400 names the field and starts nothing. */
  private JsonNode assertRejected(Consumer<ObjectNode> breakIt, String field) {
    ObjectNode body = validDirective();
    breakIt.accept(body);
    return assertRejected(body.toString(), field);
  }

  private JsonNode assertRejected(String body, String field) {
    long before = startedDirectives();
    int stored = directives.all().size();
    ResponseEntity<JsonNode> response = post("/api/directives", body);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    JsonNode problem = response.getBody();
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("title").asText()).isEqualTo("Dữ liệu không hợp lệ");
    assertThat(problem.get("type").asText()).startsWith("urn:cascade:problem:");
    assertThat(problem.get("errors")).anySatisfy(e -> assertThat(e.get("field").asText()).isEqualTo(field));
    assertThat(startedDirectives()).isEqualTo(before);
    assertThat(directives.all()).hasSize(stored);
    return problem;
  }

  @Test
  void aValidDirectiveIsCreatedStartedAndReadBackWithEveryAssignmentsState() {
    ObjectNode body = validDirective();
    ResponseEntity<JsonNode> created = post("/api/directives", body.toString());
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String location = created.getHeaders().getLocation().toString();

    JsonNode read = http.getForObject(location, JsonNode.class);
    assertThat(read.get("number").asText()).isEqualTo(body.get("number").asText());
    assertThat(read.get("assignmentCount").asInt()).isEqualTo(2);
    assertThat(read.get("assignments")).allSatisfy(a -> {
      assertThat(a.get("status").asText()).isEqualTo("OPEN_IN_TIME");
      assertThat(a.get("statusLabel").asText()).isEqualTo("chưa báo cáo, trong hạn");
      assertThat(a.get("processInstanceId").asText()).isNotBlank();
    });
    JsonNode byNumber = http.getForObject("/api/directives?number={n}", JsonNode.class, body.get("number").asText());
    assertThat(byNumber.get(0).get("id").asLong()).isEqualTo(read.get("id").asLong());
  }

  @Test
  void anItemsOwnDeadlineBecomesItsAssignmentsDeadlineDueDateAndReminderPlan() {
    LocalDate today = LocalDate.now(clock);
    LocalDate own = today.plusDays(10);
    ObjectNode body = validDirective();
    // Item 2 (UBND Long Khánh) carries its own deadline on its bullet, earlier than the report deadline.
    ((ObjectNode) body.withArray("items").get(1).withArray("bullets").get(0)).put("deadline", own.toString());
    ResponseEntity<JsonNode> created = post("/api/directives", body.toString());
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = http.getForObject(created.getHeaders().getLocation(), JsonNode.class).get("id").asLong();

    vn.cascade.directive.Directive d = directives.get(id);
    assertThat(d.reportDeadline()).isEqualTo(today.plusDays(16));
    java.util.Map<String, Assignment> byAgency = new java.util.HashMap<>();
    assignments.ofDirective(id).forEach(a -> byAgency.put(a.agencyCode(), a));
    assertThat(byAgency.get("ubnd-long-khanh").deadline()).isEqualTo(own);
    assertThat(byAgency.get("so-yt").deadline()).isEqualTo(d.reportDeadline());
    JsonNode read = http.getForObject("/api/directives/{id}", JsonNode.class, id);
    assertThat(read.get("assignments")).anySatisfy(a -> {
      assertThat(a.get("agency").asText()).isEqualTo("ubnd-long-khanh");
      assertThat(a.get("deadline").asText()).isEqualTo(own.toString());
    });
    for (Assignment a : byAgency.values()) {
      LocalDate expected = a.agencyCode().equals("ubnd-long-khanh") ? own : d.reportDeadline();
      org.camunda.bpm.engine.task.Task task = taskService.createTaskQuery()
          .processInstanceId(a.processInstanceId()).singleResult();
      assertThat(task.getDueDate().toInstant()).as(a.agencyCode()).isEqualTo(VnDates.dueBefore(expected));
      ChaseTarget target = targets.assignment(a, d);
      assertThat(target.deadline()).isEqualTo(expected);
      ChasePlans.Plan plan = plans.find(ChaseSubject.ASSIGNMENT, a.id()).orElseThrow();
      assertThat(plan.next()).as(a.agencyCode()).isEqualTo(planner.next(target, plan.startedAt(), null));
    }
    assertThat(plans.find(ChaseSubject.ASSIGNMENT, byAgency.get("ubnd-long-khanh").id()).orElseThrow().next().at())
        .isBefore(plans.find(ChaseSubject.ASSIGNMENT, byAgency.get("so-yt").id()).orElseThrow().next().at());
    // What the drafting and approval forms show of the list names the item's own deadline.
    assertThat(directives.assignmentSummary(d.body()).lines().toList()).satisfies(lines -> {
      assertThat(lines.get(0)).startsWith("1. ").doesNotContain("thời hạn riêng");
      assertThat(lines.get(1)).startsWith("2. ").contains("(thời hạn riêng: trước ngày " + VnDates.format(own) + ")");
    });
  }

  @Test
  void anItemDeadlineAfterTheSummaryDeadlineIsRefusedNamingItsField() {
    JsonNode problem = assertRejected(b -> ((ObjectNode) b.withArray("items").get(1))
        .put("deadline", LocalDate.now(clock).plusDays(30).toString()), "items[1].deadline");
    assertThat(problem.get("errors")).anySatisfy(e -> assertThat(e.get("message").asText())
        .isEqualTo("Thời hạn riêng của nhiệm vụ không được sau hạn tổng hợp ("
            + VnDates.format(LocalDate.now(clock).plusDays(21)) + ")."));
    assertRejected(b -> ((ObjectNode) b.withArray("items").get(0).withArray("bullets").get(0))
        .put("deadline", LocalDate.now(clock).toString()), "items[0].bullets[0].deadline");
  }

  @Test
  void anUnknownAgencyCodeIsRefused() {
    JsonNode problem = assertRejected(b -> ((ArrayNode) b.withArray("items").get(0).withArray("agencies")).set(0, "so-khong-co"),
        "items[0].agencies[0]");
    assertThat(problem.get("detail").asText()).contains("so-khong-co");
  }

  @Test
  void anUnknownCoordinatingAgencyIsRefused() {
    assertRejected(b -> ((ObjectNode) b.withArray("items").get(0).withArray("bullets").get(0))
        .putArray("coordinating").add("khong-ton-tai"), "items[0].bullets[0].coordinating[0]");
  }

  @Test
  void aDirectiveWithoutAssignmentsIsRefused() {
    assertRejected(b -> b.putArray("items"), "items");
  }

  @Test
  void aReportDeadlineBeforeTheIssueDateIsRefused() {
    assertRejected(b -> b.put("reportDeadline", LocalDate.now(clock).minusDays(1).toString()), "reportDeadline");
  }

  @Test
  void aSummaryDeadlineBeforeTheReportDeadlineIsRefused() {
    assertRejected(b -> b.put("summaryDeadline", LocalDate.now(clock).plusDays(10).toString()), "summaryDeadline");
  }

  @Test
  void aDuplicateDocumentNumberIsRefused() {
    ObjectNode first = validDirective();
    assertThat(post("/api/directives", first.toString()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode problem = assertRejected(b -> b.put("number", first.get("number").asText()), "number");
    assertThat(problem.get("detail").asText()).contains("đã tồn tại");
  }

  @Test
  void missingFieldsAreEachNamed() {
    JsonNode problem = assertRejected(b -> {
      b.remove("title");
      b.remove("issuedOn");
    }, "title");
    assertThat(problem.get("errors")).anySatisfy(e -> assertThat(e.get("field").asText()).isEqualTo("issuedOn"));
  }

  @Test
  void aMalformedDocumentNumberIsRefused() {
    assertRejected(b -> b.put("number", "<script>"), "number");
  }

  @Test
  void malformedJsonIsRefused() {
    JsonNode problem = assertRejected("{\"number\" \"1/UBND\", \"items\": []}", "$");
    assertThat(problem.get("type").asText()).isEqualTo("urn:cascade:problem:malformed-json");
  }

  @Test
  void aDateInTheWrongFormatNamesItsField() {
    assertRejected(b -> b.put("reportDeadline", "15/08/2020"), "reportDeadline");
  }

  @Test
  void anUnknownDirectiveAnswers404AsProblemDetails() {
    ResponseEntity<JsonNode> response = http.getForEntity("/api/directives/999999", JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody().get("detail").asText()).contains("Không tìm thấy");
  }

  @Test
  void aConclusionWithoutItemsIsRefusedAndStartsNothing() {
    ObjectNode c = json.valueToTree(TestDocuments.conclusion(LocalDate.now(clock)));
    c.putArray("items");
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("party-conclusion").count();
    ResponseEntity<JsonNode> response = post("/api/conclusions", c.toString());
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("items");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("party-conclusion").count()).isEqualTo(before);
  }

  @Test
  void aConclusionIsRegisteredAndItsDraftIsAcceptedOnlyWhileTheOfficeDrafts() {
    ObjectNode c = json.valueToTree(TestDocuments.conclusion(LocalDate.now(clock)));
    ResponseEntity<JsonNode> created = post("/api/conclusions", c.toString());
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = created.getBody().get("id").asLong();

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> tooEarly = http.exchange("/api/conclusions/" + id + "/directive-draft", HttpMethod.PUT,
        new HttpEntity<>(validDirective().toString(), headers), JsonNode.class);
    assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(tooEarly.getBody().get("detail").asText()).contains("không ở bước soạn thảo");
  }
}
