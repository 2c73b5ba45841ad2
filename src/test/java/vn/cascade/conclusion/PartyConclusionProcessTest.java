package vn.cascade.conclusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.cascade.TestDocuments.conclusion;
import static vn.cascade.TestDocuments.directive;
import static vn.cascade.TestDocuments.report;
import static vn.cascade.conclusion.PartyConclusionProcess.*;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveProcess;
import vn.cascade.directive.DirectiveService;

class PartyConclusionProcessTest extends CascadeIntegrationTest {

  @Autowired ConclusionService conclusions;
  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;

  private Conclusion registerAndReceive() {
    Conclusion c = conclusions.register(conclusion(LocalDate.now(clock).minusDays(14)));
    completeAs("vp-ubnd", taskOf(c.processInstanceId(), TASK_RECORD_RECEIPT),
        Map.of("incomingNumber", "7.17.BCS", "incomingDate", LocalDate.now(clock).minusDays(7).toString()));
    return c;
  }

  private DirectiveDraft draftFor(String... agencies) {
    return directive(LocalDate.now(clock), agencies);
  }

  private ProcessInstance instance(Conclusion c) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).singleResult();
  }

  private void approveDraft(Conclusion c) {
    completeAs("vp-ubnd", taskOf(c.processInstanceId(), TASK_DRAFT_DIRECTIVE), Map.of());
    completeAs("lanh-dao-ubnd", taskOf(c.processInstanceId(), TASK_APPROVE_DIRECTIVE),
        Map.of("directiveDecision", "approve", "approvalComment", "Đồng ý ban hành."));
  }

  @Test
  void aRegisteredConclusionWaitsForTheOfficeToRecordItsReceipt() {
    Conclusion c = conclusions.register(conclusion(LocalDate.now(clock)));
    assertThat(instance(c)).isWaitingAt(TASK_RECORD_RECEIPT);
    Task task = taskOf(c.processInstanceId(), TASK_RECORD_RECEIPT);
    assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(l -> "vp-ubnd".equals(l.getGroupId()));
    assertThat(task.getName()).isEqualTo("Vào sổ văn bản đến — Kết luận " + c.number());
    assertThat((String) viewOf(task).get("conclusionItemsText"))
        .contains("1. Rà soát kết quả thực hiện.", "2. Thu hút đầu tư.");
  }

  @Test
  void theWholeCascadeRunsFromReceiptToTheReportBackToTheParty() {
    Conclusion c = registerAndReceive();
    assertThat(conclusions.get(c.id()).incomingNumber()).isEqualTo("7.17.BCS");
    assertThat(instance(c)).isWaitingAt(TASK_DRAFT_DIRECTIVE);

    long directiveId = conclusions.attachDirectiveDraft(c.id(), draftFor("so-yt"));
    assertThat((String) viewOf(taskOf(c.processInstanceId(), TASK_DRAFT_DIRECTIVE)).get("draftAssignmentsText"))
        .contains("Sở Y tế");
    approveDraft(c);

    Directive d = directives.get(directiveId);
    assertThat(d.status()).isEqualTo(Directive.Status.ISSUED);
    assertThat(d.body().conclusionNumber()).isEqualTo(c.number());
    assertThat(instance(c)).isWaitingAt(CALL_ACTIVITY_DIRECTIVE);
    String directivePi = d.processInstanceId();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(directivePi).singleResult()
        .getBusinessKey()).isEqualTo(d.number());

    var a = assignments.ofDirective(directiveId).get(0);
    reportAndAccept("so-yt", a.processInstanceId(), report("Đã triển khai."));
    driver().uploadSummaryDocument(directivePi, "so-khdt");
    completeAs("so-khdt", taskOf(directivePi, DirectiveProcess.TASK_COLLECT_REPORTS),
        Map.of("summaryNumber", "200/BC-SKHĐT", "summaryText", "Các cơ quan đã báo cáo đầy đủ."));
    completeAs("lanh-dao-ubnd", taskOf(directivePi, DirectiveProcess.TASK_APPROVE_SUMMARY),
        Map.of("summaryDecision", "approve", "summaryComment", "Đồng ý."));
    executeAsyncJobs();

    assertThat(instance(c)).isWaitingAt(TASK_PREPARE_REPORT_BACK);
    Task prepare = taskOf(c.processInstanceId(), TASK_PREPARE_REPORT_BACK);
    assertThat(prepare.getDueDate().toInstant()).isEqualTo(VnDates.dueBefore(c.reportBackDeadline()));
    assertThat(runtimeService.getVariable(c.processInstanceId(), "summaryText")).isEqualTo("Các cơ quan đã báo cáo đầy đủ.");
    assertThat(viewOf(prepare)).as("the approved summary document, version 1").containsEntry("approvedSummaryVersion", "1")
        .containsEntry("approvedSummaryUrl", "/dashboard/directives/" + directiveId + "/summary-documents/1");
    driver().uploadReportBackDocument(c.processInstanceId(), "vp-ubnd");
    completeAs("vp-ubnd", prepare, Map.of("reportBackNumber", "300-BC/BCSĐ", "reportBackText", "Báo cáo kết quả."));
    completeAs("lanh-dao-ubnd", taskOf(c.processInstanceId(), TASK_APPROVE_REPORT_BACK),
        Map.of("reportBackDecision", "approve", "reportBackComment", ""));

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(c.processInstanceId())
        .singleResult().getEndTime()).isNotNull();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(c.processInstanceId())
        .activityId(END_EVENT_REPORTED_TO_PARTY).count()).isEqualTo(1);
    assertThat(conclusions.get(c.id()).reportBackNumber()).isEqualTo("300-BC/BCSĐ");
  }

  @Test
  void aLeaderReturnsTheDraftWithACommentAndTheOfficeRedraftsIt() {
    Conclusion c = registerAndReceive();
    conclusions.attachDirectiveDraft(c.id(), draftFor("so-yt"));
    completeAs("vp-ubnd", taskOf(c.processInstanceId(), TASK_DRAFT_DIRECTIVE), Map.of());
    completeAs("lanh-dao-ubnd", taskOf(c.processInstanceId(), TASK_APPROVE_DIRECTIVE),
        Map.of("directiveDecision", "return", "approvalComment", "Bổ sung Sở Công Thương."));

    assertThat(instance(c)).isWaitingAt(TASK_DRAFT_DIRECTIVE);
    assertThat(runtimeService.getVariable(c.processInstanceId(), "draftReturnComment")).isEqualTo("Bổ sung Sở Công Thương.");

    long directiveId = conclusions.attachDirectiveDraft(c.id(), draftFor("so-yt", "so-ct"));
    approveDraft(c);
    assertThat(assignments.ofDirective(directiveId)).hasSize(2);
    assertThat(runtimeService.getVariable(c.processInstanceId(), "draftReturnComment")).isNull();
  }

  @Test
  void editsTypedIntoTheDraftFormAreCheckedAndKept() {
    Conclusion c = registerAndReceive();
    long directiveId = conclusions.attachDirectiveDraft(c.id(), draftFor("so-yt"));
    Task draft = taskOf(c.processInstanceId(), TASK_DRAFT_DIRECTIVE);
    LocalDate today = LocalDate.now(clock);

    assertThatThrownBy(() -> taskService.complete(draft.getId(), Map.of("summaryDeadline", today.plusDays(5).toString())))
        .hasMessageContaining("Hạn tổng hợp không được trước hạn báo cáo");
    assertThat(instance(c)).isWaitingAt(TASK_DRAFT_DIRECTIVE);

    completeAs("vp-ubnd", draft, Map.of("directiveTitle", "V/v triển khai Kết luận (đã sửa)",
        "summaryDeadline", today.plusDays(25).toString()));
    Directive d = directives.get(directiveId);
    assertThat(d.title()).isEqualTo("V/v triển khai Kết luận (đã sửa)");
    assertThat(d.summaryDeadline()).isEqualTo(today.plusDays(25));
    assertThat(instance(c)).isWaitingAt(TASK_APPROVE_DIRECTIVE);
  }

  @Test
  void theDraftCannotBeCompletedBeforeItsAssignmentListIsAttached() {
    Conclusion c = registerAndReceive();
    Task draft = taskOf(c.processInstanceId(), TASK_DRAFT_DIRECTIVE);
    assertThatThrownBy(() -> taskService.complete(draft.getId(), Map.of()))
        .hasMessageContaining("Chưa có dự thảo và danh sách nhiệm vụ");
    assertThat(instance(c)).isWaitingAt(TASK_DRAFT_DIRECTIVE);
  }

  @Test
  void aReturnedReportBackGoesBackToTheOffice() {
    Conclusion c = registerAndReceive();
    long directiveId = conclusions.attachDirectiveDraft(c.id(), draftFor("so-yt"));
    approveDraft(c);
    String directivePi = directives.get(directiveId).processInstanceId();
    reportAndAccept("so-yt", assignments.ofDirective(directiveId).get(0).processInstanceId(), report("Xong."));
    driver().uploadSummaryDocument(directivePi, "so-khdt");
    completeAs("so-khdt", taskOf(directivePi, DirectiveProcess.TASK_COLLECT_REPORTS),
        Map.of("summaryNumber", "201/BC-SKHĐT", "summaryText", "Tổng hợp."));
    completeAs("lanh-dao-ubnd", taskOf(directivePi, DirectiveProcess.TASK_APPROVE_SUMMARY),
        Map.of("summaryDecision", "approve"));
    executeAsyncJobs();
    driver().uploadReportBackDocument(c.processInstanceId(), "vp-ubnd");
    completeAs("vp-ubnd", taskOf(c.processInstanceId(), TASK_PREPARE_REPORT_BACK),
        Map.of("reportBackNumber", "301-BC/BCSĐ", "reportBackText", "Nháp."));
    completeAs("lanh-dao-ubnd", taskOf(c.processInstanceId(), TASK_APPROVE_REPORT_BACK),
        Map.of("reportBackDecision", "return", "reportBackComment", "Nêu rõ kết quả từng nhiệm vụ."));

    assertThat(instance(c)).isWaitingAt(TASK_PREPARE_REPORT_BACK);
    assertThat(runtimeService.getVariable(c.processInstanceId(), "reportBackReturnComment"))
        .isEqualTo("Nêu rõ kết quả từng nhiệm vụ.");
  }
}
