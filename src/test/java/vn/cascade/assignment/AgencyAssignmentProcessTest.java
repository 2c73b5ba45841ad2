package vn.cascade.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.cascade.TestDocuments.directive;
import static vn.cascade.TestDocuments.report;
import static vn.cascade.assignment.AgencyAssignmentProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveService;
import vn.cascade.reminder.ChasePlans;
import vn.cascade.reminder.ChaseSubject;

/** An assignment as real office work: review and return, extension, coordinating agencies. */
class AgencyAssignmentProcessTest extends CascadeIntegrationTest {

  @Autowired ExtensionRequests requests;
  @Autowired DirectiveService directives;
  @Autowired AssignmentRepository assignments;
  @Autowired ExtensionRepository extensions;
  @Autowired ContributionRepository contributions;
  @Autowired ChasePlans chasePlans;

  private Assignment issue(String agency) {
    Directive d = directives.issue(directive(LocalDate.now(clock), agency));
    return assignments.ofDirective(d.id()).get(0);
  }

  /** Sở TN&MT leads item 6 with UBND huyện Long Thành coordinating on its one bullet. */
  private Assignment issueToTnmtWithLongThanh() {
    var item = new DirectiveDraft.Item(6, "Giao Sở Tài nguyên và Môi trường", List.of("so-tnmt"), List.of(3), List.of(
        new DirectiveDraft.Bullet("Bồi thường, tái định cư.", List.of("ubnd-long-thanh"))));
    Directive d = directives.issue(directive(LocalDate.now(clock), List.of(item)));
    Assignment lead = assignments.ofDirective(d.id()).get(0);
    return lead;
  }

