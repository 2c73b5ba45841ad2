package vn.cascade.assignment;

import static vn.cascade.assignment.AgencyAssignmentProcess.COMPLETION_STATUS;
import static vn.cascade.assignment.AgencyAssignmentProcess.STATUS_COMPLETED;
import static vn.cascade.assignment.AgencyAssignmentProcess.STATUS_IN_PROGRESS;

import java.util.Map;

/**
 * What the agency says of the work in a report (its {@code completionStatus}), in words: a fact
 * apart from the report's timing ({@link ReportStatus}).
 */
public final class WorkStatus {

  public static final String COMPLETED = "Đã hoàn thành";
  public static final String IN_PROGRESS = "Đang thực hiện";

  private WorkStatus() {}

  /** "Đã hoàn thành", "Đang thực hiện", or "" when the report does not say. */
  public static String label(Map<String, Object> report) {
    Object status = report == null ? null : report.get(COMPLETION_STATUS.name());
    return STATUS_COMPLETED.equals(status) ? COMPLETED : STATUS_IN_PROGRESS.equals(status) ? IN_PROGRESS : "";
  }
}
