package vn.cascade.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.assignment.ReportStatus;
import vn.cascade.assignment.WorkStatus;
import vn.cascade.attachment.AttachmentRepository;
import vn.cascade.common.Texts;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.reminder.ChaseSubject;
import vn.cascade.reminder.NotificationKind;

/**
 * Reads the collector's workspace ({@link WorkspacePage}): the directive's rows as its dashboard
 * page reads them ({@link DashboardQuery#directivePage}, every agency), the reports in full, and
 * the files, contributions and reminders of the whole directive in one query each.
 */
@Service
class WorkspaceQuery {

  /** Status filter values beyond the four buckets. */
  static final String AFTER_COLLECTION = "AFTER_COLLECTION";
  static final String IN_REVIEW = "IN_REVIEW";
  static final String WORK_COMPLETED = "WORK_COMPLETED";
  static final String WORK_IN_PROGRESS = "WORK_IN_PROGRESS";

  private static final Visibility EVERY_AGENCY = new Visibility(true, Set.of());

  private final DashboardQuery query;
  private final AssignmentRepository assignments;
  private final AgencyDirectory agencies;
  private final JdbcClient jdbc;

  WorkspaceQuery(DashboardQuery query, AssignmentRepository assignments, AgencyDirectory agencies, JdbcClient jdbc) {
    this.query = query;
    this.assignments = assignments;
    this.agencies = agencies;
    this.jdbc = jdbc;
  }

  /** The workspace of a directive, narrowed by the filters as typed (a value that means nothing is named and ignored). */
  WorkspacePage workspace(Directive d, String itemText, String agencyText, String statusText) {
    DirectivePage page = query.directivePage(d.id(), EVERY_AGENCY, null, Pager.Request.ALL);
    Map<String, String> itemOptions = itemOptions(d);
    Map<String, String> agencyOptions = agencyOptions(d, page.rows());
    Map<String, String> statusOptions = statusOptions();
    List<String> problems = new ArrayList<>();
    WorkspacePage.Filter f = new WorkspacePage.Filter(
        pick(itemText, itemOptions, "Nhiệm vụ", problems) == null ? null : Integer.valueOf(itemText.strip()),
        pick(agencyText, agencyOptions, "Cơ quan", problems),
        pick(statusText == null ? null : statusText.strip().toUpperCase(Locale.ROOT), statusOptions, "Tình trạng",
            problems));

    Map<Long, Assignment> full = assignments.ofDirective(d.id()).stream()
        .collect(Collectors.toMap(Assignment::id, Function.identity()));
    Map<Long, List<ReportPage.AttachmentLine>> files = attachments(d.id());
    Map<Long, List<WorkspacePage.Sent>> sent = sent(d.id());
    Map<Long, List<ContributionRow>> contributions = contributions(d.id());

    List<AssignmentRow> shown = page.rows().stream()
        .filter(r -> f.item() == null || r.item() == f.item())
        .filter(r -> f.status() == null || matches(r, f.status()))
        .toList();
    Map<Integer, List<WorkspacePage.Report>> reports = new HashMap<>();
    Map<Integer, List<WorkspacePage.Contribution>> contributed = new HashMap<>();
    List<WorkspacePage.Missing> missing = new ArrayList<>();
    Map<Integer, DirectivePage.ItemView> items = page.items().stream()
        .collect(Collectors.toMap(DirectivePage.ItemView::number, Function.identity(), (x, y) -> x));
    int reportsShown = 0;
    for (AssignmentRow r : shown) {
      boolean lead = f.agency() == null || f.agency().equals(r.agencyCode());
      for (ContributionRow c : contributions.getOrDefault(r.id(), List.of())) {
        if (lead || f.agency().equals(c.agencyCode())) {
          contributed.computeIfAbsent(r.item(), k -> new ArrayList<>()).add(new WorkspacePage.Contribution(r.id(),
              agencies.shortName(c.agencyCode()), r.agencyName(), c.text(), c.contact(), c.submittedAt()));
        }
      }
      if (!lead) {
        continue;
      }
      if (r.reportedAt() == null) {
        missing.add(new WorkspacePage.Missing(r, sent.getOrDefault(r.id(), List.of())));
        continue;
      }
      reportsShown++;
      reports.computeIfAbsent(r.item(), k -> new ArrayList<>())
          .add(report(r, full.get(r.id()).report(), items.get(r.item()), files.getOrDefault(r.id(), List.of())));
    }
    List<WorkspacePage.ItemGroup> groups = new ArrayList<>();
    for (DirectivePage.ItemView item : page.items()) {
      List<WorkspacePage.Report> rs = reports.getOrDefault(item.number(), List.of());
      List<WorkspacePage.Contribution> cs = contributed.getOrDefault(item.number(), List.of());
      if (!rs.isEmpty() || !cs.isEmpty()) {
        groups.add(new WorkspacePage.ItemGroup(item.number(), item.heading(), item.bullets(), rs, cs));
      }
    }
    return new WorkspacePage(d, page.collectingAgencyName(), page.counts(), f, problems, groups, missing, reportsShown,
        itemOptions, agencyOptions, statusOptions);
  }

