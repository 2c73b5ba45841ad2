package vn.cascade.assignment;

import static vn.cascade.assignment.AgencyAssignmentProcess.*;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.cascade.common.InvalidInputException;
import vn.cascade.common.Texts;

/**
 * Văn phòng UBND's decision on a return as not within the agency's remit: a transfer moves the
 * assignment to the chosen agency ({@link AssignmentTransfers}); keeping it needs a comment, which
 * the agency then reads on its report form.
 */
@Component
class ApplyTransferDecisionDelegate implements JavaDelegate {

  private final AssignmentRepository assignments;
  private final TransferRepository transfers;
  private final AssignmentTransfers moves;
  private final Clock clock;

  ApplyTransferDecisionDelegate(AssignmentRepository assignments, TransferRepository transfers,
      AssignmentTransfers moves, Clock clock) {
    this.assignments = assignments;
    this.transfers = transfers;
    this.moves = moves;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Assignment a = assignments.ofProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    TransferRepository.Transfer request = transfers.pending(a.id())
        .orElseThrow(() -> new IllegalStateException("Không có đề nghị chuyển giao đang chờ quyết định."));
    String decision = TRANSFER_DECISION.from(execution);
    String comment = Texts.nfc(TRANSFER_COMMENT.from(execution));
    if (comment != null && (comment.length() > Texts.MAX_STRING_VARIABLE || Texts.hasControlCharacters(comment))) {
      throw new IllegalArgumentException("Ý kiến dài quá " + Texts.thousands(Texts.MAX_STRING_VARIABLE)
          + " ký tự hoặc chứa ký tự không hợp lệ.");
    }
    var who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String by = who == null ? null : who.getUserId();
    if (TRANSFER_KEEP.equals(decision)) {
      if (Texts.isBlank(comment)) {
        throw new IllegalArgumentException("Vui lòng nêu ý kiến khi giữ nguyên cơ quan thực hiện.");
      }
      transfers.decide(request.id(), decision, null, comment, by, clock.instant());
    } else if (TRANSFER_MOVE.equals(decision)) {
      String to = TRANSFER_AGENCY.from(execution);
      try {
        moves.move(a.id(), to == null ? null : to.strip(), request.id(), request.reason(), decision,
            Texts.isBlank(comment) ? null : comment, by);
      } catch (InvalidInputException e) {
        throw new IllegalArgumentException(e.problems().get(0).message());
      }
    } else {
      throw new IllegalArgumentException("Vui lòng chọn một quyết định: chuyển cho cơ quan khác hoặc giữ nguyên.");
    }
    Inputs.consume(execution, INPUTS);
  }

  private static final List<String> INPUTS = List.of(TRANSFER_DECISION.name(), TRANSFER_AGENCY.name(),
      TRANSFER_COMMENT.name());
}
