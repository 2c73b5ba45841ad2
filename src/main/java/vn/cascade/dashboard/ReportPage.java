package vn.cascade.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.cascade.directive.Directive;

/**
 * One assignment's report as the agency submitted it (the latest version; it counts once the
 * reviewer accepted it), the versions and what the reviewer said about each, the extensions
 * asked for, the transfers, the coordinating agencies' contributions, the attached files, and the reminders and
 * urgings sent.
 */
record ReportPage(
    Directive directive,
    AssignmentRow row,
    DirectivePage.ItemView item,
    List<ResultLine> results,
    String overallResult,
    String difficulties,
    String proposals,
    String completion,
    String contactPerson,
    String contactPhone,
    List<NotificationLine> notifications,
    List<VersionLine> versions,
    List<ExtensionLine> extensions,
    List<ContributionLine> contributions,
    List<AttachmentLine> attachments,
    List<TransferLine> transfers) {

  /** Whether there are answers to show: accepted, or submitted and waiting / returned. */
  public boolean hasAnswers() {
    return row.reportedAt() != null || row.submittedAt() != null;
  }

  /** The agency's result for one bullet of the item. */
  record ResultLine(int number, String bullet, String result) {}

  /** A reminder, urging or escalation about this assignment, from the outbox. */
  record NotificationLine(String kind, Instant at, String status, String subject) {}

  /** One submitted version and the reviewer's decision on it. */
  record VersionLine(int version, Instant submittedAt, String submittedBy, String decision, String comment,
      String reviewedBy, Instant reviewedAt) {}

  /** One request for a new deadline and Văn phòng UBND's decision. */
  record ExtensionLine(LocalDate previousDeadline, LocalDate requestedDeadline, String reason, Instant requestedAt,
      String decision, LocalDate approvedDeadline, String comment) {}

  /** A return as not within the agency's remit, or a merger, and what was decided (chuyển giao). */
  record TransferLine(Instant requestedAt, String fromAgency, String reason, String decision, String comment,
      Instant decidedAt) {}

  /** A file the agency attached; downloaded through the attachments page's own checks. */
  record AttachmentLine(long id, String fileName, String size, Instant uploadedAt) {}

  /** What a coordinating agency (phối hợp) sent to the lead agency. */
  record ContributionLine(String agency, String text, String contact, Instant submittedAt) {}
}
