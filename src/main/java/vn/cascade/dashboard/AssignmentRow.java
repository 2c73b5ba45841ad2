package vn.cascade.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.ReportStatus;

/**
 * One assignment as the tables show it: the lead agency (chủ trì) of one item, its deadlines —
 * the directive's original one and the one in force (they differ once an extension is granted)
 * — its bucket, when it reported, and how often it was reminded and urged. A report submitted
 * but not yet accepted does not count as reported (the bucket stays open): {@code submittedAt}
 * and {@code reviewStatus} say where it stands with the reviewer. The bucket tells the report's
 * timing only; {@code workStatus} is what the accepted report says of the work ("Đã hoàn thành",
 * "Đang thực hiện", or "" before a report is accepted): a report on time about work in progress is
 * never shown as completed.
 */
record AssignmentRow(
    long id,
    long directiveId,
    String directiveNumber,
    int item,
    String agencyCode,
    String agencyName,
    List<String> coordinating,
    LocalDate originalDeadline,
    LocalDate deadline,
    ReportStatus status,
    boolean dueSoon,
    Instant reportedAt,
    boolean arrivedAfterCollection,
    Timing timing,
    int reminders,
    int urgings,
    Instant submittedAt,
    String reviewStatus,
    String workStatus,
    boolean extensionPending,
    /** The short name of the agency it was last transferred from (chuyển giao), or null. */
    String transferredFrom) {

  public boolean extended() {
    return !deadline.equals(originalDeadline);
  }

  public String statusLabel() {
    return status.label();
  }

  public String statusCss() {
    return Buckets.css(status);
  }

  /** The accepted report says the work is still in progress. */
  public boolean workInProgress() {
    return vn.cascade.assignment.WorkStatus.IN_PROGRESS.equals(workStatus);
  }

  /** The report's timing and the declared work, in one line: "đã báo cáo đúng hạn; Đang thực hiện". */
  public String statusAndWork() {
    return workStatus == null || workStatus.isEmpty() ? statusLabel() : statusLabel() + "; " + workStatus.toLowerCase(
        java.util.Locale.forLanguageTag("vi"));
  }

  /** Submitted, waiting for the reviewer. */
  public boolean inReview() {
    return Assignment.IN_REVIEW.equals(reviewStatus);
  }

  /** Returned for revision, not yet submitted again. */
  public boolean returned() {
    return Assignment.RETURNED.equals(reviewStatus);
  }
}
