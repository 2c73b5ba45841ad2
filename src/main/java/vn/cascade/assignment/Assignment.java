package vn.cascade.assignment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import vn.cascade.common.VnDates;

/** One (agency, item) of a directive: what the agency owes and what it reported. */
public record Assignment(
    long id,
    long directiveId,
    int itemNumber,
    String agencyCode,
    LocalDate deadline,
    String processInstanceId,
    Instant reportedAt,
    boolean arrivedAfterCollection,
    Map<String, Object> report,
    LocalDate originalDeadline,
    Instant submittedAt,
    String reviewStatus) {

  /** Where the latest submission stands with the reviewer. */
  public static final String IN_REVIEW = "IN_REVIEW";
  public static final String RETURNED = "RETURNED";
  public static final String ACCEPTED = "ACCEPTED";

  /** The same row, linked to its process instance. */
  public Assignment withProcessInstanceId(String id) {
    return new Assignment(this.id, directiveId, itemNumber, agencyCode, deadline, id, reportedAt,
        arrivedAfterCollection, report, originalDeadline, submittedAt, reviewStatus);
  }

  /** Whether a version waits for the reviewer: reminders and urgings pause meanwhile. */
  public boolean inReview() {
    return IN_REVIEW.equals(reviewStatus);
  }

  public static final Duration DUE_SOON = Duration.ofDays(3);

  /** "trước ngày D": due at the start of day D in Asia/Ho_Chi_Minh. */
  public Instant dueAt() {
    return VnDates.dueBefore(deadline);
  }

  public boolean reported() {
    return reportedAt != null;
  }

  public ReportStatus status(Instant now) {
    if (reported()) {
      return reportedAt.isAfter(dueAt()) ? ReportStatus.COMPLETED_LATE : ReportStatus.COMPLETED_ON_TIME;
    }
    return now.isAfter(dueAt()) ? ReportStatus.OPEN_OVERDUE : ReportStatus.OPEN_IN_TIME;
  }

  /** The warning inside "in time": not reported and due within three days. */
  public boolean dueSoon(Instant now) {
    return !reported() && !now.isAfter(dueAt()) && now.plus(DUE_SOON).isAfter(dueAt());
  }
}
