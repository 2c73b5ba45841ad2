package vn.cascade.assignment;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.common.InvalidInputException;

/**
 * A merger (sáp nhập): every open assignment an agency leads moves to its successor, in one
 * transaction, each recorded as a transfer with the reason "Sáp nhập". An assignment the successor
 * already has on the same item of the same directive cannot become a second one and stays, named.
 */
@Service
public class AgencyMergers {

  /** What a merger did: the assignments moved and those left where they were, with why. */
  public record Result(List<Assignment> moved, List<String> skipped) {}

  private final AssignmentTransfers moves;
  private final AgencyDirectory agencies;

  AgencyMergers(AssignmentTransfers moves, AgencyDirectory agencies) {
    this.moves = moves;
    this.agencies = agencies;
  }

  /** @throws InvalidInputException naming {@code from} or {@code to}, in Vietnamese, when the pair is not a merger */
  public void check(String from, String to) {
    if (from == null || !agencies.exists(from)) {
      throw new InvalidInputException("from", "Vui lòng chọn cơ quan bị sáp nhập trong danh mục cơ quan.");
    }
    if (to == null || !agencies.exists(to)) {
      throw new InvalidInputException("to", "Vui lòng chọn cơ quan tiếp nhận trong danh mục cơ quan.");
    }
    if (!agencies.isActive(to)) {
      throw new InvalidInputException("to", agencies.get(to).name() + " đã ngừng hoạt động: cơ quan tiếp nhận "
          + "phải đang hoạt động.");
    }
    if (from.equals(to)) {
      throw new InvalidInputException("to", "Cơ quan tiếp nhận phải khác cơ quan bị sáp nhập.");
    }
  }

  /** The open assignments the merger would move. */
  public List<Assignment> preview(String from, String to) {
    check(from, to);
    return moves.openOf(from);
  }

  @Transactional
  public Result merge(String from, String to, String by) {
    check(from, to);
    List<Assignment> open = moves.openOf(from);
    if (open.isEmpty()) {
      throw new InvalidInputException("from", agencies.get(from).name() + " không có nhiệm vụ đang mở để chuyển.");
    }
    String reason = "Sáp nhập: " + agencies.get(from).name() + " sáp nhập vào " + agencies.get(to).name() + ".";
    List<Assignment> moved = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Assignment a : open) {
      String refused = moves.refusal(a, to);
      if (refused != null) {
        skipped.add("Nhiệm vụ " + a.itemNumber() + ": " + refused);
        continue;
      }
      moves.move(a.id(), to, null, reason, AgencyAssignmentProcess.TRANSFER_MERGER, null, by);
      moved.add(a);
    }
    return new Result(moved, skipped);
  }
}
