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
 * and {@code reviewStatus} say where it stands with the reviewer.
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
    String reviewStatus) {

  public boolean extended() {
    return !deadline.equals(originalDeadline);
  }

  public String statusLabel() {
    return status.label();
  }

  public String statusCss() {
    return Buckets.css(status);
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