  private ProcessInstance instance(Assignment a) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(a.processInstanceId()).singleResult();
  }

  private void review(Assignment a, String decision, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put("reviewDecision", decision);
    v.put("reviewComment", comment);
    completeAs("so-khdt", taskOf(a.processInstanceId(), TASK_REVIEW_REPORT), v);
  }

  @Test
  void aReturnedReportComesBackWithItsAnswersAndTheReasonAndEveryVersionIsKept() {
    Assignment a = issue("so-yt");
    completeAs("so-yt", taskOf(a.processInstanceId(), TASK_REPORT_RESULTS), report("Bản đầu, thiếu số liệu."));
    assertThat(assignments.find(a.id()).orElseThrow().inReview()).isTrue();
    assertThat(instance(a)).isWaitingAt(TASK_REVIEW_REPORT);

    review(a, "return", "Bổ sung số ca bệnh theo tháng.");

    assertThat(instance(a)).isWaitingAt(TASK_REPORT_RESULTS);
    Task reopened = taskOf(a.processInstanceId(), TASK_REPORT_RESULTS);
    assertThat(viewOf(reopened)).containsEntry("returnReason", "Bổ sung số ca bệnh theo tháng.");
    assertThat(prefillOf(reopened)).containsEntry("overallResult", "Bản đầu, thiếu số liệu.");
    assertThat(runtimeService.getVariables(a.processInstanceId())).as("the answers are in Cascade's table, not variables")
        .doesNotContainKeys("overallResult", "returnReason", "reviewDecision", "reviewComment");
    Assignment returned = assignments.find(a.id()).orElseThrow();
    assertThat(returned.reported()).isFalse();
    assertThat(returned.reviewStatus()).isEqualTo(Assignment.RETURNED);

    reportAndAccept("so-yt", a.processInstanceId(), report("Bản sửa, đủ số liệu."));
    List<AssignmentRepository.ReportVersion> versions = assignments.versions(a.id());
    assertThat(versions).extracting(AssignmentRepository.ReportVersion::reviewDecision)
        .containsExactly(Assignment.RETURNED, Assignment.ACCEPTED);
    assertThat(versions.get(0).report()).containsEntry("overallResult", "Bản đầu, thiếu số liệu.");
    assertThat(versions.get(0).reviewComment()).isEqualTo("Bổ sung số ca bệnh theo tháng.");
    assertThat(versions.get(1).report()).containsEntry("overallResult", "Bản sửa, đủ số liệu.");
    assertThat(assignments.find(a.id()).orElseThrow().report()).containsEntry("overallResult", "Bản sửa, đủ số liệu.");
  }

  @Test
  void aReportSubmittedOnTimeIsNotLateBecauseTheReviewTookLong() {
    Assignment a = issue("so-yt");
    Instant submitted = VnDates.dueBefore(a.deadline()).minus(Duration.ofDays(1));
    clock.set(submitted);
    completeAs("so-yt", taskOf(a.processInstanceId(), TASK_REPORT_RESULTS), report("Đúng hạn."));
    clock.set(VnDates.dueBefore(a.deadline()).plus(Duration.ofDays(4)));
    review(a, "accept", "");

    Assignment done = assignments.find(a.id()).orElseThrow();
    assertThat(done.reportedAt()).isEqualTo(submitted);
    assertThat(done.status(clock.instant())).isEqualTo(ReportStatus.COMPLETED_ON_TIME);
  }

  @Test
  void aReturnWithoutAReasonIsRefused() {
    Assignment a = issue("so-yt");
    completeAs("so-yt", taskOf(a.processInstanceId(), TASK_REPORT_RESULTS), report("Xong."));
    assertThatThrownBy(() -> review(a, "return", " ")).hasMessageContaining("lý do");
    assertThat(instance(a)).isWaitingAt(TASK_REVIEW_REPORT);
  }

  @Test
  void anApprovedExtensionMovesTheDeadlineTheTaskAndItsRemindersAndKeepsTheOriginal() {
    Assignment a = issue("so-yt");
    LocalDate original = a.deadline();
    LocalDate wanted = original.plusDays(3);
    ask(a, wanted.toString(), "Chờ số liệu của Bộ Y tế.");
    assertThat(extensions.pending(a.id())).isPresent();
    assertThat(viewOf(taskOf(a.processInstanceId(), TASK_DECIDE_EXTENSION)))
        .containsEntry("requestedDeadlineText", VnDates.before(wanted))
        .containsEntry("extensionReason", "Chờ số liệu của Bộ Y tế.");

    completeAs("vp-ubnd", taskOf(a.processInstanceId(), TASK_DECIDE_EXTENSION), Map.of(
        "extensionDecision", "approve", "extensionComment", "Đồng ý.", "confirmBeyondSummary", false));

    Assignment moved = assignments.find(a.id()).orElseThrow();
    assertThat(moved.deadline()).isEqualTo(wanted);
    assertThat(moved.originalDeadline()).isEqualTo(original);
    assertThat(taskOf(a.processInstanceId(), TASK_REPORT_RESULTS).getDueDate().toInstant())
        .isEqualTo(VnDates.dueBefore(wanted));
    assertThat(viewOf(taskOf(a.processInstanceId(), TASK_REPORT_RESULTS)).get("extensionDecisionText").toString())
        .startsWith("Đồng ý gia hạn: " + VnDates.before(wanted));
    assertThat(extensions.pending(a.id())).as("no request waits: another one may be made").isEmpty();
    var view = directives.view(a.directiveId()).assignments().get(0);
    assertThat(view.originalDeadline()).isEqualTo(original);
    assertThat(view.deadline()).isEqualTo(wanted);
  }

  private void ask(Assignment a, Object requested, String reason) {
    requests.request(a.id(), requested.toString(), reason, "so-yt", java.util.Set.of("so-yt"));
  }

  @Test
  void anExtensionIsAskedForOnDemandWaitsForItsDecisionAndIsNotAskedTwiceMeanwhile() {
    Assignment a = issue("so-yt");
    assertThat(taskService.createTaskQuery().processInstanceId(a.processInstanceId()).list())
        .as("no standing extension task: the report is the agency's only task")
        .extracting(Task::getTaskDefinitionKey).containsExactly(TASK_REPORT_RESULTS);
    ask(a, a.deadline().plusDays(3), "Chờ số liệu.");
    assertThat(viewOf(taskOf(a.processInstanceId(), TASK_REPORT_RESULTS)).get("extensionPendingText").toString())
        .startsWith("Đang chờ quyết định gia hạn");
    assertThatThrownBy(() -> ask(a, a.deadline().plusDays(5), "Lần nữa."))
        .hasMessageContaining("đang chờ");
    assertThatThrownBy(() -> requests.request(a.id(), a.deadline().plusDays(5).toString(), "Không phải của mình.",
        "ca-tinh", java.util.Set.of("ca-tinh"))).hasMessageContaining("Chỉ cơ quan thực hiện");
    assertThat(extensions.of(a.id())).hasSize(1);
    assertThat(taskService.createTaskQuery().processInstanceId(a.processInstanceId())
        .taskDefinitionKey(TASK_DECIDE_EXTENSION).taskCandidateGroup("vp-ubnd").count()).isOne();
  }

  @Test
  void anExtensionToADateInThePastIsRefusedWithAMessageAndChangesNothing() {
    Assignment a = issue("so-yt");
    assertThatThrownBy(() -> ask(a, LocalDate.now(clock).minusDays(2).toString(), "Lý do."))
        .hasMessageContaining("đã qua");
    assertThat(extensions.of(a.id())).isEmpty();
    assertThat(taskOf(a.processInstanceId(), TASK_DECIDE_EXTENSION)).as("no decision asked for").isNull();
  }

  @Test
  void aDatePastTheSummaryDeadlineNeedsTheApproversExplicitConfirmation() {
    Assignment a = issue("so-yt");
    Directive d = directives.get(a.directiveId());
    LocalDate late = d.summaryDeadline().plusDays(5);
    ask(a, late.toString(), "Khối lượng lớn.");
    Task decide = taskOf(a.processInstanceId(), TASK_DECIDE_EXTENSION);

    assertThatThrownBy(() -> taskService.complete(decide.getId(), Map.of("extensionDecision", "approve",
        "extensionComment", "Đồng ý.", "confirmBeyondSummary", false))).hasMessageContaining("xác nhận");
    assertThat(assignments.find(a.id()).orElseThrow().deadline()).isEqualTo(a.deadline());

    completeAs("vp-ubnd", decide, Map.of("extensionDecision", "approve", "extensionComment", "Đồng ý.",
        "confirmBeyondSummary", true));
    assertThat(assignments.find(a.id()).orElseThrow().deadline()).isEqualTo(late);
  }

  @Test
  void theOfficeMayApproveAnotherDateThanTheOneAskedFor() {
    Assignment a = issue("so-yt");
    LocalDate asked = a.deadline().plusDays(4);
    LocalDate granted = a.deadline().plusDays(2);
    ask(a, asked.toString(), "Chờ tổng hợp số liệu quý.");
    completeAs("vp-ubnd", taskOf(a.processInstanceId(), TASK_DECIDE_EXTENSION), Map.of(
        "extensionDecision", "approve-other", "approvedDeadline", granted.toString(),
        "extensionComment", "Chỉ gia hạn 2 ngày.", "confirmBeyondSummary", false));

    assertThat(assignments.find(a.id()).orElseThrow().deadline()).isEqualTo(granted);
    assertThat(extensions.of(a.id())).singleElement().satisfies(e -> {
      assertThat(e.requestedDeadline()).isEqualTo(asked);
      assertThat(e.approvedDeadline()).isEqualTo(granted);
      assertThat(e.decision()).isEqualTo("approve-other");
    });
    assertThat(taskOf(a.processInstanceId(), TASK_REPORT_RESULTS).getDueDate().toInstant())
        .isEqualTo(VnDates.dueBefore(granted));
  }

  @Test
  void aRefusedExtensionChangesNothing() {
    Assignment a = issue("so-yt");
    ask(a, a.deadline().plusDays(3).toString(), "Xin thêm thời gian.");
    completeAs("vp-ubnd", taskOf(a.processInstanceId(), TASK_DECIDE_EXTENSION), Map.of(
        "extensionDecision", "refuse", "extensionComment", "Thời hạn đã đủ."));
    assertThat(assignments.find(a.id()).orElseThrow().deadline()).isEqualTo(a.deadline());
    assertThat(taskOf(a.processInstanceId(), TASK_REPORT_RESULTS).getDueDate().toInstant()).isEqualTo(a.dueAt());
    assertThat(extensions.of(a.id())).singleElement().satisfies(e -> assertThat(e.decision()).isEqualTo("refuse"));
  }

  @Test
  void theLeadMaySubmitWithoutAMissingContributionAndItsTaskCloses() {
    Assignment lead = issueToTnmtWithLongThanh();
    assertThat(viewOf(taskOf(lead.processInstanceId(), TASK_REPORT_RESULTS)))
        .containsEntry("contributionsText", "Chưa gửi ý kiến: UBND huyện Long Thành.");

    reportAndAccept("so-tnmt", lead.processInstanceId(), report("Báo cáo khi Long Thành chưa gửi ý kiến."));

    assertThat(assignments.find(lead.id()).orElseThrow().reported()).isTrue();
    assertThat(contributions.of(lead.id())).isEmpty();
    assertThat(taskService.createTaskQuery().taskCandidateGroup("ubnd-long-thanh")
        .processInstanceId(lead.processInstanceId()).count()).isZero();
  }

  @Test
  void coordinatingAgenciesContributeOnTimeOrLateAndTheLeadSeesWhatArrived() {
    var item = new DirectiveDraft.Item(1, "Giao Sở Kế hoạch và Đầu tư", List.of("so-khdt"), List.of(3), List.of(
        new DirectiveDraft.Bullet("Cân đối vốn.", List.of()),
        new DirectiveDraft.Bullet("Rà soát công trình trọng điểm.", List.of("ban-qlda", "ubnd-bien-hoa"))));
    Directive d = directives.issue(directive(LocalDate.now(clock), List.of(item)));
    Assignment lead = assignments.ofDirective(d.id()).get(0);
    List<Task> asks = taskService.createTaskQuery().processInstanceId(lead.processInstanceId())
        .taskDefinitionKey(TASK_CONTRIBUTE).list();
    assertThat(asks).hasSize(2);
    Task qlda = asks.stream().filter(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
        .anyMatch(l -> "ban-qlda".equals(l.getGroupId()))).findFirst().orElseThrow();
    assertThat(qlda.getDueDate().toInstant()).isEqualTo(VnDates.dueBefore(lead.deadline().minusDays(3)));
    assertThat((String) viewOf(qlda).get("contributionBulletsText"))
        .contains("Nội dung 2: Rà soát công trình trọng điểm.").doesNotContain("Cân đối vốn.");

    completeAs("ban-qlda", qlda, Map.of("contributionText", "Đã rà soát 12 công trình.",
        "contributionContactPerson", "Phạm Văn Đức", "contributionContactPhone", "0251 3811 111"));

    assertThat(contributions.of(lead.id())).singleElement()
        .satisfies(c -> assertThat(c.text()).isEqualTo("Đã rà soát 12 công trình."));
    assertThat((String) viewOf(taskOf(lead.processInstanceId(), TASK_REPORT_RESULTS)).get("contributionsText"))
        .contains("Ban QLDA", "Đã rà soát 12 công trình.", "Chưa gửi ý kiến: UBND TP Biên Hòa");
    assertThat(runtimeService.getVariable(lead.processInstanceId(), "contactPerson"))
        .as("a contribution does not overwrite the lead's own contact").isNull();

    // A contribution after its own due date still lands, and the lead sees it.
    clock.set(qlda.getDueDate().toInstant().plus(Duration.ofDays(1)));
    Task bienHoaLate = taskService.createTaskQuery().processInstanceId(lead.processInstanceId())
        .taskDefinitionKey(TASK_CONTRIBUTE).singleResult();
    assertThat(bienHoaLate).isNotNull();
    completeAs("ubnd-bien-hoa", bienHoaLate, Map.of("contributionText", "Biên Hòa gửi muộn: đã bàn giao mặt bằng.",
        "contributionContactPerson", "Lê Văn Em", "contributionContactPhone", "0251 3822 000"));
    assertThat((String) viewOf(taskOf(lead.processInstanceId(), TASK_REPORT_RESULTS)).get("contributionsText"))
        .contains("Biên Hòa gửi muộn").doesNotContain("Chưa gửi ý kiến");
    assertThat(contributions.of(lead.id())).hasSize(2);

    reportAndAccept("so-khdt", lead.processInstanceId(), report("Báo cáo chung, đủ ý kiến phối hợp.", "Vốn", "Công trình"));
    assertThat(assignments.find(lead.id()).orElseThrow().reported()).isTrue();
    assertThat(taskService.createTaskQuery().processInstanceId(lead.processInstanceId()).count()).isZero();
  }

  @Test
  void theAcceptanceItselfEndsOpenContributionsAndAnUndecidedExtensionAndClosesTheChaseBeforeTheDelivery() {
    Assignment lead = issueToTnmtWithLongThanh();
    String pi = lead.processInstanceId();
    assertThat(chasePlans.find(ChaseSubject.ASSIGNMENT, lead.id())).isPresent();
    completeAs("so-tnmt", taskOf(pi, TASK_REPORT_RESULTS), report("Báo cáo khi còn chờ gia hạn và phối hợp."));
    // Asked while the report waits for its review: escalated from the review task, which stays open.
    requests.request(lead.id(), lead.deadline().plusDays(3).toString(), "Xin thêm thời gian.", "so-tnmt",
        Set.of("so-tnmt"));
    assertThat(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(TASK_DECIDE_EXTENSION).count()).isOne();
    assertThat(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(TASK_CONTRIBUTE).count()).isOne();
    assertThat(instance(lead)).isWaitingAt(TASK_REVIEW_REPORT, TASK_DECIDE_EXTENSION, TASK_CONTRIBUTE);
    assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(pi).count())
        .as("escalations need no subscription").isZero();

    review(lead, "accept", null);

    // The delivery job has not run: the acceptance's transaction alone ended the rest.
    assertThat(instance(lead)).isWaitingAt(TASK_DELIVER_REPORT);
    assertThat(taskService.createTaskQuery().processInstanceId(pi).count()).isZero();
    assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(pi).count())
        .as("no extension or transfer can be asked for any more").isZero();
    assertThat(chasePlans.find(ChaseSubject.ASSIGNMENT, lead.id())).isEmpty();
    assertThatThrownBy(() -> requests.request(lead.id(), lead.deadline().plusDays(5).toString(), "Lại xin thêm.",
        "so-tnmt", Set.of("so-tnmt")))
        .hasMessageContaining("đã kết thúc");

    executeAsyncJobs();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
  }
}
