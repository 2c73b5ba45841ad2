package vn.cascade.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.cascade.directive.Directive;

/**
 * The collector's workspace for one directive: every report that arrived, in full, grouped by
 * item, with the coordinating agencies' contributions; the agencies still missing with their
 * bucket and the reminders and urgings sent. {@code filter} narrows all three; {@code counts}
 * cover every assignment of the directive, whatever the filter.
 */
record WorkspacePage(
    Directive directive,
    String collectingAgencyName,
    Counts counts,
    Filter filter,
    List<String> problems,
    List<ItemGroup> items,
    List<Missing> missing,
    int reportsShown,
    Map<String, String> itemOptions,
    Map<String, String> agencyOptions,
    Map<String, String> statusOptions) {

  /** The filters as typed, once checked: null for "any". */
  record Filter(Integer item, String agency, String status) {
    public boolean any() {
      return item != null || agency != null || status != null;
    }

    /** The value of the item select: "" for every item. */
    public String itemKey() {
      return item == null ? "" : item.toString();
    }

    public String agencyKey() {
      return agency == null ? "" : agency;
    }

    public String statusKey() {
      return status == null ? "" : status;
    }
  }

  /** One item of the directive: its bullets, the reports of its lead agencies, what coordinating agencies sent. */
  record ItemGroup(int number, String heading, List<DirectivePage.BulletView> bullets, List<Report> reports,
      List<Contribution> contributions) {}

  /** One accepted report in full. */
  record Report(AssignmentRow row, List<ReportPage.ResultLine> results, String overallResult, String difficulties,
      String proposals, String completion, String contactPerson, String contactPhone,
      List<ReportPage.AttachmentLine> attachments) {

    /** Arrived after the collection opened: the collector sees it marked late, whatever its own deadline. */
    public boolean lateForCollection() {
      return row.arrivedAfterCollection();
    }
  }

  /** What a coordinating agency sent to the lead agency of one assignment. */
  record Contribution(long assignmentId, String agency, String leadAgency, String text, String contact,
      Instant submittedAt) {}

  /** An assignment whose report has not been accepted yet, and every reminder and urging sent about it. */
  record Missing(AssignmentRow row, List<Sent> sent) {}

  /** One reminder or urging sent (or kept, with no mail server), alone or in a morning digest. */
  record Sent(String kind, Instant at) {}
}
