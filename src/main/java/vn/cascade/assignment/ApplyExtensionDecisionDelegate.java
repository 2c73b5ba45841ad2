package vn.cascade.assignment;

import static vn.cascade.assignment.AgencyAssignmentProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.cascade.common.Texts;
import vn.cascade.common.VnDates;
import vn.cascade.directive.DirectiveRepository;

/**
 * Văn phòng UBND's decision: an approved extension moves the deadline in force, the task's due
 * date and its reminders; a refusal changes nothing. A date past the summary deadline needs an
 * explicit confirmation.
 */
@Component
class ApplyExtensionDecisionDelegate implements JavaDelegate {

  private final AssignmentRepository assignments;
  private final ExtensionRepository extensions;
  private final AssignmentDeadlines deadlines;
  private final DirectiveRepository directives;
  private final Clock clock;

  ApplyExtensionDecisionDelegate(AssignmentRepository assignments, ExtensionRepository extensions,
      AssignmentDeadlines deadlines, DirectiveRepository directives, Clock clock) {
    this.assignments = assignments;
    this.extensions = extensions;
    this.deadlines = deadlines;
    this.directives = directives;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Assignment a = assignments.ofProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    ExtensionRepository.Extension request = extensions.pending(a.id())
        .orElseThrow(() -> new IllegalStateException("Không có đề nghị gia hạn đang chờ quyết định."));
    String decision = EXTENSION_DECISION.from(execution);
    String comment = Texts.nfc(EXTENSION_COMMENT.from(execution));
    var who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String by = who == null ? null : who.getUserId();
    if (EXTENSION_REFUSE.equals(decision)) {
      extensions.decide(request.id(), decision, null, comment, by, clock.instant());
      Inputs.consume(execution, INPUTS);
      return;
    }
    LocalDate approved;
    if (EXTENSION_APPROVE.equals(decision)) {
      approved = request.requestedDeadline();
    } else if (EXTENSION_APPROVE_OTHER.equals(decision)) {
      try {
        approved = LocalDate.parse(APPROVED_DEADLINE.from(execution));
      } catch (NullPointerException | DateTimeParseException e) {
        throw new IllegalArgumentException("Vui lòng chọn ngày gia hạn được đồng ý.");
      }
    } else {
      throw new IllegalArgumentException("Vui lòng chọn một quyết định.");
    }
    LocalDate today = LocalDate.now(clock.withZone(VnDates.ZONE));
    if (!approved.isAfter(today)) {
      throw new IllegalArgumentException("Ngày gia hạn (" + VnDates.format(approved) + ") đã qua.");
    }
    LocalDate summary = directives.find(a.directiveId()).orElseThrow().summaryDeadline();
    if (approved.isAfter(summary) && !Boolean.TRUE.equals(CONFIRM_BEYOND_SUMMARY.from(execution))) {
      throw new IllegalArgumentException("Ngày gia hạn " + VnDates.format(approved) + " sau hạn tổng hợp ("
          + VnDates.before(summary) + "): vui lòng đánh dấu xác nhận gia hạn sau hạn tổng hợp.");
    }
    extensions.decide(request.id(), decision, approved, comment, by, clock.instant());
    deadlines.moveDeadline(a.id(), approved);
    Inputs.consume(execution, INPUTS);
  }

  private static final java.util.List<String> INPUTS = java.util.List.of(EXTENSION_DECISION.name(),
      APPROVED_DEADLINE.name(), CONFIRM_BEYOND_SUMMARY.name(), EXTENSION_COMMENT.name());
}
