package vn.cascade.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cascade.TestDocuments.directive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveService;

/**
 * The engine's own API ({@code /engine-rest} and Tasklist's {@code /camunda/api/engine}) as an agency
 * would try it: what it may not do is refused before the engine runs, with Vietnamese problem details
 * that name no exception; what Tasklist does for it keeps working.
 */
class EngineSurfaceTest extends CascadeIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;

  private Assignment assignmentOf(String agency) {
    Directive d = directives.issue(directive(LocalDate.now(clock), agency));
    return assignments.ofDirective(d.id()).get(0);
  }

  private Task reportTaskOf(String agency) {
    return taskOf(assignmentOf(agency).processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS);
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(json, headers), String.class);
  }

  /** Refused with 403 problem details in Vietnamese that carry no exception class or engine code. */
  private static void assertRefused(ResponseEntity<String> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(String.valueOf(response.getHeaders().getContentType())).startsWith("application/problem+json");
    assertThat(response.getBody()).contains("Không có quyền").doesNotContain("Exception").doesNotContain("ENGINE-");
  }

  @Test
  void anotherAgencyExecutingAReminderJobIsRefusedAndTheJobKeepsItsRetries() {
    Assignment police = assignmentOf("ca-tinh");
    Job reminder = managementService.createJobQuery()
        .processDefinitionKey(vn.cascade.reminder.MorningDigestProcess.KEY).timers().singleResult(); // the reminders' job: the morning run
    int retries = reminder.getRetries();
    for (int i = 0; i < 3; i++) {
      assertRefused(call("so-yt", HttpMethod.POST, "/engine-rest/job/" + reminder.getId() + "/execute", null));
    }
    assertThat(managementService.createJobQuery().jobId(reminder.getId()).singleResult().getRetries()).isEqualTo(retries);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(police.processInstanceId()).count()).isZero();
  }

  @Test
  void anAgencyCannotChangeRetriesOrSuspendJobsEvenOfItsOwnAssignment() {
    Assignment health = assignmentOf("so-gtvt");
    Job reminder = managementService.createJobQuery()
        .processDefinitionKey(vn.cascade.reminder.MorningDigestProcess.KEY).timers().singleResult(); // the reminders' job: the morning run
    int retries = reminder.getRetries();
    assertRefused(call("so-gtvt", HttpMethod.PUT, "/engine-rest/job/" + reminder.getId() + "/retries", "{\"retries\":0}"));
    assertRefused(call("so-gtvt", HttpMethod.POST, "/engine-rest/job/retries",
        "{\"jobIds\":[\"" + reminder.getId() + "\"],\"retries\":0}"));
    assertRefused(call("so-gtvt", HttpMethod.PUT, "/engine-rest/job-definition/" + reminder.getJobDefinitionId()
        + "/retries", "{\"retries\":0}"));
    assertRefused(call("so-gtvt", HttpMethod.PUT, "/engine-rest/job-definition/" + reminder.getJobDefinitionId()
        + "/suspended", "{\"suspended\":true,\"includeJobs\":true}"));
    Job after = managementService.createJobQuery().jobId(reminder.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(retries);
    assertThat(after.isSuspended()).isFalse();
  }

  @Test
  void anAgencyCannotSendSignalsOrMessages() {
    assertRefused(call("so-ct", HttpMethod.POST, "/engine-rest/signal", "{\"name\":\"anything\"}"));
    assertRefused(call("so-ct", HttpMethod.POST, "/engine-rest/message",
        "{\"messageName\":\"anything\",\"all\":true}"));
  }

  @Test
  void anAgencyCannotThrowTheAcceptanceOrARequestFromItsOwnReportTask() {
    Assignment health = assignmentOf("so-yt");
    Task own = taskOf(health.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS);
    assertRefused(call("so-yt", HttpMethod.POST, "/engine-rest/task/" + own.getId() + "/bpmnEscalation",
        "{\"escalationCode\":\"" + AgencyAssignmentProcess.ESCALATION_REPORT_ACCEPTED + "\"}"));
    assertRefused(call("so-yt", HttpMethod.POST, "/engine-rest/task/" + own.getId() + "/bpmnEscalation",
        "{\"escalationCode\":\"" + AgencyAssignmentProcess.ESCALATION_EXTENSION_REQUESTED + "\"}"));
    assertRefused(call("so-yt", HttpMethod.POST, "/engine-rest/task/" + own.getId() + "/bpmnError",
        "{\"errorCode\":\"anything\"}"));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(health.processInstanceId()).singleResult())
        .isNotNull();
    assertThat(taskService.createTaskQuery().processInstanceId(health.processInstanceId()).list())
        .extracting(Task::getTaskDefinitionKey).containsExactly(AgencyAssignmentProcess.TASK_REPORT_RESULTS);
    assertThat(assignments.find(health.id()).orElseThrow().reported()).isFalse();
  }

  @Test
  void anAgencySetsItsTasksFollowUpDateButCannotMoveItsDeadlineRenameOrReassignItThroughAnUpdate() throws Exception {
    Task own = reportTaskOf("so-yt");
    String path = "/engine-rest/task/" + own.getId();
    // What Tasklist does: the task as it was read, sent back whole with one field changed.
    ObjectNode read = (ObjectNode) JSON.readTree(http.withBasicAuth("so-yt", "demo").getForObject(path, String.class));
    for (String field : List.of("id", "_links", "_embedded", "camundaFormRef")) { // Tasklist's list has no form ref
      read.remove(field);
    }

    for (var change : Map.of("due", "2099-12-31T00:00:00.000+0700", "name", "Đã hoàn thành",
        "owner", "so-khdt", "priority", "100", "tenantId", "khac").entrySet()) {
      ObjectNode attack = read.deepCopy().put(change.getKey(), change.getValue());
      ResponseEntity<String> refused = call("so-yt", HttpMethod.PUT, path, attack.toString());
      assertRefused(refused);
      assertThat(JSON.readTree(refused.getBody()).path("detail").asText()).contains(change.getKey());
    }
    Task unchanged = taskService.createTaskQuery().taskId(own.getId()).singleResult();
    assertThat(unchanged.getDueDate()).isEqualTo(own.getDueDate());
    assertThat(unchanged.getName()).isEqualTo(own.getName());
    assertThat(unchanged.getOwner()).isNull();
    assertThat(unchanged.getTenantId()).isNull();

    ResponseEntity<String> followUp = call("so-yt", HttpMethod.PUT, path,
        read.deepCopy().put("followUp", "2026-12-20T08:00:00.000+0700").toString());
    assertThat(followUp.getStatusCode()).as(followUp.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    Task followed = taskService.createTaskQuery().taskId(own.getId()).singleResult();
    assertThat(followed.getFollowUpDate()).isNotNull();
    assertThat(followed.getDueDate()).isEqualTo(own.getDueDate());
    assertThat(followed.getName()).isEqualTo(own.getName());
  }

  @Test
  void anAgencyCannotDeployRedeployOrDeleteADeployment() {
    long deployments = repositoryService.createDeploymentQuery().count();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "ke-xam-nhap");
    form.add("data", new ByteArrayResource("<definitions/>".getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "x.bpmn";
      }
    });
    assertRefused(http.withBasicAuth("so-nv", "demo").exchange("/engine-rest/deployment/create", HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class));
    String deployment = repositoryService.createDeploymentQuery().list().get(0).getId();
    assertRefused(call("so-nv", HttpMethod.POST, "/engine-rest/deployment/" + deployment + "/redeploy", "{}"));
    assertRefused(call("so-nv", HttpMethod.DELETE, "/engine-rest/deployment/" + deployment + "?cascade=true", null));
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void anAgencyCannotChangeItsOwnProfileNorDeleteItselfNorTouchAnotherUserButChangesItsOwnPassword() {
    String before = identityService.createUserQuery().userId("so-vhttdl").singleResult().getEmail();
    assertRefused(call("so-vhttdl", HttpMethod.PUT, "/engine-rest/user/so-vhttdl/profile",
        "{\"id\":\"so-vhttdl\",\"firstName\":\"X\",\"lastName\":\"Y\",\"email\":\"ke-gian@attacker.example\"}"));
    assertRefused(call("so-vhttdl", HttpMethod.DELETE, "/engine-rest/user/so-vhttdl", null));
    assertRefused(call("so-vhttdl", HttpMethod.PUT, "/engine-rest/user/so-tp/profile",
        "{\"id\":\"so-tp\",\"firstName\":\"X\",\"lastName\":\"Y\",\"email\":\"ke-gian@attacker.example\"}"));
    assertRefused(call("so-vhttdl", HttpMethod.PUT, "/engine-rest/user/so-tp/credentials",
        "{\"password\":\"mat-khau-moi-123\",\"authenticatedUserPassword\":\"demo\"}"));
    assertRefused(call("so-vhttdl", HttpMethod.DELETE, "/engine-rest/user/so-tp", null));
    assertRefused(call("so-vhttdl", HttpMethod.POST, "/engine-rest/user/create",
        "{\"profile\":{\"id\":\"ke-gian\"},\"credentials\":{\"password\":\"mat-khau-moi-123\"}}"));
    assertThat(identityService.createUserQuery().userId("so-vhttdl").singleResult().getEmail()).isEqualTo(before);
    assertThat(identityService.createUserQuery().userIdIn("so-vhttdl", "so-tp").count()).isEqualTo(2);
    assertThat(identityService.checkPassword("so-tp", "demo")).isTrue();

    ResponseEntity<String> own = call("so-vhttdl", HttpMethod.PUT, "/engine-rest/user/so-vhttdl/credentials",
        "{\"password\":\"mat-khau-moi-123\",\"authenticatedUserPassword\":\"demo\"}");
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(identityService.checkPassword("so-vhttdl", "mat-khau-moi-123")).isTrue();
    identityService.clearAuthentication();
    var user = identityService.createUserQuery().userId("so-vhttdl").singleResult();
    user.setPassword("demo");
    identityService.saveUser(user);
  }

  @Test
  void anAgencyCannotJoinOrLeaveGroupsNorCreateGroupsOrTenants() {
    assertRefused(call("so-tttt", HttpMethod.PUT, "/engine-rest/group/so-khdt/members/so-tttt", null));
    assertRefused(call("so-tttt", HttpMethod.PUT, "/engine-rest/group/camunda-admin/members/so-tttt", null));
    assertRefused(call("so-tttt", HttpMethod.DELETE, "/engine-rest/group/so-tttt/members/so-tttt", null));
    assertRefused(call("so-tttt", HttpMethod.POST, "/engine-rest/group/create", "{\"id\":\"nhom-moi\",\"name\":\"X\"}"));
    assertRefused(call("so-tttt", HttpMethod.POST, "/engine-rest/tenant/create", "{\"id\":\"tenant-moi\",\"name\":\"X\"}"));
    assertThat(identityService.createGroupQuery().groupMember("so-tttt").list())
        .extracting(g -> g.getId()).containsExactly("so-tttt");
    assertThat(identityService.createGroupQuery().groupId("nhom-moi").count()).isZero();
  }

  @Test
  void commentsAndAttachmentsOfAnotherAgencysTaskAreNotReadableByIdButTheOwnAgencyReadsThem() {
    Task police = reportTaskOf("ca-tinh");
    Task health = reportTaskOf("so-yt");
    Comment comment = taskService.createComment(police.getId(), police.getProcessInstanceId(), "Ghi chú nội bộ của Công an.");
    Attachment attachment = taskService.createAttachment("text/plain", police.getId(), police.getProcessInstanceId(),
        "ke-hoach.txt", "Kế hoạch", new ByteArrayInputStream("bí mật".getBytes(StandardCharsets.UTF_8)));
    String task = "/engine-rest/task/" + police.getId();

    for (String path : new String[] {task + "/comment/" + comment.getId(), task + "/comment",
        task + "/attachment/" + attachment.getId(), task + "/attachment/" + attachment.getId() + "/data",
        task + "/attachment",
        "/engine-rest/task/" + health.getId() + "/comment/" + comment.getId(),
        "/engine-rest/task/" + health.getId() + "/attachment/" + attachment.getId() + "/data"}) {
      ResponseEntity<String> seen = http.withBasicAuth("so-yt", "demo").getForEntity(path, String.class);
      assertThat(seen.getStatusCode().value()).as(path).isIn(403, 404);
      assertThat(String.valueOf(seen.getBody())).as(path).doesNotContain("nội bộ").doesNotContain("bí mật");
    }
    TestRestTemplate owner = http.withBasicAuth("ca-tinh", "demo");
    assertThat(owner.getForObject(task + "/comment/" + comment.getId(), String.class)).contains("nội bộ");
    assertThat(owner.getForObject(task + "/attachment/" + attachment.getId() + "/data", String.class))
        .contains("bí mật");
    assertThat(http.withBasicAuth("vp-ubnd", "demo").getForObject(task + "/comment", String.class)).contains("nội bộ");
  }

  @Test
  void engineErrorsShowAnAgencyNoExceptionClassOrEngineCodeButAnAdministratorKeepsThem() throws Exception {
    ResponseEntity<String> missing = http.withBasicAuth("so-tc", "demo").getForEntity("/engine-rest/task/khong-co",
        String.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(String.valueOf(missing.getHeaders().getContentType())).startsWith("application/problem+json");
    assertThat(missing.getBody()).doesNotContain("Exception").doesNotContain("ENGINE-").doesNotContain("khong-co");
    JsonNode problem = JSON.readTree(missing.getBody());
    assertThat(problem.get("status").asInt()).isEqualTo(404);
    assertThat(problem.get("message").asText()).isEqualTo(problem.get("detail").asText()).isNotBlank();

    Task police = reportTaskOf("ca-tinh");
    ResponseEntity<String> refused = call("so-tc", HttpMethod.POST, "/engine-rest/task/" + police.getId() + "/claim",
        "{\"userId\":\"so-tc\"}");
    assertThat(refused.getStatusCode().value()).isIn(403, 404);
    assertThat(refused.getBody()).doesNotContain("Exception").doesNotContain("ENGINE-");

    // A list without maxResults: refused by the engine's query limit; the answer says what to add.
    ResponseEntity<String> unbounded = http.withBasicAuth("so-tc", "demo").getForEntity("/engine-rest/task",
        String.class);
    assertThat(unbounded.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(JSON.readTree(unbounded.getBody()).path("detail").asText()).contains("maxResults");
    assertThat(unbounded.getBody()).doesNotContain("Exception").doesNotContain("unbound");

    // A body the engine's JSON reader cannot map: its plain-text answer names Java classes.
    ResponseEntity<String> unmappable = call("so-tc", HttpMethod.POST, "/engine-rest/task/count",
        "{\"nameLike\":{\"x\":1}}");
    assertThat(unmappable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(String.valueOf(unmappable.getHeaders().getContentType())).startsWith("application/problem+json");
    assertThat(unmappable.getBody()).doesNotContain("java.").doesNotContain("org.camunda").doesNotContain("Exception");

    ResponseEntity<String> admin = http.withBasicAuth("admin", "admin").getForEntity("/engine-rest/task/khong-co",
        String.class);
    assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(admin.getBody()).contains("InvalidRequestException");
  }

  @Test
  void tasklistStillQueriesClaimsUnclaimsAndCommentsButRefusesTheEngineSurfaceToAnAgency() throws Exception {
    Task own = reportTaskOf("so-xd");
    Task other = reportTaskOf("so-ngv");
    Job othersReminder = managementService.createJobQuery()
        .processDefinitionKey(vn.cascade.reminder.MorningDigestProcess.KEY).timers().singleResult(); // the reminders' job: the morning run
    TasklistSession tasklist = new TasklistSession(baseUrl());
    assertThat(tasklist.login("so-xd", "demo")).isEqualTo(200);
    String api = TasklistSession.ENGINE_API;

    HttpResponse<String> query = tasklist.post(api + "/task?firstResult=0&maxResults=15",
        "{\"processInstanceId\":\"" + own.getProcessInstanceId() + "\",\"sorting\":[{\"sortBy\":\"created\","
            + "\"sortOrder\":\"desc\"}]}");
    assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
    assertThat(query.body()).contains(own.getId());
    HttpResponse<String> count = tasklist.post(api + "/task/count", "{}");
    assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
    HttpResponse<String> filterList = tasklist.get(api + "/filter?resourceType=Task&firstResult=0&maxResults=50");
    JsonNode filters = JSON.readTree(filterList.body());
    assertThat(filters.isArray() && !filters.isEmpty()).as(filterList.statusCode() + " " + filterList.body()).isTrue();
    assertThat(tasklist.post(api + "/filter/" + filters.get(0).get("id").asText() + "/list?firstResult=0&maxResults=15",
        "{}").statusCode()).isEqualTo(200);
    assertThat(tasklist.post(api + "/history/task?firstResult=0&maxResults=5", "{\"taskId\":\"" + own.getId() + "\"}")
        .statusCode()).isEqualTo(200);

    assertThat(tasklist.post(api + "/task/" + own.getId() + "/claim", "{\"userId\":\"so-xd\"}").statusCode())
        .isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(own.getId()).singleResult().getAssignee()).isEqualTo("so-xd");
    assertThat(tasklist.post(api + "/task/" + own.getId() + "/unclaim", null).statusCode()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(own.getId()).singleResult().getAssignee()).isNull();
    // Commenting passes the guard; the engine then looks the task up in history, which only vp-ubnd
    // and lanh-dao-ubnd may read (READ_HISTORY): agencies' own comments fail there, as before.
    TasklistSession office = new TasklistSession(baseUrl());
    assertThat(office.login("vp-ubnd", "demo")).isEqualTo(200);
    assertThat(office.post(api + "/task/" + own.getId() + "/comment/create", "{\"message\":\"Đề nghị bổ sung số liệu.\"}")
        .statusCode()).isEqualTo(200);
    assertThat(office.get(api + "/task/" + own.getId() + "/comment").body()).contains("Đề nghị bổ sung số liệu.");
    assertThat(tasklist.get(api + "/task/" + other.getId() + "/comment").statusCode()).isEqualTo(404);

    HttpResponse<String> execute = tasklist.post(api + "/job/" + othersReminder.getId() + "/execute", null);
    assertThat(execute.statusCode()).isEqualTo(403);
    assertThat(execute.body()).doesNotContain("Exception").doesNotContain("ENGINE-");
    assertThat(tasklist.post(api + "/signal", "{\"name\":\"anything\"}").statusCode()).isEqualTo(403);
    assertThat(managementService.createJobQuery().jobId(othersReminder.getId()).singleResult().getRetries())
        .isEqualTo(othersReminder.getRetries());
  }
}
