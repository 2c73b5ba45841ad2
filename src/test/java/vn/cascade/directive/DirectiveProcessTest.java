package vn.cascade.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.cascade.TestDocuments.directive;
import static vn.cascade.TestDocuments.report;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.agency.AgencyKind;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.assignment.ReportStatus;
import vn.cascade.common.VnDates;

class DirectiveProcessTest extends CascadeIntegrationTest {

  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired AgencyDirectory agencies;

  private Directive issue(String... agencyCodes) {
    return directives.issue(directive(LocalDate.now(clock), agencyCodes));
  }

  private ProcessInstance instanceOf(Directive d) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(directives.get(d.id()).processInstanceId())
        .singleResult();
  }

  private Task reportTask(Directive d, String agency) {
    Assignment a = assignments.ofDirective(d.id()).stream().filter(x -> x.agencyCode().equals(agency)).findFirst()
        .orElseThrow();
    return taskOf(a.processInstanceId(), AgencyAssignmentProcess.TASK_REPORT_RESULTS);
  }

  private void reportAs(Directive d, String agency, String overall) {
    reportAndAccept(agency, reportTask(d, agency).getProcessInstanceId(),
        report(overall, "Kết quả nội dung 1 của " + agency));
  }

  private void passReportingDeadline(Directive d) {
    clock.set(VnDates.dueBefore(d.reportDeadline()).plus(Duration.ofHours(2)));
    Job timer = managementService.createJobQuery().processInstanceId(instanceOf(d).getId()).timers()
        .activityId(DirectiveProcess.BOUNDARY_DEADLINE_PASSED).singleResult();
    managementService.executeJob(timer.getId());
  }

  @Test
  void everyAddressedAgencyGetsItsReportTaskDueAtTheDeadline() {
    Directive d = issue("so-yt", "ca-tinh");
    Task task = reportTask(d, "so-yt");
    assertThat(task.getName()).isEqualTo("Báo cáo kết quả thực hiện nhiệm vụ 1 — " + d.number());
    assertThat(task.getDueDate().toInstant()).isEqualTo(VnDates.dueBefore(d.reportDeadline()));
    assertThat(task.getFollowUpDate().toInstant()).isEqualTo(VnDates.dueBefore(d.reportDeadline().minusDays(3)));
    assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(l -> "so-yt".equals(l.getGroupId()));
    assertThat(reportTask(d, "ca-tinh")).isNotNull();
    assertThat(instanceOf(d)).isWaitingAt(DirectiveProcess.CALL_ACTIVITY_ASSIGNMENTS);
  }

  @Test
  void itemForAllDepartmentsAndDistrictsFansOutToEveryOneOfThem() {
    var item = new DirectiveDraft.Item(1, "Yêu cầu các sở, ngành và UBND các huyện, thành phố",
        List.of("all:department", "all:district"), List.of(1),
        List.of(new DirectiveDraft.Bullet("Rà soát kết quả.", List.of())));
    Directive d = directives.issue(directive(LocalDate.now(clock), List.of(item)));
    int expected = agencies.ofKind(AgencyKind.DEPARTMENT).size() + agencies.ofKind(AgencyKind.DISTRICT).size();
    assertThat(expected).isEqualTo(35);
    assertThat(assignments.ofDirective(d.id())).hasSize(expected)
        .extracting(Assignment::agencyCode).contains("so-khdt", "ca-tinh", "ubnd-long-khanh").doesNotContain("vp-ubnd");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(d.number())
        .taskDefinitionKey(AgencyAssignmentProcess.TASK_REPORT_RESULTS).count()).isEqualTo(expected);
  }

  @Test
  void collectionOpensAsSoonAsEveryAgencyHasReported() {
    Directive d = issue("so-yt", "ca-tinh");
    reportAs(d, "so-yt", "Đã tổ chức phòng chống dịch.");
    assertThat(instanceOf(d)).isWaitingAt(DirectiveProcess.CALL_ACTIVITY_ASSIGNMENTS);
    reportAs(d, "ca-tinh", "Bảo đảm an ninh trật tự.");

    assertThat(instanceOf(d)).isWaitingAt(DirectiveProcess.TASK_COLLECT_REPORTS);
    Task collect = taskOf(instanceOf(d).getId(), DirectiveProcess.TASK_COLLECT_REPORTS);
    assertThat(taskService.getIdentityLinksForTask(collect.getId())).anyMatch(l -> "so-khdt".equals(l.getGroupId()));
    Map<String, Object> v = runtimeService.getVariables(instanceOf(d).getId());
    assertThat((String) v.get("collectedReports")).contains("Sở Y tế", "Công an tỉnh", "Bảo đảm an ninh trật tự.");
    assertThat(v.get("missingAgencies")).isEqualTo("Tất cả các cơ quan đã báo cáo.");
    assertThat(managementService.createJobQuery().processInstanceId(instanceOf(d).getId()).timers()
        .activityId(DirectiveProcess.BOUNDARY_DEADLINE_PASSED).count()).isZero();
  }

  @Test
  void collectionOpensAtTheDeadlineAndNamesEveryAgencyStillMissing() {
    Directive d = issue("so-yt", "ca-tinh", "ubnd-long-khanh");
    reportAs(d, "so-yt", "Đã tổ chức phòng chống dịch.");
    passReportingDeadline(d);

    assertThat(instanceOf(d)).isWaitingAt(DirectiveProcess.TASK_COLLECT_REPORTS, DirectiveProcess.CALL_ACTIVITY_ASSIGNMENTS);
    Map<String, Object> v = runtimeService.getVariables(instanceOf(d).getId());
    assertThat((String) v.get("collectedReports")).contains("Sở Y tế").contains("đã báo cáo đúng hạn");
    assertThat((String) v.get("missingAgencies")).contains("Công an tỉnh", "UBND TP Long Khánh").doesNotContain("Sở Y tế");
    assertThat((String) v.get("reportProgressText")).startsWith("Đã nhận 1/3 báo cáo");
    // What the collector's form shows: the same, from Cascade's tables, as it is when the form opens.
    Map<String, Object> shown = viewOf(taskOf(instanceOf(d).getId(), DirectiveProcess.TASK_COLLECT_REPORTS));
    assertThat((String) shown.get("missingAgencies")).contains("Công an tỉnh", "UBND TP Long Khánh");
    assertThat((String) shown.get("reportProgressText")).startsWith("Đã nhận 1/3 báo cáo");
    assertThat(shown).containsEntry("directiveNumber", d.number());
    assertThat(directives.get(d.id()).collectionOpenedAt()).isNotNull();
  }

  @Test
  void aReportArrivingAfterTheCollectionOpenedLandsMarkedLateAndReachesTheCollector() {
    Directive d = issue("so-yt", "ca-tinh");
    reportAs(d, "so-yt", "Đúng hạn.");
    passReportingDeadline(d);
    reportAs(d, "ca-tinh", "Báo cáo muộn của Công an tỉnh.");

    Assignment late = assignments.ofDirective(d.id()).stream().filter(a -> a.agencyCode().equals("ca-tinh"))
        .findFirst().orElseThrow();
    assertThat(late.status(clock.instant())).isEqualTo(ReportStatus.COMPLETED_LATE);
    assertThat(late.arrivedAfterCollection()).isTrue();
    assertThat(late.report()).containsEntry("overallResult", "Báo cáo muộn của Công an tỉnh.");
    Map<String, Object> v = runtimeService.getVariables(instanceOf(d).getId());
    assertThat((String) v.get("collectedReports")).contains("Báo cáo muộn của Công an tỉnh.", "đến sau khi mở tổng hợp");
    assertThat(v.get("missingAgencies")).isEqualTo("Tất cả các cơ quan đã báo cáo.");
    Assignment onTime = assignments.ofDirective(d.id()).get(0);
    assertThat(onTime.status(clock.instant())).isEqualTo(ReportStatus.COMPLETED_ON_TIME);
    assertThat(instanceOf(d)).isWaitingAt(DirectiveProcess.TASK_COLLECT_REPORTS);
  }

  @Test
  void approvingTheSummaryKeepsAnOpenAssignmentTrackedUntilItIsReported() {
    Directive d = issue("so-yt", "ca-tinh");
    reportAs(d, "so-yt", "Đúng hạn.");
    passReportingDeadline(d);
    writeAndApproveSummary(d);

    ProcessInstance pi = instanceOf(d);
    assertThat(pi).isNotNull();
    assertThat(pi).hasPassed(DirectiveProcess.TASK_NOTIFY_SUMMARY_APPROVED).isWaitingAt(DirectiveProcess.CALL_ACTIVITY_ASSIGNMENTS);
    assertThat(directives.get(d.id()).summaryApprovedAt()).isNotNull();
    assertThat(reportTask(d, "ca-tinh")).isNotNull();

    String id = pi.getId();
    reportAs(d, "ca-tinh", "Báo cáo sau khi đã phê duyệt tổng hợp.");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getEndTime())
        .isNotNull();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(id)
        .activityId(DirectiveProcess.END_EVENT_ALL_REPORTED).count()).isEqualTo(1);
  }

  @Test
  void aReturnedSummaryGoesBackToTheCollectorWithTheLeadersComment() {
    Directive d = issue("so-yt");
    reportAs(d, "so-yt", "Đúng hạn.");
    String pi = instanceOf(d).getId();
    driver().uploadSummaryDocument(pi, "so-khdt");
    completeAs("so-khdt", taskOf(pi, DirectiveProcess.TASK_COLLECT_REPORTS),
        Map.of("summaryNumber", "123/BC-SKHĐT", "summaryText", "Dự thảo tổng hợp."));
    completeAs("lanh-dao-ubnd", taskOf(pi, DirectiveProcess.TASK_APPROVE_SUMMARY),
        Map.of("summaryDecision", "return", "summaryComment", "Bổ sung số liệu thu ngân sách."));

    assertThat(instanceOf(d)).isWaitingAt(DirectiveProcess.TASK_COLLECT_REPORTS);
    assertThat(runtimeService.getVariable(pi, "summaryReturnComment")).isEqualTo("Bổ sung số liệu thu ngân sách.");
  }

  @Test
  void returningASummaryWithoutACommentIsRefusedAndChangesNothing() {
    Directive d = issue("so-yt");
    reportAs(d, "so-yt", "Đúng hạn.");
    String pi = instanceOf(d).getId();
    driver().uploadSummaryDocument(pi, "so-khdt");
    completeAs("so-khdt", taskOf(pi, DirectiveProcess.TASK_COLLECT_REPORTS),
        Map.of("summaryNumber", "124/BC-SKHĐT", "summaryText", "Tổng hợp."));
    Task approve = taskOf(pi, DirectiveProcess.TASK_APPROVE_SUMMARY);

    assertThatThrownBy(() -> taskService.complete(approve.getId(),
        Map.of("summaryDecision", "return", "summaryComment", "  ")))
        .hasMessageContaining("ghi rõ lý do");
    assertThat(instanceOf(d)).isWaitingAt(DirectiveProcess.TASK_APPROVE_SUMMARY);
  }

  private void writeAndApproveSummary(Directive d) {
    String pi = instanceOf(d).getId();
    driver().uploadSummaryDocument(pi, "so-khdt");
    completeAs("so-khdt", taskOf(pi, DirectiveProcess.TASK_COLLECT_REPORTS),
        Map.of("summaryNumber", "125/BC-SKHĐT", "summaryText", "Tổng hợp kết quả."));
    completeAs("lanh-dao-ubnd", taskOf(pi, DirectiveProcess.TASK_APPROVE_SUMMARY),
        Map.of("summaryDecision", "approve", "summaryComment", "Đồng ý."));
    executeAsyncJobs();
  }
}
