package vn.cascade.assignment;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.common.InvalidInputException;
import vn.cascade.common.NotFoundException;
import vn.cascade.common.Texts;

/**
 * An agency returns an assignment as not within its remit (không đúng thẩm quyền), with its reason
 * and the agency it suggests: the return is checked and recorded, then the assignment's process is
 * told ({@value AgencyAssignmentProcess#ESCALATION_TRANSFER_REQUESTED}, thrown from the open report task), which opens Văn phòng UBND's
 * decision task. Until it is decided the agency keeps the assignment and no second return is taken.
 */
@Service
public class TransferRequests {

  private final AssignmentRepository assignments;
  private final TransferRepository transfers;
  private final AssignmentTransfers moves;
  private final AgencyDirectory agencies;
  private final AssignmentEscalations escalations;
  private final Clock clock;

  TransferRequests(AssignmentRepository assignments, TransferRepository transfers, AssignmentTransfers moves,
      AgencyDirectory agencies, AssignmentEscalations escalations, Clock clock) {
    this.assignments = assignments;
    this.transfers = transfers;
    this.moves = moves;
    this.agencies = agencies;
    this.escalations = escalations;
    this.clock = clock;
  }

  /** Whether this user may return the assignment: a member of its agency, report neither sent nor accepted. */
  public boolean mayRequest(Assignment a, Set<String> groups) {
    return groups.contains(a.agencyCode()) && !a.reported() && !a.inReview() && a.processInstanceId() != null;
  }

  public Optional<TransferRepository.Transfer> pending(Assignment a) {
    return transfers.pending(a.id());
  }

  /**
   * @param suggested the code of the agency the user suggests, from the directory
   * @throws InvalidInputException naming the field, in Vietnamese; nothing is stored then
   */
  @Transactional
  public void request(long assignmentId, String reason, String suggested, String userId, Set<String> groups) {
    Assignment a = assignments.find(assignmentId).orElseThrow(() -> new NotFoundException("Không tìm thấy nhiệm vụ."));
    if (!groups.contains(a.agencyCode())) {
      throw new InvalidInputException("agency", "Chỉ cơ quan thực hiện nhiệm vụ được báo không đúng thẩm quyền.");
    }
    if (!moves.open(a)) {
      throw new InvalidInputException("assignment", "Nhiệm vụ này đã kết thúc (báo cáo đã được chấp nhận): "
          + "không thể báo không đúng thẩm quyền.");
    }
    if (a.inReview()) {
      throw new InvalidInputException("assignment", "Cơ quan đã gửi báo cáo nhiệm vụ này, đang chờ xem xét: "
          + "không thể báo không đúng thẩm quyền.");
    }
    if (transfers.pending(a.id()).isPresent()) {
      throw new InvalidInputException("transferReason", "Đề nghị chuyển giao trước đang chờ Văn phòng UBND tỉnh "
          + "quyết định; chưa thể gửi đề nghị mới.");
    }
    String text = Texts.nfc(reason);
    if (Texts.isBlank(text)) {
      throw new InvalidInputException("transferReason", "Vui lòng nêu lý do nhiệm vụ không đúng thẩm quyền.");
    }
    if (text.length() > Texts.MAX_STRING_VARIABLE || Texts.hasControlCharacters(text)) {
      throw new InvalidInputException("transferReason", "Lý do dài quá "
          + Texts.thousands(Texts.MAX_STRING_VARIABLE) + " ký tự hoặc chứa ký tự không hợp lệ.");
    }
    String code = suggested == null ? "" : suggested.strip();
    if (code.isEmpty() || !agencies.exists(code)) {
      throw new InvalidInputException("suggestedAgency", "Vui lòng chọn cơ quan đề nghị nhận nhiệm vụ trong danh mục.");
    }
    if (!agencies.isActive(code)) {
      throw new InvalidInputException("suggestedAgency", agencies.get(code).name()
          + " đã ngừng hoạt động: vui lòng chọn cơ quan khác.");
    }
    if (!agencies.get(code).carriesOutAssignments()) {
      throw new InvalidInputException("suggestedAgency", AssignmentTransfers.notAnExecutor(agencies.get(code)));
    }
    if (code.equals(a.agencyCode())) {
      throw new InvalidInputException("suggestedAgency", "Cơ quan đề nghị nhận nhiệm vụ phải khác cơ quan đang thực hiện.");
    }
    transfers.request(a.id(), a.agencyCode(), code, text, userId, clock.instant());
    // Either refusal rolls the row above back.
    switch (escalations.tell(a.processInstanceId(), AgencyAssignmentProcess.EVENT_TRANSFER_REQUESTED,
        AgencyAssignmentProcess.ESCALATION_TRANSFER_REQUESTED, AgencyAssignmentProcess.MESSAGE_TRANSFER_REQUESTED,
        AgencyAssignmentProcess.TASK_REPORT_RESULTS)) {
      case TOLD -> { }
      case NOT_IN_MODEL -> throw new InvalidInputException("assignment", "Nhiệm vụ này được giao trước khi có "
          + "chức năng chuyển giao: vui lòng liên hệ Văn phòng UBND tỉnh.");
      case NO_OPEN_TASK -> throw new InvalidInputException("assignment", "Nhiệm vụ này đã kết thúc (báo cáo đã được "
          + "chấp nhận): không thể báo không đúng thẩm quyền.");
    }
  }
}
