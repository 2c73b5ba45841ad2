package vn.cascade.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.assignment.AgencyAssignmentProcess;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.WorkStatus;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.assignment.ContributionRepository;
import vn.cascade.assignment.ExtensionRepository;
import vn.cascade.assignment.ReportStatus;
import vn.cascade.attachment.AttachmentRepository;
import vn.cascade.common.NotFoundException;
import vn.cascade.common.Texts;
import vn.cascade.common.VnDates;
import vn.cascade.conclusion.Conclusion;
import vn.cascade.conclusion.ConclusionDraft;
import vn.cascade.conclusion.ConclusionService;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveRepository;
import vn.cascade.reminder.ChaseSubject;
import vn.cascade.reminder.NotificationKind;
import vn.cascade.reminder.NotificationOutbox;

/**
 * Reads what the dashboards show. Buckets come from {@link Assignment#status} and
 * {@link Assignment#dueSoon} against the application clock, always on the deadline in force —
 * on the directive and agency pages the same rules written in SQL ({@link Sql}), so that their
 * counts are aggregates and their tables one page cut by the database. Every list is cut down to
 * the rows the viewer may see.
 */
@Service
class DashboardQuery {

  /** Filters of the directives list; null or blank means "any". */
  record Filter(String number, String status, String agency, LocalDate from, LocalDate to) {
    static final Filter NONE = new Filter(null, null, null, null, null);
  }

  private static final String LIGHT_COLUMNS = "id, directive_id, item_number, agency_code, deadline, process_instance_id,"
      + " reported_at, arrived_after_collection, original_deadline, submitted_at, review_status, work_status";
  private static final String LIGHT_SELECT = "a.id, a.directive_id, a.item_number, a.agency_code, a.deadline,"
      + " a.process_instance_id, a.reported_at, a.arrived_after_collection, a.original_deadline, a.submitted_at,"
      + " a.review_status, a.work_status";

  private final DirectiveRepository directives;
  private final AssignmentRepository assignments;
  private final ConclusionService conclusions;
  private final AgencyDirectory agencies;
  private final NotificationOutbox outbox;
  private final ExtensionRepository extensions;
  private final vn.cascade.assignment.TransferRepository transfers;
  private final ContributionRepository contributions;
  private final AttachmentRepository attachments;
  private final JdbcClient jdbc;
  private final Clock clock;