  private static WorkspacePage.Report report(AssignmentRow r, Map<String, Object> report, DirectivePage.ItemView item,
      List<ReportPage.AttachmentLine> files) {
    List<ReportPage.ResultLine> results = new ArrayList<>();
    List<DirectivePage.BulletView> bullets = item == null ? List.of() : item.bullets();
    for (DirectivePage.BulletView b : bullets) {
      results.add(new ReportPage.ResultLine(b.number(), b.text(),
          DashboardQuery.text(report, AgencyAssignmentProcess.bulletResult(b.number()).name())));
    }
    return new WorkspacePage.Report(r, results,
        DashboardQuery.text(report, AgencyAssignmentProcess.OVERALL_RESULT.name()),
        DashboardQuery.text(report, AgencyAssignmentProcess.DIFFICULTIES.name()),
        DashboardQuery.text(report, AgencyAssignmentProcess.PROPOSALS.name()),
        DashboardQuery.completion(report),
        DashboardQuery.text(report, AgencyAssignmentProcess.CONTACT_PERSON.name()),
        DashboardQuery.text(report, AgencyAssignmentProcess.CONTACT_PHONE.name()),
        files);
  }

  private static boolean matches(AssignmentRow r, String status) {
    return switch (status) {
      case AFTER_COLLECTION -> r.arrivedAfterCollection();
      case IN_REVIEW -> r.inReview();
      case WORK_COMPLETED -> WorkStatus.COMPLETED.equals(r.workStatus());
      case WORK_IN_PROGRESS -> WorkStatus.IN_PROGRESS.equals(r.workStatus());
      default -> r.status().name().equals(status);
    };
  }

  /** The filter's value if it is one of the options; blank is "any"; anything else is named and ignored. */
  private static String pick(String text, Map<String, String> options, String label, List<String> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    if (options.containsKey(t)) {
      return t;
    }
    problems.add(label + " \"" + Texts.abbreviate(t, 60) + "\" không có trong văn bản này; bộ lọc này được bỏ qua.");
    return null;
  }

  private static Map<String, String> itemOptions(Directive d) {
    Map<String, String> options = new LinkedHashMap<>();
    for (DirectiveDraft.Item item : d.body().items()) {
      String heading = item.heading() == null || item.heading().isBlank() ? "" : " — " + Texts.abbreviate(item.heading(), 60);
      options.put(String.valueOf(item.number()), "Nhiệm vụ " + item.number() + heading);
    }
    return options;
  }

  /** The lead agencies, then the coordinating ones, each once. */
  private Map<String, String> agencyOptions(Directive d, List<AssignmentRow> rows) {
    Map<String, String> options = new LinkedHashMap<>();
    rows.forEach(r -> options.putIfAbsent(r.agencyCode(), r.agencyName()));
    d.body().items().forEach(i -> i.bullets().forEach(b -> b.coordinating()
        .forEach(code -> options.putIfAbsent(code, agencies.shortName(code) + " (phối hợp)"))));
    return options;
  }

