package vn.cascade.directive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.cascade.assignment.ReportStatus;

/** What the API answers for one directive: its metadata and the state of every assignment. */
public record DirectiveView(
    long id,
    String number,
    String status,
    LocalDate issuedOn,
    String issuer,
    String title,
    LocalDate reportDeadline,
    LocalDate summaryDeadline,
    String collectingAgency,
    String conclusionNumber,
    String processInstanceId,
    Instant collectionOpenedAt,
    String summaryNumber,
    Instant summaryApprovedAt,
    int assignmentCount,
    int reportedCount,
    List<AssignmentState> assignments) {

  /** The same directive showing only some of its assignments. */
  public DirectiveView withAssignments(List<AssignmentState> shown) {
    return new DirectiveView(id, number, status, issuedOn, issuer, title, reportDeadline, summaryDeadline,
        collectingAgency, conclusionNumber, processInstanceId, collectionOpenedAt, summaryNumber, summaryApprovedAt,
        shown.size(), (int) shown.stream().filter(a -> a.reportedAt() != null).count(), shown);
  }

  /** One assignment: who, which item, until when, and where it stands. */
  public record AssignmentState(
      long id,
      int itemNumber,
      String agency,
      String agencyName,
      LocalDate originalDeadline,
      LocalDate deadline,
      Instant dueAt,
      ReportStatus status,
      String statusLabel,
      String workStatus,
      String workStatusLabel,
      boolean dueSoon,
      Instant reportedAt,
      boolean arrivedAfterCollection,
      String processInstanceId,
      Map<String, Object> report) {}
}
