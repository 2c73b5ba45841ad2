package vn.cascade.assignment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cascade.common.InvalidInputException;
import vn.cascade.common.Texts;
import vn.cascade.common.VnDates;

/**
 * An agency asks for more time when it needs it: no standing task. The request is checked and
 * recorded, then the assignment's process is told ({@value AgencyAssignmentProcess#ESCALATION_EXTENSION_REQUESTED}),
 * which opens Văn phòng UBND's decision task. While it waits, the assignment shows "Đang chờ quyết
 * định gia hạn" and no second request is taken. A refused request changes nothing.
 */
@Service
public class ExtensionRequests {

  private final AssignmentRepository assignments;
  private final ExtensionRepository extensions;
  private final AssignmentEscalations escalations;
  private final Clock clock;

  ExtensionRequests(AssignmentRepository assignments, ExtensionRepository extensions,
      AssignmentEscalations escalations, Clock clock) {
    this.assignments = assignments;
    this.extensions = extensions;
    this.escalations = escalations;
    this.clock = clock;
  }

  /** Whether this user may ask for more time on the assignment: a member of its agency, not yet reported. */
  public boolean mayRequest(Assignment a, Set<String> groups) {
    return groups.contains(a.agencyCode()) && !a.reported() && a.processInstanceId() != null;
  }

  public Optional<ExtensionRepository.Extension> pending(Assignment a) {
    return extensions.pending(a.id());
  }

  /**
   * @param requestedDate the new "trước ngày" day, as the page's date field sends it ({@code yyyy-MM-dd})
   * @throws InvalidInputException naming the field, in Vietnamese; nothing is stored then
   */
  @Transactional
  public void request(long assignmentId, String requestedDate, String reason, String userId, Set<String> groups) {
    Assignment a = assignments.find(assignmentId).orElseThrow(
        () -> new vn.cascade.common.NotFoundException("Không tìm thấy nhiệm vụ."));
    if (!groups.contains(a.agencyCode())) {
      throw new InvalidInputException("agency", "Chỉ cơ quan thực hiện nhiệm vụ được xin gia hạn.");
    }
    if (a.reported() || a.processInstanceId() == null) {
      throw new InvalidInputException("assignment", "Nhiệm vụ này đã kết thúc (báo cáo đã được chấp nhận): "
          + "không thể xin gia hạn.");
    }
    if (extensions.pending(a.id()).isPresent()) {
      throw new InvalidInputException("requestedDeadline", "Đề nghị gia hạn trước đang chờ Văn phòng UBND tỉnh quyết định; "
          + "chưa thể gửi đề nghị mới.");
    }
    LocalDate requested;
    try {
      requested = LocalDate.parse(requestedDate == null ? "" : requestedDate.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("requestedDeadline", "Vui lòng chọn ngày đề nghị gia hạn.");
    }
    LocalDate today = LocalDate.now(clock.withZone(VnDates.ZONE));
    if (!requested.isAfter(today)) {
      throw new InvalidInputException("requestedDeadline", "Ngày đề nghị gia hạn (" + VnDates.format(requested)
          + ") đã qua; vui lòng chọn một ngày sau hôm nay.");
    }
    if (!requested.isAfter(a.deadline())) {
      throw new InvalidInputException("requestedDeadline", "Ngày đề nghị gia hạn phải sau thời hạn hiện tại ("
          + VnDates.before(a.deadline()) + ").");
    }
    if (requested.getYear() > 2100) {
      throw new InvalidInputException("requestedDeadline", "Ngày đề nghị gia hạn không hợp lệ.");
    }
    String text = Texts.nfc(reason);
    if (Texts.isBlank(text)) {
      throw new InvalidInputException("extensionReason", "Vui lòng nêu lý do xin gia hạn.");
    }
    if (text.length() > Texts.MAX_STRING_VARIABLE || Texts.hasControlCharacters(text)) {
      throw new InvalidInputException("extensionReason", "Lý do xin gia hạn dài quá "
          + Texts.thousands(Texts.MAX_STRING_VARIABLE) + " ký tự hoặc chứa ký tự không hợp lệ.");
    }
    extensions.request(a.id(), a.deadline(), requested, text, userId, clock.instant());
    if (escalations.tell(a.processInstanceId(), AgencyAssignmentProcess.EVENT_EXTENSION_REQUESTED,
        AgencyAssignmentProcess.ESCALATION_EXTENSION_REQUESTED, AgencyAssignmentProcess.MESSAGE_EXTENSION_REQUESTED,
        AgencyAssignmentProcess.TASK_REPORT_RESULTS, AgencyAssignmentProcess.TASK_REVIEW_REPORT)
        != AssignmentEscalations.Outcome.TOLD) {
      // Rolled back with the row above: the instance has ended, or has no report or review open to ask from.
      throw new InvalidInputException("assignment", "Nhiệm vụ này đã kết thúc (báo cáo đã được chấp nhận): "
          + "không thể xin gia hạn.");
    }
  }
}