  DashboardQuery(DirectiveRepository directives, AssignmentRepository assignments, ConclusionService conclusions,
      AgencyDirectory agencies, NotificationOutbox outbox, ExtensionRepository extensions,
      ContributionRepository contributions, AttachmentRepository attachments, JdbcClient jdbc, Clock clock,
      vn.cascade.assignment.TransferRepository transfers) {
    this.transfers = transfers;
    this.attachments = attachments;
    this.directives = directives;
    this.assignments = assignments;
    this.extensions = extensions;
    this.contributions = contributions;
    this.conclusions = conclusions;
    this.agencies = agencies;
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  // ---------------------------------------------------------------- directives list

  List<DirectiveRow> directives(Filter f, Visibility v) {
    Instant now = now();
    String agency = blankToNull(f.agency());
    Map<Long, List<Assignment>> byDirective = lightAssignments("", Map.of()).stream()
        .filter(a -> v.sees(a.agencyCode()))
        .filter(a -> agency == null || agency.equals(a.agencyCode()))
        .collect(Collectors.groupingBy(Assignment::directiveId, LinkedHashMap::new, Collectors.toList()));
    String number = normalizeNumber(f.number());
    Optional<ReportStatus> bucket = Buckets.parse(f.status());
    boolean dueSoon = Buckets.isDueSoon(f.status());
    List<DirectiveRow> rows = new ArrayList<>();
    for (Directive d : directives.findAll()) {
      if (d.status() != Directive.Status.ISSUED) {
        continue;
      }
      List<Assignment> own = byDirective.getOrDefault(d.id(), List.of());
      if ((own.isEmpty() && (!v.all() || agency != null))
          || (number != null && !normalizeNumber(d.number()).contains(number))
          || (f.from() != null && d.issuedOn().isBefore(f.from()))
          || (f.to() != null && d.issuedOn().isAfter(f.to()))) {
        continue;
      }
      Counts counts = Counts.of(own, now);
      if ((bucket.isPresent() && counts.count(bucket.get()) == 0) || (dueSoon && counts.dueSoon() == 0)) {
        continue;
      }
      Optional<LocalDate> nextReport = own.stream().filter(a -> a.status(now) == ReportStatus.OPEN_IN_TIME)
          .map(Assignment::deadline).min(Comparator.naturalOrder());
      LocalDate next = nextReport.orElse(null);
      String what = next == null ? null : "báo cáo";
      if (next == null && v.all() && d.summaryApprovedAt() == null
          && now.isBefore(VnDates.dueBefore(d.summaryDeadline()))) {
        next = d.summaryDeadline();
        what = "tổng hợp";
      }
      rows.add(new DirectiveRow(d.id(), d.number(), d.issuedOn(), d.title(), d.issuer(), counts, next, what,
          warnings(d, own).size()));
    }
    return rows;
  }

  // ---------------------------------------------------------------- one directive

  Directive directive(long id) {
    return directives.find(id).orElseThrow(() -> DashboardException.notFound("Không tìm thấy văn bản có mã " + id + "."));
  }

  /** The directive, when the viewer may see its page ({@link #directivePage}'s rule): its files go with it. */
  Directive visibleDirective(long id, Visibility v) {
    Directive d = directive(id);
    if (!v.all() && counts(new Sql("a.directive_id = :directive", now()).param("directive", id).visibleTo(v)).total() == 0) {
      throw DashboardException.forbidden("Đơn vị của bạn không có nhiệm vụ nào trong văn bản " + d.number() + ".");
    }
    return d;
  }

  /**
   * The directive's page; {@code status} (a bucket or DUE_SOON) narrows the table, not the counts.
   * Counts are SQL aggregates over every row the viewer may see; the table holds one page of rows,
   * cut in SQL, and {@link Pager.Request#ALL} gives every row (the exports).
   */
  DirectivePage directivePage(long id, Visibility v, String status, Pager.Request paging) {
    Directive d = directive(id);
    Instant now = now();
    Sql where = new Sql("a.directive_id = :directive", now).param("directive", id).visibleTo(v);
    Counts counts = counts(where);
    if (!v.all() && counts.total() == 0) {
      throw DashboardException.forbidden("Đơn vị của bạn không có nhiệm vụ nào trong văn bản " + d.number() + ".");
    }
    Pager pager = Pager.of(paging, shown(counts, status));
    List<Assignment> shown = page(where.bucket(status), "a.item_number, a.id", pager);
    Map<Long, int[]> notifications = notificationCounts(shown, "a.directive_id = :key", id);
    Map<Integer, List<String>> coordinating = coordinatingByItem(d);
    java.util.Set<Long> pending = extensions.pendingAmong(shown.stream().map(Assignment::id).toList());
    Map<Long, String> from = transfers.transferredFromAmong(shown.stream().map(Assignment::id).toList());
    List<AssignmentRow> rows = shown.stream()
        .map(a -> row(a, d, coordinating.getOrDefault(a.itemNumber(), List.of()), notifications, now,
            pending.contains(a.id()), from.get(a.id()))).toList();
    Map<Integer, List<String>> leads = leads(id);
    return new DirectivePage(d, agencies.shortName(d.collectingAgency()), counts, rows, pager, items(d, leads),
        lineage(d, leads), warnings(d, v), !v.all());
  }

  /** The buckets of every assignment of a directive, as its page counts them (whoever asks). */
  Counts counts(long directiveId) {
    return counts(new Sql("a.directive_id = :directive", now()).param("directive", directiveId));
  }

  /** How many rows the table holds once the bucket filter applies: read off the counts, no query. */
  private static int shown(Counts counts, String status) {
    if (Buckets.isDueSoon(status)) {
      return counts.dueSoon();
    }
    return Buckets.parse(status).map(counts::count).orElse(counts.total());
  }

  /** The consistency warnings of a directive, over the assignments given. */
  List<Warning> warnings(Directive d, Collection<Assignment> rows) {
    List<Warning> warnings = new ArrayList<>();
    for (Assignment a : rows) {
      if (a.deadline().isAfter(d.summaryDeadline())) {
        warnings.add(afterSummary(d, a.agencyCode(), a.itemNumber(), a.deadline()));
      }
    }
    summaryAfterReportBack(d).ifPresent(warnings::add);
    return warnings;
  }

  /** The same warnings, the late rows found in SQL among those the viewer may see. */
  private List<Warning> warnings(Directive d, Visibility v) {
    Sql where = new Sql("a.directive_id = :directive and a.deadline > :summary", now())
        .param("directive", d.id()).param("summary", d.summaryDeadline()).visibleTo(v);
    List<Warning> warnings = new ArrayList<>(jdbc.sql("select a.agency_code, a.item_number, a.deadline"
            + " from cascade_assignment a where " + where.text() + " order by a.item_number, a.id")
        .params(where.params())
        .query((rs, n) -> afterSummary(d, rs.getString("agency_code"), rs.getInt("item_number"),
            rs.getDate("deadline").toLocalDate()))
        .list());
    summaryAfterReportBack(d).ifPresent(warnings::add);
    return warnings;
  }

  private Warning afterSummary(Directive d, String agencyCode, int item, LocalDate deadline) {
    return new Warning(Warning.ASSIGNMENT_AFTER_SUMMARY, "Hạn báo cáo của " + agencies.shortName(agencyCode)
        + " (nhiệm vụ " + item + ", " + VnDates.before(deadline) + ") sau hạn tổng hợp của "
        + agencies.shortName(d.collectingAgency()) + " (" + VnDates.before(d.summaryDeadline())
        + "): báo cáo này sẽ không kịp vào bản tổng hợp.");
  }

  private Optional<Warning> summaryAfterReportBack(Directive d) {
    return conclusionOf(d).filter(c -> d.summaryDeadline().isAfter(c.reportBackDeadline()))
        .map(c -> new Warning(Warning.SUMMARY_AFTER_REPORT_BACK, "Hạn tổng hợp của "
            + agencies.shortName(d.collectingAgency()) + " (" + VnDates.before(d.summaryDeadline())
            + ") sau hạn báo cáo Ban Thường vụ Tỉnh ủy theo Kết luận " + c.number() + " ("
            + VnDates.before(c.reportBackDeadline()) + ")."));
  }

  /** The warnings the API answers: every row for managers, the agency's own otherwise. */
  List<Warning> warnings(long id, Visibility v) {
    Directive d = directives.find(id).orElseThrow(() -> new NotFoundException("Không tìm thấy văn bản có mã " + id + "."));
    if (!v.all() && counts(new Sql("a.directive_id = :directive", now()).param("directive", id).visibleTo(v))
        .total() == 0) {
      throw new NotFoundException("Không tìm thấy văn bản có mã " + id + ".");
    }
    return warnings(d, v);
  }

  /** Agency codes of each item's lead agencies (chủ trì), in the order they were assigned. */
  private Map<Integer, List<String>> leads(long directiveId) {
    Map<Integer, List<String>> leads = new HashMap<>();
    jdbc.sql("select item_number, agency_code from cascade_assignment where directive_id = :d order by item_number, id")
        .param("d", directiveId)
        .query(rs -> {
          leads.computeIfAbsent(rs.getInt("item_number"), k -> new ArrayList<>()).add(rs.getString("agency_code"));
        });
    return leads;
  }

  private List<DirectivePage.ItemView> items(Directive d, Map<Integer, List<String>> leads) {
    List<DirectivePage.ItemView> items = new ArrayList<>();
    for (DirectiveDraft.Item item : d.body().items()) {
      List<DirectivePage.BulletView> bullets = new ArrayList<>();
      int n = 0;
      for (DirectiveDraft.Bullet b : item.bullets()) {
        bullets.add(new DirectivePage.BulletView(++n, b.text(), b.coordinating().stream().map(agencies::shortName).toList()));
      }
      items.add(new DirectivePage.ItemView(item.number(), item.heading(),
          leads.getOrDefault(item.number(), List.of()).stream().map(agencies::shortName).toList(),
          bullets, item.conclusionItems()));
    }
    return items;
  }

  private Map<Integer, List<String>> coordinatingByItem(Directive d) {
    Map<Integer, List<String>> map = new HashMap<>();
    for (DirectiveDraft.Item item : d.body().items()) {
      map.put(item.number(), item.bullets().stream().flatMap(b -> b.coordinating().stream()).distinct()
          .map(agencies::shortName).toList());
    }
    return map;
  }

  private DirectivePage.Lineage lineage(Directive d, Map<Integer, List<String>> leadCodes) {
    Optional<Conclusion> conclusion = conclusionOf(d);
    Map<Integer, String> texts = conclusion.map(c -> c.body().items().stream()
        .filter(i -> i.number() != null)
        .collect(Collectors.toMap(ConclusionDraft.Item::number, i -> Texts.abbreviate(i.text(), 260), (x, y) -> x)))
        .orElse(Map.of());
    Map<Integer, Set<String>> leads = new HashMap<>();
    leadCodes.forEach((item, codes) -> leads.put(item,
        codes.stream().map(agencies::shortName).collect(Collectors.toCollection(LinkedHashSet::new))));
    TreeSet<Integer> numbers = new TreeSet<>();
    d.body().items().forEach(i -> numbers.addAll(i.conclusionItems()));
    List<DirectivePage.LineageItem> items = new ArrayList<>();
    for (int n : numbers) {
      List<Integer> carriers = new ArrayList<>();
      Set<String> who = new LinkedHashSet<>();
      for (DirectiveDraft.Item item : d.body().items()) {
        if (item.conclusionItems().contains(n)) {
          carriers.add(item.number());
          who.addAll(leads.getOrDefault(item.number(), Set.of()));
          item.bullets().stream().flatMap(b -> b.coordinating().stream())
              .forEach(code -> who.add(agencies.shortName(code) + " (phối hợp)"));
        }
      }
      items.add(new DirectivePage.LineageItem(n, texts.getOrDefault(n, ""), carriers, List.copyOf(who)));
    }
    String number = conclusion.map(Conclusion::number).orElse(d.body().conclusionNumber());
    return new DirectivePage.Lineage(number, conclusion.map(Conclusion::title).orElse(null),
        conclusion.map(Conclusion::issuedOn).orElse(null), conclusion.map(Conclusion::reportBackDeadline).orElse(null),
        items);
  }

  private Optional<Conclusion> conclusionOf(Directive d) {
    if (d.conclusionId() != null) {
      try {
        return Optional.of(conclusions.get(d.conclusionId()));
      } catch (NotFoundException e) {
        return Optional.empty();
      }
    }
    String number = d.body().conclusionNumber();
    return number == null || number.isBlank() ? Optional.empty() : conclusions.findByNumber(number.strip());
  }

  // ---------------------------------------------------------------- one report

  ReportPage report(long assignmentId, Visibility v) {
    Assignment a = assignments.find(assignmentId)
        .orElseThrow(() -> DashboardException.notFound("Không tìm thấy nhiệm vụ có mã " + assignmentId + "."));
    if (!v.sees(a.agencyCode())) {
      throw DashboardException.forbidden("Báo cáo này thuộc đơn vị khác.");
    }
    Directive d = directive(a.directiveId());
    Instant now = now();
    Map<Long, int[]> notifications = notificationCounts(List.of(a), "a.id = :key", assignmentId);
    AssignmentRow row = row(a, d, coordinatingByItem(d).getOrDefault(a.itemNumber(), List.of()), notifications, now,
        extensions.pending(a.id()).isPresent(), transfers.transferredFromAmong(List.of(a.id())).get(a.id()));
    Map<Integer, List<String>> leads = leads(d.id());
    DirectivePage.ItemView item = items(d, Map.of(a.itemNumber(), leads.getOrDefault(a.itemNumber(), List.of()))).stream()
        .filter(i -> i.number() == a.itemNumber()).findFirst().orElse(null);
    List<ReportPage.ResultLine> results = new ArrayList<>();
    int bullets = item == null ? 0 : item.bullets().size();
    for (int i = 1; i <= Math.max(bullets, 0); i++) {
      results.add(new ReportPage.ResultLine(i, item.bullets().get(i - 1).text(),
          text(a.report(), AgencyAssignmentProcess.bulletResult(i).name())));
    }
    List<ReportPage.NotificationLine> sent = outbox.ofSubject(ChaseSubject.ASSIGNMENT, assignmentId).stream()
        .map(e -> new ReportPage.NotificationLine(e.kind().tag(),
            e.sentAt() != null ? e.sentAt() : e.plannedFor() != null ? e.plannedFor() : e.createdAt(),
            statusText(e.status()), e.subject()))
        .toList();
    return new ReportPage(d, row, item, results,
        text(a.report(), AgencyAssignmentProcess.OVERALL_RESULT.name()),
        text(a.report(), AgencyAssignmentProcess.DIFFICULTIES.name()),
        text(a.report(), AgencyAssignmentProcess.PROPOSALS.name()),
        completion(a.report()),
        text(a.report(), AgencyAssignmentProcess.CONTACT_PERSON.name()),
        text(a.report(), AgencyAssignmentProcess.CONTACT_PHONE.name()),
        sent,
        assignments.versions(assignmentId).stream().map(x -> new ReportPage.VersionLine(x.version(), x.submittedAt(),
            x.submittedBy(), reviewText(x.reviewDecision()), x.reviewComment(), x.reviewedBy(), x.reviewedAt())).toList(),
        extensions.of(assignmentId).stream().map(x -> new ReportPage.ExtensionLine(x.previousDeadline(),
            x.requestedDeadline(), x.reason(), x.requestedAt(), extensionText(x.decision()), x.approvedDeadline(),
            x.decisionComment())).toList(),
        contributions.of(assignmentId).stream().map(x -> new ReportPage.ContributionLine(agencies.shortName(x.agencyCode()),
            x.text(), String.join(" — ", java.util.stream.Stream.of(x.contactPerson(), x.contactPhone())
                .filter(t -> t != null && !t.isBlank()).toList()), x.submittedAt())).toList(),
        attachments.of(assignmentId).stream().map(f -> new ReportPage.AttachmentLine(f.id(), f.fileName(),
            f.sizeText(), f.uploadedAt())).toList(),
        transfers.of(assignmentId).stream().map(x -> new ReportPage.TransferLine(x.requestedAt(),
            agencies.shortName(x.fromAgency()), x.reason(), transferText(x), x.decisionComment(), x.decidedAt()))
            .toList());
  }

  private String transferText(vn.cascade.assignment.TransferRepository.Transfer x) {
    if (x.decision() == null) {
      return "chờ quyết định (đề nghị chuyển cho " + agencies.shortName(x.suggestedAgency()) + ")";
    }
    return switch (x.decision()) {
      case AgencyAssignmentProcess.TRANSFER_KEEP -> "giữ nguyên cơ quan thực hiện";
      case AgencyAssignmentProcess.TRANSFER_MERGER -> "chuyển cho " + agencies.shortName(x.toAgency()) + " (sáp nhập)";
      default -> "chuyển cho " + agencies.shortName(x.toAgency());
    };
  }


  private static String reviewText(String decision) {
    if (Assignment.ACCEPTED.equals(decision)) {
      return "chấp nhận";
    }
    if (Assignment.RETURNED.equals(decision)) {
      return "trả lại để hoàn thiện";
    }
    if (AssignmentRepository.LATER_UPDATE.equals(decision)) {
      return "cập nhật sau của cơ quan: đã hoàn thành";
    }
    return "đang chờ xem xét";
  }

  private static String extensionText(String decision) {
    if (decision == null) {
      return "đang chờ quyết định";
    }
    return switch (decision) {
      case AgencyAssignmentProcess.EXTENSION_APPROVE -> "đồng ý";
      case AgencyAssignmentProcess.EXTENSION_APPROVE_OTHER -> "đồng ý, với hạn khác";
      case AgencyAssignmentProcess.EXTENSION_REFUSE -> "không đồng ý";
      default -> decision;
    };
  }

  /** The reports of the directive's rows the viewer may see, by assignment id. */
  Map<Long, Map<String, Object>> reports(long directiveId, Visibility v) {
    Map<Long, Map<String, Object>> reports = new HashMap<>();
    for (Assignment a : assignments.ofDirective(directiveId)) {
      if (v.sees(a.agencyCode())) {
        reports.put(a.id(), a.report());
      }
    }
    return reports;
  }

  Optional<Agency> agency(String code) {
    return agencies.find(code);
  }

  String province() {
    return agencies.province();
  }

  static String completion(Map<String, Object> report) {
    Object status = report.get(AgencyAssignmentProcess.COMPLETION_STATUS.name());
    if (AgencyAssignmentProcess.STATUS_COMPLETED.equals(status)) {
      return "đã hoàn thành";
    }
    if (AgencyAssignmentProcess.STATUS_IN_PROGRESS.equals(status)) {
      return "đang thực hiện";
    }
    return "";
  }

  static String text(Map<String, Object> report, String key) {
    Object value = report.get(key);
    return value == null ? "" : value.toString();
  }

  private static String statusText(NotificationOutbox.Status status) {
    return switch (status) {
      case SENT -> "đã gửi";
      case KEPT -> "lưu tại hệ thống";
      case PENDING -> "đang chờ gửi";
      case SENDING -> "đang gửi";
      case FAILED -> "gửi lỗi (sẽ thử lại)";
    };
  }

  // ---------------------------------------------------------------- agencies

  /** Every agency with at least one visible assignment, in the directory's order. */
  List<AgencyStat> agencyStats(Visibility v) {
    Instant now = now();
    Map<String, List<Assignment>> byAgency = lightAssignments("", Map.of()).stream()
        .filter(a -> v.sees(a.agencyCode()))
        .collect(Collectors.groupingBy(Assignment::agencyCode));
    List<AgencyStat> stats = new ArrayList<>();
    for (Agency agency : agencies.all()) {
      List<Assignment> rows = byAgency.remove(agency.code());
      if (rows != null) {
        stats.add(new AgencyStat(agency.code(), agency.shortName(), Counts.of(rows, now)));
      }
    }
    byAgency.forEach((code, rows) -> stats.add(new AgencyStat(code, code, Counts.of(rows, now))));
    return stats;
  }

  /** The agencies that have an on-time rate, best first (ties: more assignments judged first). */
  static List<AgencyStat> ranking(List<AgencyStat> stats) {
    return stats.stream().filter(s -> s.counts().onTimeRate() != null)
        .sorted(Comparator.comparing((AgencyStat s) -> s.counts().onTimeRate()).reversed()
            .thenComparing(s -> -s.counts().judged()).thenComparing(AgencyStat::name))
        .toList();
  }

  /** One agency's page: counts over all its rows, one page of the table (newest directive first), in SQL. */
  AgencyPage agency(String code, Visibility v, String status, Pager.Request paging) {
    Agency agency = agencies.find(code)
        .orElseThrow(() -> DashboardException.notFound("Không có cơ quan có mã " + code + " trong danh bạ."));
    if (!v.sees(code)) {
      throw DashboardException.forbidden("Bạn chỉ xem được nhiệm vụ của đơn vị mình.");
    }
    Instant now = now();
    Sql where = new Sql("a.agency_code = :agency", now).param("agency", code);
    Counts counts = counts(where);
    Pager pager = Pager.of(paging, shown(counts, status));
    List<Assignment> shown = page(where.bucket(status).join("join cascade_directive d on d.id = a.directive_id"),
        "d.issued_on desc, a.directive_id, a.item_number, a.id", pager);
    Map<Long, Directive> byId = new HashMap<>();
    Map<Long, Map<Integer, List<String>>> coordinating = new HashMap<>();
    Map<Long, int[]> notifications = notificationCounts(shown, "a.agency_code = :key", code);
    java.util.Set<Long> pending = extensions.pendingAmong(shown.stream().map(Assignment::id).toList());
    Map<Long, String> from = transfers.transferredFromAmong(shown.stream().map(Assignment::id).toList());
    List<AssignmentRow> rows = shown.stream()
        .map(a -> {
          Directive d = byId.computeIfAbsent(a.directiveId(), this::directive);
          return row(a, d, coordinating.computeIfAbsent(d.id(), k -> coordinatingByItem(d))
              .getOrDefault(a.itemNumber(), List.of()), notifications, now, pending.contains(a.id()), from.get(a.id()));
        })
        .toList();
    return new AgencyPage(code, agency.name(), counts, rows, pager);
  }

  // ---------------------------------------------------------------- SQL over the assignments

  /**
   * A where clause over {@code cascade_assignment a} with its parameters. The buckets are the SQL
   * of {@link Assignment#status} and {@link Assignment#dueSoon}: "trước ngày D" is due at the start
   * of D, which {@code cast(a.deadline as timestamp)} is in the application's zone (Asia/Ho_Chi_Minh,
   * the zone the timestamps are written in).
   */
  private static final class Sql {
    private static final String DUE = "cast(a.deadline as timestamp)";
    private static final String ON_TIME = "a.reported_at is not null and a.reported_at <= " + DUE;
    private static final String LATE = "a.reported_at is not null and a.reported_at > " + DUE;
    private static final String OPEN = "a.reported_at is null and :now <= " + DUE;
    private static final String OVERDUE = "a.reported_at is null and :now > " + DUE;
    private static final String DUE_SOON = OPEN + " and :soon > " + DUE;

    private final StringBuilder where;
    private final Map<String, Object> params = new HashMap<>();
    private String join = "";

    Sql(String condition, Instant now) {
      this.where = new StringBuilder(condition);
      params.put("now", Timestamp.from(now));
      params.put("soon", Timestamp.from(now.plus(Assignment.DUE_SOON)));
    }

    private Sql(Sql other) {
      this.where = new StringBuilder(other.where);
      this.params.putAll(other.params);
      this.join = other.join;
    }

    Sql param(String name, Object value) {
      params.put(name, value);
      return this;
    }

    Sql join(String join) {
      this.join = " " + join;
      return this;
    }

    /** Only the rows of the agencies the viewer may see. */
    Sql visibleTo(Visibility v) {
      if (!v.all()) {
        if (v.agencies().isEmpty()) {
          where.append(" and 1 = 0");
        } else {
          where.append(" and a.agency_code in (:visible)");
          params.put("visible", List.copyOf(v.agencies()));
        }
      }
      return this;
    }

    /** Narrowed to a bucket, or to DUE_SOON; anything else leaves every row. */
    Sql bucket(String status) {
      Sql narrowed = new Sql(this);
      if (Buckets.isDueSoon(status)) {
        narrowed.where.append(" and ").append(DUE_SOON);
      } else {
        Buckets.parse(status).ifPresent(s -> narrowed.where.append(" and ").append(switch (s) {
          case COMPLETED_ON_TIME -> ON_TIME;
          case COMPLETED_LATE -> LATE;
          case OPEN_IN_TIME -> OPEN;
          case OPEN_OVERDUE -> OVERDUE;
        }));
      }
      return narrowed;
    }

    String from() {
      return "cascade_assignment a" + join;
    }

    String text() {
      return where.toString();
    }

    Map<String, Object> params() {
      return params;
    }

    static String count(String condition) {
      return "coalesce(sum(case when " + condition + " then 1 else 0 end), 0)";
    }
  }

  /** The buckets of every row the clause selects, counted by the database. */
  private Counts counts(Sql where) {
    return jdbc.sql("select count(*) as total, " + Sql.count(Sql.ON_TIME) + " as on_time, " + Sql.count(Sql.LATE)
            + " as late, " + Sql.count(Sql.OPEN) + " as open_in_time, " + Sql.count(Sql.OVERDUE) + " as overdue, "
            + Sql.count(Sql.DUE_SOON) + " as due_soon from " + where.from() + " where " + where.text())
        .params(where.params())
        .query((rs, n) -> new Counts(rs.getInt("total"), rs.getInt("on_time"), rs.getInt("late"),
            rs.getInt("open_in_time"), rs.getInt("overdue"), rs.getInt("due_soon")))
        .single();
  }

  /** The rows of one page, in the order given; the database skips and cuts (standard OFFSET … FETCH). */
  private List<Assignment> page(Sql where, String orderBy, Pager pager) {
    String sql = "select " + LIGHT_SELECT + " from " + where.from() + " where " + where.text() + " order by " + orderBy;
    Map<String, Object> params = new HashMap<>(where.params());
    if (pager.size() < pager.rows()) {
      sql += " offset :offset rows fetch next :limit rows only";
      params.put("offset", pager.offset());
      params.put("limit", pager.size());
    }
    return jdbc.sql(sql).params(params).query(DashboardQuery::light).list();
  }

  // ---------------------------------------------------------------- rows

  private AssignmentRow row(Assignment a, Directive d, List<String> coordinating, Map<Long, int[]> notifications,
      Instant now, boolean extensionPending, String transferredFrom) {
    int[] sent = notifications.getOrDefault(a.id(), new int[2]);
    LocalDate original = a.originalDeadline() != null ? a.originalDeadline() : d.reportDeadline();
    return new AssignmentRow(a.id(), d.id(), d.number(), a.itemNumber(), a.agencyCode(),
        agencies.shortName(a.agencyCode()), coordinating, original, a.deadline(), a.status(now),
        a.dueSoon(now), a.reportedAt(), a.arrivedAfterCollection(), Timing.of(a, now), sent[0], sent[1],
        a.reported() ? null : a.submittedAt(), a.reported() ? null : a.reviewStatus(),
        a.reported() ? WorkStatus.label(a.report()) : "", extensionPending,
        transferredFrom == null ? null : agencies.shortName(transferredFrom));
  }

  /** The assignments without their reports (the lists need no report text). */
  private List<Assignment> lightAssignments(String where, Map<String, Object> params) {
    return jdbc.sql("select " + LIGHT_COLUMNS + " from cascade_assignment " + where + " order by directive_id, item_number, id")
        .params(params).query(DashboardQuery::light).list();
  }

  private static Assignment light(ResultSet rs, int row) throws SQLException {
    java.sql.Date original = rs.getDate("original_deadline");
    return new Assignment(rs.getLong("id"), rs.getLong("directive_id"), rs.getInt("item_number"),
        rs.getString("agency_code"), rs.getDate("deadline").toLocalDate(), rs.getString("process_instance_id"),
        instant(rs.getTimestamp("reported_at")), rs.getBoolean("arrived_after_collection"),
        // Light rows carry of their report only what the agency says of the work.
        rs.getString("work_status") == null ? Map.of()
            : Map.of(AgencyAssignmentProcess.COMPLETION_STATUS.name(), rs.getString("work_status")),
        original == null ? null : original.toLocalDate(), instant(rs.getTimestamp("submitted_at")),
        rs.getString("review_status"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /**
   * Reminders [0] and urgings [1] sent (or kept, with no mail server) per assignment id, for the
   * rows given: a page is asked about by its ids, a long table by the condition that selected it.
   */
  private Map<Long, int[]> notificationCounts(List<Assignment> rows, String condition, Object key) {
    Map<Long, int[]> counts = new HashMap<>();
    if (rows.isEmpty()) {
      return counts;
    }
    boolean byIds = rows.size() <= Pager.MAX_SIZE;
    String where = byIds ? "a.id in (:ids)" : condition;
    // A digest's lines count as the reminders and urgings they are.
    jdbc.sql("select n.subject_id, n.kind, count(*) as c"
        + " from cascade_notification n join cascade_assignment a on a.id = n.subject_id"
        + " where n.subject_kind = :subject and n.status in ('SENT', 'KEPT') and " + where
        + " group by n.subject_id, n.kind"
        + " union all select i.subject_id, i.kind, count(*) as c"
        + " from cascade_digest_item i join cascade_notification n on n.id = i.notification_id"
        + " join cascade_assignment a on a.id = i.subject_id"
        + " where i.subject = :subject and n.status in ('SENT', 'KEPT') and " + where
        + " group by i.subject_id, i.kind")
        .param("subject", ChaseSubject.ASSIGNMENT.name())
        .param(byIds ? "ids" : "key", byIds ? rows.stream().map(Assignment::id).toList() : key)
        .query(rs -> {
          int[] c = counts.computeIfAbsent(rs.getLong("subject_id"), k -> new int[2]);
          String kind = rs.getString("kind");
          if (NotificationKind.REMINDER.name().equals(kind)) {
            c[0] += rs.getInt("c");
          } else if (NotificationKind.URGING.name().equals(kind)) {
            c[1] += rs.getInt("c");
          }
        });
    return counts;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Document numbers compared without case, spaces or the difference between Đ and D. */
  private static String normalizeNumber(String s) {
    String b = blankToNull(s);
    return b == null ? null : b.replaceAll("\\s+", "").replace('Đ', 'D').replace('đ', 'd').toLowerCase(Locale.ROOT);
  }
}
