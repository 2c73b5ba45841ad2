package vn.cascade.assignment;

import static vn.cascade.assignment.AgencyAssignmentProcess.COMPLETION_STATUS;
import static vn.cascade.assignment.AgencyAssignmentProcess.STATUS_COMPLETED;
import static vn.cascade.assignment.AgencyAssignmentProcess.STATUS_IN_PROGRESS;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cascade.common.ForbiddenException;
import vn.cascade.common.InvalidInputException;
import vn.cascade.common.NotFoundException;
import vn.cascade.common.Texts;

/**
 * An agency's later update: its accepted report said the work was still <em>đang thực hiện</em>; now
 * it says the work is completed, in a short text. The update is a new report version, standing at
 * once (there is nothing left to review: the report that was due has been accepted), and the report
 * everybody reads from then on. When the report arrived does not change.
 */
@Service
public class LaterUpdates {

  /** Longest text an update may carry. */
  public static final int MAX_TEXT = 2000;
  /** The report key that holds the update's text. */
  public static final String UPDATE_TEXT = "completionUpdate";

  private final AssignmentRepository assignments;
  private final Clock clock;

  LaterUpdates(AssignmentRepository assignments, Clock clock) {
    this.assignments = assignments;
    this.clock = clock;
  }

  /** Whether the assignment's report stands (accepted) and declares the work still in progress. */
  public boolean open(Assignment a) {
    return a.reported() && Assignment.ACCEPTED.equals(a.reviewStatus())
        && STATUS_IN_PROGRESS.equals(a.report().get(COMPLETION_STATUS.name()));
  }

  /** Whether these groups may send the update: only the assignment's own agency. */
  public boolean mayUpdate(Assignment a, Set<String> groups) {
    return groups.contains(a.agencyCode()) && open(a);
  }

  /**
   * Stores the update as a new version that marks the work completed; returns its number.
   *
   * @throws ForbiddenException when the user is not of the assignment's agency
   * @throws InvalidInputException naming the field, in Vietnamese; nothing is stored then
   */
  @Transactional
  public int complete(long assignmentId, String text, String userId, Set<String> groups) {
    Assignment a = assignments.find(assignmentId).orElseThrow(() -> new NotFoundException("Không tìm thấy nhiệm vụ."));
    if (!groups.contains(a.agencyCode())) {
      throw new ForbiddenException("Chỉ cơ quan thực hiện nhiệm vụ được gửi cập nhật tình trạng thực hiện.");
    }
    if (!open(a)) {
      throw new InvalidInputException("assignment", a.reported() && STATUS_COMPLETED.equals(
          a.report().get(COMPLETION_STATUS.name()))
          ? "Nhiệm vụ đã được báo cáo là đã hoàn thành; không cần cập nhật thêm."
          : "Chỉ gửi cập nhật được khi báo cáo đã được chấp nhận và ghi tình trạng «Đang thực hiện».");
    }
    String clean = text == null ? "" : Texts.nfc(text).strip();
    if (clean.isEmpty()) {
      throw new InvalidInputException("updateText", "Vui lòng ghi ngắn gọn kết quả hoàn thành nhiệm vụ.");
    }
    if (clean.length() > MAX_TEXT) {
      throw new InvalidInputException("updateText", "Nội dung cập nhật có " + Texts.thousands(clean.length())
          + " ký tự (tối đa " + Texts.thousands(MAX_TEXT) + ").");
    }
    if (clean.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      throw new InvalidInputException("updateText", "Nội dung cập nhật chứa ký tự điều khiển không hợp lệ.");
    }
    Map<String, Object> report = new LinkedHashMap<>(a.report());
    report.put(COMPLETION_STATUS.name(), STATUS_COMPLETED);
    report.put(UPDATE_TEXT, clean);
    return assignments.storeLaterUpdate(a.id(), report, clock.instant(), userId, clean);
  }
}
