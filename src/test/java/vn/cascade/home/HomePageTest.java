package vn.cascade.home;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cascade.TestDocuments.directive;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.assignment.ExtensionRequests;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveService;

/** *Việc của đơn vị* at {@code /}: what each agency has to do, and managers land on the dashboard. */
class HomePageTest extends CascadeIntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired ExtensionRequests extensions;

  private String home(String user) {
    ResponseEntity<String> page = http.withBasicAuth(user, "demo").getForEntity("/", String.class);
    assertThat(page.getStatusCode().value()).as(user).isEqualTo(200);
    return page.getBody();
  }

  /** The table row of one assignment on the page, or null. */
  private static String row(String page, long assignmentId) {
    Matcher m = Pattern.compile("<tr data-assignment=\"" + assignmentId + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
    return m.find() ? m.group(1) : null;
  }

  private Task openTask(String processInstanceId, String key, String group) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .taskCandidateGroup(group).singleResult();
  }

  @Test
  void anAgencySeesWhatItOwesWithItsButtonsAndAPendingExtension() {
    Directive d = directives.issue(directive(LocalDate.now(clock), "so-gtvt"));
    Assignment a = assignments.ofDirective(d.id()).get(0);
    Task report = openTask(a.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS, "so-gtvt");

    String line = row(home("so-gtvt"), a.id());
    assertThat(line).as("the assignment's line").isNotNull()
        .contains(d.number(), "Cần báo cáo", vn.cascade.common.VnDates.format(a.deadline()))
        .contains("/camunda/app/tasklist/default/#/?task=" + report.getId())
        .contains("/assignments/" + a.id() + "/attachments", "/assignments/" + a.id() + "/extension")
        .doesNotContain("đã hoàn thành");
    assertThat(row(home("so-ct"), a.id())).as("another agency's page").isNull();

    extensions.request(a.id(), a.deadline().plusDays(5).toString(), "Chờ số liệu.", "so-gtvt", Set.of("so-gtvt"));
    String pending = row(home("so-gtvt"), a.id());
    assertThat(pending).contains("Đang chờ quyết định gia hạn", "Cần báo cáo")
        .doesNotContain("/assignments/" + a.id() + "/extension");
  }

  @Test
  void anAcceptedReportOfWorkInProgressAsksForTheLaterUpdateAndNeverReadsCompleted() {
    Directive d = directives.issue(directive(LocalDate.now(clock), "so-nv"));
    Assignment a = assignments.ofDirective(d.id()).get(0);
    var report = new java.util.HashMap<>(vn.cascade.TestDocuments.report("Đang triển khai."));
    report.put(AgencyAssignmentProcess.COMPLETION_STATUS.name(), AgencyAssignmentProcess.STATUS_IN_PROGRESS);
    new vn.cascade.ProcessDriver(processEngine).reportAndAccept("so-nv", a.processInstanceId(), report);

    String line = row(home("so-nv"), a.id());
    assertThat(line).as("the accepted report's line").isNotNull()
        .contains("công việc đang thực hiện", "/assignments/" + a.id() + "/update", "đã báo cáo đúng hạn")
        .doesNotContain("đã hoàn thành", "/extension", "task=");
  }

  @Test
  void aCoordinatingAgencySeesItsContributionAndManagersLandOnTheDashboard() {
    var item = new DirectiveDraft.Item(1, "Giao Sở Tài nguyên và Môi trường", List.of("so-tnmt"), List.of(3), List.of(
        new DirectiveDraft.Bullet("Bồi thường, tái định cư.", List.of("ubnd-long-thanh"))));
    Directive d = directives.issue(directive(LocalDate.now(clock), List.of(item)));
    Assignment lead = assignments.ofDirective(d.id()).get(0);
    Task contribution = openTask(lead.processInstanceId(), AgencyAssignmentProcess.TASK_CONTRIBUTE, "ubnd-long-thanh");

    String line = row(home("ubnd-long-thanh"), lead.id());
    assertThat(line).as("the contribution's line").isNotNull()
        .contains("Cần góp ý (cơ quan phối hợp)", "Cơ quan chủ trì", "task=" + contribution.getId())
        .as("files and extensions are the lead agency's").doesNotContain("/attachments", "/extension");

    // (TestRestTemplate follows the redirect.)
    assertThat(home("vp-ubnd")).as("the office lands on the dashboard")
        .contains("Theo dõi thực hiện văn bản chỉ đạo").doesNotContain("Việc của đơn vị</h1>");
  }
}
