package vn.cascade.agency;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import vn.cascade.common.CascadePage;
import vn.cascade.common.FieldProblem;
import vn.cascade.common.InvalidInputException;
import vn.cascade.common.Texts;
import vn.cascade.common.VnDates;
import vn.cascade.security.CurrentUser;

/**
 * "Danh mục cơ quan", the administrator's page of the directory (/admin/agencies, group
 * camunda-admin only, see security/SecurityConfig): list and search, add, edit, deactivate and
 * reactivate an agency, the history of changes, and the directory as XLSX out and in.
 */
@Controller
@CascadePage
class AgencyAdminController {

  static final String BASE = "/admin/agencies";
  private static final Locale VI = Locale.forLanguageTag("vi");
  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final AgencyDirectory directory;
  private final AgencyAdministration administration;
  private final CurrentUser user;

  AgencyAdminController(AgencyDirectory directory, AgencyAdministration administration, CurrentUser user) {
    this.directory = directory;
    this.administration = administration;
    this.user = user;
  }

  /** A row of the list or the history, as the page shows it. */
  record ChangeView(String agencyCode, String agencyName, String action, String by, String at, List<String> lines) {}

  @GetMapping(BASE)
  String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String saved,
      Model model) {
    String query = Texts.nfc(q).strip().toLowerCase(VI);
    List<Agency> shown = directory.all().stream().filter(a -> query.isEmpty() || matches(a, query)).toList();
    model.addAttribute("active", "admin-agencies");
    model.addAttribute("q", q);
    model.addAttribute("agencies", shown);
    model.addAttribute("total", directory.all().size());
    model.addAttribute("province", directory.province());
    model.addAttribute("kinds", kinds());
    model.addAttribute("saved", saved);
    model.addAttribute("changes", views(administration.changes(null, 30)));
    model.addAttribute("always", AgencyAdministration.ALWAYS_ACTIVE);
    model.addAttribute("problems", List.of());
    return "admin/agencies";
  }

  private static boolean matches(Agency a, String query) {
    return a.code().contains(query) || a.name().toLowerCase(VI).contains(query)
        || a.aliases().stream().anyMatch(x -> x.toLowerCase(VI).contains(query))
        || a.emails().stream().anyMatch(e -> e.toLowerCase(VI).contains(query));
  }

  @GetMapping(BASE + "/new")
  String newAgency(Model model) {
    return form(model, null, new AgencyAdministration.AgencyInput("", "", "", "", "", "", ""), List.of());
  }

  @PostMapping(BASE)
  String add(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String aliases, @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String emails, @RequestParam(defaultValue = "") String parent,
      @RequestParam(defaultValue = "") String statisticsCode, Model model, HttpServletResponse response) {
    var input = new AgencyAdministration.AgencyInput(code, name, aliases, kind, emails, parent, statisticsCode);
    try {
      Agency added = administration.add(input, user.userId());
      return "redirect:" + BASE + "/" + added.code() + "?saved=1";
    } catch (InvalidInputException e) {
      response.setStatus(400);
      return form(model, null, input, e.problems());
    }
  }

  @GetMapping(BASE + "/{code}")
  String edit(@PathVariable String code, @RequestParam(required = false) String saved, Model model) {
    Agency a = known(code);
    model.addAttribute("saved", saved);
    return form(model, a, new AgencyAdministration.AgencyInput(a.code(), a.name(), String.join("\n", a.aliases()),
        a.kind().code(), String.join("\n", a.emails()), a.parent() == null ? "" : a.parent(),
        a.statisticsCode() == null ? "" : a.statisticsCode()), List.of());
  }

  @PostMapping(BASE + "/{code}")
  String update(@PathVariable String code, @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String aliases, @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String emails, @RequestParam(defaultValue = "") String parent,
      @RequestParam(defaultValue = "") String statisticsCode, Model model, HttpServletResponse response) {
    Agency a = known(code);
    var input = new AgencyAdministration.AgencyInput(code, name, aliases, kind, emails, parent, statisticsCode);
    try {
      administration.update(code, input, user.userId());
      return "redirect:" + BASE + "/" + code + "?saved=1";
    } catch (InvalidInputException e) {
      response.setStatus(400);
      return form(model, a, input, e.problems());
    }
  }

  @PostMapping(BASE + "/{code}/active")
  String setActive(@PathVariable String code, @RequestParam boolean active, Model model,
      HttpServletResponse response) {
    Agency a = known(code);
    try {
      administration.setActive(code, active, user.userId());
      return "redirect:" + BASE + "/" + code + "?saved=1";
    } catch (InvalidInputException e) {
      response.setStatus(400);
      return form(model, a, new AgencyAdministration.AgencyInput(a.code(), a.name(), String.join("\n", a.aliases()),
          a.kind().code(), String.join("\n", a.emails()), a.parent() == null ? "" : a.parent(),
          a.statisticsCode() == null ? "" : a.statisticsCode()), e.problems());
    }
  }

  @GetMapping(BASE + "/export.xlsx")
  ResponseEntity<byte[]> export() {
    byte[] xlsx = AgencyXlsx.write(directory.all());
    String file = "Danh mục cơ quan " + directory.province() + ".xlsx";
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"danh-muc-co-quan.xlsx\"; filename*=UTF-8''"
            + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"))
        .body(xlsx);
  }

  @PostMapping(BASE + "/import")
  String importFile(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response)
      throws IOException {
    List<FieldProblem> problems;
    if (file == null || file.isEmpty()) {
      problems = List.of(new FieldProblem("file", "Chưa chọn tệp Excel (.xlsx) để nhập."));
    } else {
      try (InputStream in = file.getInputStream()) {
        int changed = administration.importRows(AgencyXlsx.read(in), user.userId());
        return "redirect:" + BASE + "?saved=" + (changed == 0 ? "import-unchanged" : "import-" + changed);
      } catch (InvalidInputException e) {
        problems = e.problems();
      }
    }
    response.setStatus(400);
    list("", null, model);
    model.addAttribute("problems", problems.stream().map(FieldProblem::message).toList());
    return "admin/agencies";
  }

  private Agency known(String code) {
    return directory.find(code)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "Không có cơ quan có mã " + code + " trong danh mục."));
  }

  private String form(Model model, Agency agency, AgencyAdministration.AgencyInput input, List<FieldProblem> problems) {
    model.addAttribute("active", "admin-agencies");
    model.addAttribute("agency", agency);
    model.addAttribute("input", input);
    model.addAttribute("kinds", kinds());
    model.addAttribute("parents", directory.all().stream()
        .filter(a -> agency == null || !a.code().equals(agency.code())).toList());
    model.addAttribute("problems", problems.stream().map(FieldProblem::message).toList());
    model.addAttribute("always", AgencyAdministration.ALWAYS_ACTIVE);
    model.addAttribute("history", agency == null ? List.of() : views(administration.changes(agency.code(), 200)));
    return "admin/agency";
  }

  private static Map<String, String> kinds() {
    Map<String, String> kinds = new LinkedHashMap<>();
    for (AgencyKind k : AgencyKind.values()) {
      kinds.put(k.code(), AgencyXlsx.kindLabel(k));
    }
    return kinds;
  }

  private List<ChangeView> views(List<AgencyStore.Change> changes) {
    return changes.stream().map(c -> new ChangeView(c.agencyCode(), directory.shortName(c.agencyCode()),
        switch (c.action()) {
          case AgencyAdministration.CREATED -> "thêm mới";
          case AgencyAdministration.DEACTIVATED -> "ngừng hoạt động";
          case AgencyAdministration.REACTIVATED -> "hoạt động trở lại";
          default -> "sửa";
        }, c.changedBy() == null ? "" : c.changedBy(), VnDates.formatWithTime(c.changedAt()),
        c.details().isEmpty() ? List.of() : List.of(c.details().split("\n")))).toList();
  }
}
