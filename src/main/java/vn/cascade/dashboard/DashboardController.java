package vn.cascade.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import vn.cascade.common.CascadePage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.assignment.ReportStatus;
import vn.cascade.security.CurrentUser;

/**
 * The dashboards: directives ({@code /dashboard}), one directive, one report, the agencies and
 * one agency. Server-rendered, Vietnamese; an agency user sees only its own agency's rows.
 */
@Controller
@CascadePage
@RequestMapping("/dashboard")
class DashboardController {

  private static final DateTimeFormatter VN_DAY =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private final DashboardQuery query;
  private final CurrentUser user;
  private final AgencyDirectory agencies;

  private final vn.cascade.summary.SummaryDocuments documents;
  private final vn.cascade.conclusion.ConclusionService conclusions;
  private final vn.cascade.intake.DirectiveLetters letters;
  private final vn.cascade.directive.DirectiveFanOut fanOut;

  DashboardController(DashboardQuery query, CurrentUser user, AgencyDirectory agencies,
      vn.cascade.summary.SummaryDocuments documents, vn.cascade.conclusion.ConclusionService conclusions,
      vn.cascade.intake.DirectiveLetters letters, vn.cascade.directive.DirectiveFanOut fanOut) {
    this.letters = letters;
    this.fanOut = fanOut;
    this.documents = documents;
    this.conclusions = conclusions;
    this.query = query;
    this.user = user;
    this.agencies = agencies;
  }

  @GetMapping
  String directives(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
      @RequestParam(required = false) String agency, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Model model) {
    Visibility v = Visibility.of(user);
    List<String> problems = new ArrayList<>();
    LocalDate fromDay = day(from, "Từ ngày", problems);
    LocalDate toDay = day(to, "Đến ngày", problems);
    var filter = new DashboardQuery.Filter(q, status, agency, fromDay, toDay);
    List<DirectiveRow> rows = query.directives(filter, v);
    Counts totals = rows.stream().map(DirectiveRow::counts).reduce(Counts.NONE, Counts::plus);
    model.addAttribute("rows", rows);
    model.addAttribute("totals", totals);
    model.addAttribute("filter", filter);
    model.addAttribute("fromText", from == null ? "" : from.strip());
    model.addAttribute("toText", to == null ? "" : to.strip());
    model.addAttribute("problems", problems);
    model.addAttribute("statusOptions", statusOptions());
    model.addAttribute("agencyOptions", agencyOptions(v));
    model.addAttribute("now", query.now());
    model.addAttribute("active", "directives");
    return "dashboard/directives";
  }

  /** One directive; {@code page} and {@code size} page its table (100 rows unless asked otherwise). */
  @GetMapping("/directives/{id}")
  String directive(@PathVariable long id, @RequestParam(required = false) String status,
      @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
    DirectivePage view = query.directivePage(id, Visibility.of(user), status, new Pager.Request(page, size));
    model.addAttribute("page", view);
    model.addAttribute("d", view.directive());
    model.addAttribute("workspace", WorkspaceController.mayOpen(user, view.directive()));
    model.addAttribute("approvedDocument", documents.approved(id).orElse(null));
    model.addAttribute("letter", letters.of(id).orElse(null));
    // How many of its assignments have their task yet (the fan-out runs in the background); an agency sees only its own rows.
    model.addAttribute("fanOut", view.partial() ? null : fanOut.of(view.directive()));
    // The report back to Ban Thường vụ Tỉnh ủy on the Conclusion this directive implements: its page, the approved version.
    if (view.directive().conclusionId() != null && user.isIssuer()) {
      var c = conclusions.get(view.directive().conclusionId());
      model.addAttribute("reportBackUrl", "/dashboard/conclusions/" + c.id() + "/report-back");
      model.addAttribute("reportBackApproved", documents.approved(vn.cascade.conclusion.ConclusionService
          .reportBackDocument(c)).orElse(null));
    }
    model.addAttribute("status", statusKey(status));
    model.addAttribute("statusOptions", statusOptions());
    model.addAttribute("now", query.now());
    model.addAttribute("active", "directives");
    return "dashboard/directive";
  }

  /**
   * The letter file the directive was issued from, for whoever may see the directive's page (its
   * agencies too: it is their letter). Served as an attachment under its own name, never rendered inline.
   */
  @GetMapping("/directives/{id}/letter")
  org.springframework.http.ResponseEntity<byte[]> letter(@PathVariable long id) {
    query.visibleDirective(id, Visibility.of(user));
    var letter = letters.of(id).orElseThrow(() -> DashboardException.notFound(
        "Văn bản này được nhập bằng cách dán nội dung, không có tệp văn bản gốc."));
    byte[] content = letters.content(id, letter.id()).orElseThrow(() -> DashboardException.notFound(
        "Không tìm thấy tệp văn bản gốc."));
    return Downloads.letter(content, letter.contentType(), letter.fileName());
  }

  @GetMapping("/assignments/{id}")
  String report(@PathVariable long id, Model model) {
    ReportPage page = query.report(id, Visibility.of(user));
    model.addAttribute("page", page);
    model.addAttribute("d", page.directive());
    model.addAttribute("r", page.row());
    model.addAttribute("now", query.now());
    model.addAttribute("active", "directives");
    return "dashboard/report";
  }

  @GetMapping("/agencies")
  String agencies(Model model) {
    List<AgencyStat> stats = query.agencyStats(Visibility.of(user));
    model.addAttribute("stats", stats);
    model.addAttribute("ranking", DashboardQuery.ranking(stats));
    model.addAttribute("totals", stats.stream().map(AgencyStat::counts).reduce(Counts.NONE, Counts::plus));
    model.addAttribute("now", query.now());
    model.addAttribute("active", "agencies");
    return "dashboard/agencies";
  }

  /** One agency's assignments, paged like a directive's and filtered by the same buckets. */
  @GetMapping("/agencies/{code}")
  String agency(@PathVariable String code, @RequestParam(required = false) String status,
      @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
    AgencyPage view = query.agency(code, Visibility.of(user), status, new Pager.Request(page, size));
    model.addAttribute("page", view);
    model.addAttribute("status", statusKey(status));
    model.addAttribute("statusOptions", statusOptions());
    model.addAttribute("now", query.now());
    model.addAttribute("active", "agencies");
    return "dashboard/agency";
  }

  /** The bucket filter as the pages name it: a bucket, DUE_SOON, or "" for every row. */
  private static String statusKey(String status) {
    return Buckets.parse(status).map(Enum::name).orElse(Buckets.isDueSoon(status) ? Buckets.DUE_SOON : "");
  }

  /** The filter's choices: the four official buckets and the warning. */
  static Map<String, String> statusOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    for (ReportStatus s : ReportStatus.values()) {
      options.put(s.name(), s.label());
    }
    options.put(Buckets.DUE_SOON, Buckets.DUE_SOON_LABEL);
    return options;
  }

  private Map<String, String> agencyOptions(Visibility v) {
    Map<String, String> options = new LinkedHashMap<>();
    for (Agency a : agencies.all()) {
      if (v.sees(a.code())) {
        options.put(a.code(), a.shortName());
      }
    }
    return options;
  }

  /** A day typed as yyyy-MM-dd (date pickers) or dd/MM/yyyy; a bad one is named and ignored. */
  private static LocalDate day(String text, String label, List<String> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    try {
      return t.contains("/") ? LocalDate.parse(t, VN_DAY) : LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      problems.add(label + " \"" + t + "\" không phải ngày hợp lệ (dd/MM/yyyy); bộ lọc này được bỏ qua.");
      return null;
    }
  }
}