  static Map<String, String> statusOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    for (ReportStatus s : ReportStatus.values()) {
      options.put(s.name(), s.label());
    }
    options.put(AFTER_COLLECTION, "đến sau khi mở tổng hợp");
    options.put(IN_REVIEW, "đã nộp, đang chờ xem xét");
    options.put(WORK_COMPLETED, "thực hiện: đã hoàn thành");
    options.put(WORK_IN_PROGRESS, "thực hiện: đang thực hiện");
    return options;
  }

  // ---------------------------------------------------------------- the directive's files, contributions, reminders

  private Map<Long, List<ReportPage.AttachmentLine>> attachments(long directiveId) {
    Map<Long, List<ReportPage.AttachmentLine>> files = new HashMap<>();
    jdbc.sql("""
        select f.id, f.assignment_id, f.file_name, f.size_bytes, f.uploaded_at
          from cascade_attachment f join cascade_assignment a on a.id = f.assignment_id
         where a.directive_id = :d order by f.id""")
        .param("d", directiveId)
        .query(rs -> {
          files.computeIfAbsent(rs.getLong("assignment_id"), k -> new ArrayList<>()).add(new ReportPage.AttachmentLine(
              rs.getLong("id"), rs.getString("file_name"),
              AttachmentRepository.Attachment.sizeText(rs.getLong("size_bytes")),
              rs.getTimestamp("uploaded_at").toInstant()));
        });
    return files;
  }

  private record ContributionRow(String agencyCode, String text, String contact, java.time.Instant submittedAt) {}

  private Map<Long, List<ContributionRow>> contributions(long directiveId) {
    Map<Long, List<ContributionRow>> contributions = new HashMap<>();
    jdbc.sql("""
        select c.assignment_id, c.agency_code, c.contribution_text, c.contact_person, c.contact_phone, c.submitted_at
          from cascade_contribution c join cascade_assignment a on a.id = c.assignment_id
         where a.directive_id = :d order by c.submitted_at, c.id""")
        .param("d", directiveId)
        .query(rs -> {
          String contact = java.util.stream.Stream.of(rs.getString("contact_person"), rs.getString("contact_phone"))
              .filter(t -> t != null && !t.isBlank()).collect(Collectors.joining(" — "));
          contributions.computeIfAbsent(rs.getLong("assignment_id"), k -> new ArrayList<>()).add(new ContributionRow(
              rs.getString("agency_code"), rs.getString("contribution_text"), contact,
              rs.getTimestamp("submitted_at").toInstant()));
        });
    return contributions;
  }

  /** The reminders and urgings sent about each assignment, alone or as lines of a morning digest, oldest first. */
  private Map<Long, List<WorkspacePage.Sent>> sent(long directiveId) {
    Map<Long, List<WorkspacePage.Sent>> sent = new HashMap<>();
    jdbc.sql("""
        select n.subject_id, n.kind, coalesce(n.sent_at, n.created_at) as at
          from cascade_notification n join cascade_assignment a on a.id = n.subject_id
         where n.subject_kind = :subject and n.status in ('SENT', 'KEPT') and a.directive_id = :d
           and n.kind in ('REMINDER', 'URGING')
        union all
        select i.subject_id, i.kind, coalesce(n.sent_at, n.created_at) as at
          from cascade_digest_item i join cascade_notification n on n.id = i.notification_id
          join cascade_assignment a on a.id = i.subject_id
         where i.subject = :subject and n.status in ('SENT', 'KEPT') and a.directive_id = :d
           and i.kind in ('REMINDER', 'URGING')""")
        .param("subject", ChaseSubject.ASSIGNMENT.name())
        .param("d", directiveId)
        .query(rs -> {
          sent.computeIfAbsent(rs.getLong("subject_id"), k -> new ArrayList<>()).add(new WorkspacePage.Sent(
              NotificationKind.valueOf(rs.getString("kind")).tag(), rs.getTimestamp("at").toInstant()));
        });
    sent.values().forEach(l -> l.sort(Comparator.comparing(WorkspacePage.Sent::at)));
    return sent;
  }
}
