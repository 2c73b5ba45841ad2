package vn.cascade.agency;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import vn.cascade.common.FieldProblem;
import vn.cascade.common.InvalidInputException;
import vn.cascade.common.NotFoundException;
import vn.cascade.common.Texts;

/**
 * The administrator's changes to the directory: add, edit, deactivate and reactivate an agency,
 * import a directory. Each change is checked against the directory as it is in the database (under
 * its row lock, so two nodes' changes follow one another), written with who made it, when and what,
 * and applied at once: the agency's Camunda group and grants in the same transaction, this node's
 * copy of the directory right after, the other nodes' within {@link AgencyDirectory#RECHECK}.
 */
@Service
class AgencyAdministration {

  static final Pattern EMAIL =
      Pattern.compile("^[^@\\s,;<>\"\\p{Cntrl}]+@[^@\\s,;<>\"\\p{Cntrl}]+\\.[^@\\s,;<>\".\\p{Cntrl}]+$");
  static final int MAX_CODE = 64;
  static final int MAX_NAME = 500;
  static final int MAX_ALIAS = 200;
  static final int MAX_ALIASES = 20;
  static final int MAX_EMAILS = 10;
  /** The office that monitors and the leadership that approves: who may issue and read everything hangs on them. */
  static final Set<String> ALWAYS_ACTIVE = Set.of("vp-ubnd", "lanh-dao-ubnd");

  /** Words of the page's own addresses (/admin/agencies/new, /admin/agencies/import). */
  static final Set<String> RESERVED = Set.of("new", "import");

  static final String CREATED = "CREATED";
  static final String UPDATED = "UPDATED";
  static final String DEACTIVATED = "DEACTIVATED";
  static final String REACTIVATED = "REACTIVATED";

  /** What the page's form, or a row of an imported file, says of an agency. */
  record AgencyInput(String code, String name, String aliases, String kind, String emails, String parent,
      String statisticsCode) {}

  /** One agency before (null: new) and after a change. */
  record Step(Agency before, Agency after) {}

  private final AgencyStore store;
  private final AgencyDirectory directory;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AgencyAdministration(AgencyStore store, AgencyDirectory directory, ApplicationEventPublisher events, Clock clock) {
    this.store = store;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
  }

  Agency add(AgencyInput input, String by) {
    String code = input.code() == null ? "" : input.code().strip();
    apply(current -> {
      List<FieldProblem> problems = new ArrayList<>();
      Agency agency = parse(input, code, true, problems, "");
      if (RESERVED.contains(code)) {
        problems.add(new FieldProblem("code", "Mã \"" + code + "\" dành cho trang quản trị, xin chọn mã khác."));
      }
      if (current.containsKey(code)) {
        problems.add(new FieldProblem("code", "Mã cơ quan " + code + " đã có trong danh mục ("
            + current.get(code).name() + ")."));
      }
      Map<String, Agency> after = new LinkedHashMap<>(current);
      after.put(code, agency);
      check(agency, after, problems, "");
      refuse(problems);
      return List.of(new Step(null, agency));
    }, by);
    return directory.get(code);
  }

  Agency update(String code, AgencyInput input, String by) {
    apply(current -> {
      Agency before = Optional.ofNullable(current.get(code))
          .orElseThrow(() -> new NotFoundException("Không có cơ quan có mã " + code + " trong danh mục."));
      List<FieldProblem> problems = new ArrayList<>();
      Agency agency = parse(input, code, before.active(), problems, "");
      Map<String, Agency> after = new LinkedHashMap<>(current);
      after.put(code, agency);
      check(agency, after, problems, "");
      refuse(problems);
      return agency.equals(before) ? List.of() : List.of(new Step(before, agency));
    }, by);
    return directory.get(code);
  }

  void setActive(String code, boolean active, String by) {
    apply(current -> {
      Agency before = Optional.ofNullable(current.get(code))
          .orElseThrow(() -> new NotFoundException("Không có cơ quan có mã " + code + " trong danh mục."));
      if (!active && ALWAYS_ACTIVE.contains(code)) {
        refuse(List.of(new FieldProblem("active", "Không ngừng hoạt động được " + before.name() + " (" + code
            + "): quyền ban hành văn bản và theo dõi mọi nhiệm vụ gắn với cơ quan này.")));
      }
      return before.active() == active ? List.of() : List.of(new Step(before, before.withActive(active)));
    }, by);
  }

  /**
   * Applies an imported directory: every row is checked first (with its row number), and one
   * problem changes nothing. A row that says what the directory already says changes nothing; an
   * agency the file does not name stays as it is.
   */
  int importRows(List<AgencyXlsx.Row> rows, String by) {
    return apply(current -> {
      List<FieldProblem> problems = new ArrayList<>();
      Map<String, Agency> after = new LinkedHashMap<>(current);
      Map<String, Integer> seen = new LinkedHashMap<>();
      List<Agency> parsed = new ArrayList<>();
      List<Integer> lines = new ArrayList<>();
      for (AgencyXlsx.Row row : rows) {
        String where = "Dòng " + row.number() + ": ";
        String code = row.input().code() == null ? "" : row.input().code().strip();
        Boolean active = AgencyXlsx.active(row.active());
        if (active == null) {
          problems.add(new FieldProblem("file", where + "cột \"" + AgencyXlsx.HEADERS.get(7) + "\" ghi \""
              + Texts.abbreviate(row.active(), 40) + "\"; chỉ được ghi \"có\" hoặc \"không\"."));
          active = true;
        }
        Agency agency = parse(row.input(), code, active, problems, where);
        Integer earlier = seen.putIfAbsent(code, row.number());
        if (earlier != null && !code.isEmpty()) {
          problems.add(new FieldProblem("file", where + "mã cơ quan " + code + " trùng với dòng " + earlier + "."));
          continue;
        }
        if (!active && ALWAYS_ACTIVE.contains(code)) {
          problems.add(new FieldProblem("file", where + "không ngừng hoạt động được " + code + "."));
        }
        after.put(code, agency);
        parsed.add(agency);
        lines.add(row.number());
      }
      for (int i = 0; i < parsed.size(); i++) {
        check(parsed.get(i), after, problems, "Dòng " + lines.get(i) + ": ");
      }
      refuse(problems);
      List<Step> steps = new ArrayList<>();
      for (Agency agency : parsed) {
        Agency before = current.get(agency.code());
        if (!agency.equals(before)) {
          steps.add(new Step(before, agency));
        }
      }
      return steps;
    }, by);
  }

  /** At most this many problems are listed; the rest are counted. */
  static final int MAX_PROBLEMS = 50;

  private static void refuse(List<FieldProblem> problems) {
    if (problems.size() > MAX_PROBLEMS) {
      List<FieldProblem> shown = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
      shown.add(new FieldProblem("file", "… và " + (problems.size() - MAX_PROBLEMS) + " lỗi khác."));
      throw new InvalidInputException(shown);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** Runs a change under the directory's lock, records it, raises the version; returns how many agencies changed. */
  private int apply(Function<Map<String, Agency>, List<Step>> plan, String by) {
    int changed = store.inTransaction(() -> {
      store.lockVersion();
      List<Step> steps = plan.apply(store.load().byCode());
      for (Step step : steps) {
        String action;
        if (step.before() == null) {
          store.insert(step.after());
          action = CREATED;
        } else {
          store.update(step.after());
          boolean onlyActive = step.before().withActive(step.after().active()).equals(step.after());
          action = !onlyActive ? UPDATED : step.after().active() ? REACTIVATED : DEACTIVATED;
        }
        store.record(step.after().code(), action, by, clock.instant(), details(step.before(), step.after()));
        events.publishEvent(new AgencyChanged(step.after()));
      }
      if (!steps.isEmpty()) {
        store.raiseVersion();
      }
      return steps.size();
    });
    directory.refresh();
    return changed;
  }

  /** "Thư điện tử: a@x → b@x", one line per field that changed; every field of a new agency. */
  static String details(Agency before, Agency after) {
    List<String> lines = new ArrayList<>();
    field(lines, "Tên", before == null ? null : before.name(), after.name());
    field(lines, "Tên gọi khác", before == null ? null : String.join("; ", before.aliases()),
        String.join("; ", after.aliases()));
    field(lines, "Loại", before == null ? null : AgencyXlsx.kindLabel(before.kind()), AgencyXlsx.kindLabel(after.kind()));
    field(lines, "Thư điện tử", before == null ? null : String.join(", ", before.emails()),
        String.join(", ", after.emails()));
    field(lines, "Trực thuộc", before == null ? null : before.parent(), after.parent());
    field(lines, "Mã thống kê", before == null ? null : before.statisticsCode(), after.statisticsCode());
    field(lines, "Tình trạng", before == null ? null : status(before), status(after));
    return String.join("\n", lines);
  }

  private static String status(Agency a) {
    return a.active() ? "đang hoạt động" : "ngừng hoạt động";
  }

  private static void field(List<String> lines, String label, String before, String after) {
    String b = before == null ? "" : before;
    String a = after == null ? "" : after;
    if (before == null) {
      if (!a.isEmpty()) {
        lines.add(label + ": " + a);
      }
    } else if (!b.equals(a)) {
      lines.add(label + ": " + (b.isEmpty() ? "(trống)" : b) + " → " + (a.isEmpty() ? "(trống)" : a));
    }
  }

  /** The agency a form or row describes, normalised as it is stored; what is wrong with a field goes to problems. */
  static Agency parse(AgencyInput in, String code, boolean active, List<FieldProblem> problems, String where) {
    if (code.isEmpty()) {
      problems.add(new FieldProblem("code", where + "mã cơ quan là bắt buộc."));
    } else if (code.length() > MAX_CODE || !AgencyDirectory.CODE.matcher(code).matches()) {
      problems.add(new FieldProblem("code", where + "mã cơ quan \"" + Texts.abbreviate(code, 70)
          + "\" không hợp lệ: chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối, ví dụ so-khdt (tối đa "
          + MAX_CODE + " ký tự)."));
    }
    String name = in.name() == null ? "" : Texts.nfc(in.name()).replaceAll("\\s+", " ").strip();
    if (Texts.hasControlCharacters(in.name()) || Texts.hasControlCharacters(in.aliases())) {
      problems.add(new FieldProblem("name", where + "tên hoặc tên gọi khác có ký tự điều khiển."));
    }
    if (name.isEmpty()) {
      problems.add(new FieldProblem("name", where + "tên cơ quan là bắt buộc."));
    } else if (name.length() > MAX_NAME) {
      problems.add(new FieldProblem("name", where + "tên cơ quan dài quá " + MAX_NAME + " ký tự."));
    }
    AgencyKind kind = null;
    String kindText = in.kind() == null ? "" : in.kind().strip();
    if (kindText.isEmpty()) {
      problems.add(new FieldProblem("kind", where + "loại cơ quan là bắt buộc."));
    } else {
      kind = AgencyXlsx.kindOf(kindText);
      if (kind == null) {
        problems.add(new FieldProblem("kind", where + "loại cơ quan \"" + Texts.abbreviate(kindText, 40)
            + "\" không có; các loại: " + AgencyXlsx.kindChoices() + "."));
      }
    }
    List<String> aliases = split(in.aliases(), "[\\n;]+").stream().map(a -> Texts.nfc(a).replaceAll("\\s+", " "))
        .distinct().toList();
    if (aliases.size() > MAX_ALIASES) {
      problems.add(new FieldProblem("aliases", where + "tối đa " + MAX_ALIASES + " tên gọi khác."));
    }
    aliases.stream().filter(a -> a.length() > MAX_ALIAS).findFirst().ifPresent(a -> problems.add(new FieldProblem(
        "aliases", where + "tên gọi khác \"" + Texts.abbreviate(a, 60) + "\" dài quá " + MAX_ALIAS + " ký tự.")));
    List<String> emails = split(in.emails(), "[\\s,;]+").stream().distinct().toList();
    if (emails.size() > MAX_EMAILS) {
      problems.add(new FieldProblem("emails", where + "tối đa " + MAX_EMAILS + " địa chỉ thư điện tử."));
    }
    for (String email : emails) {
      if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
        problems.add(new FieldProblem("emails", where + "địa chỉ thư điện tử \"" + Texts.abbreviate(email, 60)
            + "\" không hợp lệ (ví dụ: so-yt@dongnai.gov.vn)."));
      }
    }
    String parent = blankToNull(in.parent());
    String stat = blankToNull(in.statisticsCode());
    if (stat != null && !AgencyDirectory.STATISTICS_CODE.matcher(stat).matches()) {
      problems.add(new FieldProblem("statisticsCode", where + "mã thống kê \"" + Texts.abbreviate(stat, 20)
          + "\" phải gồm đúng 5 chữ số (mã đơn vị hành chính của Tổng cục Thống kê)."));
    }
    return new Agency(code, name, aliases, kind == null ? AgencyKind.OFFICE : kind, emails, stat, parent, active);
  }

  /** What the agency must agree with in the directory it joins: its parent exists and is no loop, its statistics code is its own. */
  static void check(Agency agency, Map<String, Agency> after, List<FieldProblem> problems, String where) {
    if (agency.parent() != null) {
      if (agency.parent().equals(agency.code())) {
        problems.add(new FieldProblem("parent", where + "cơ quan không trực thuộc chính nó."));
      } else if (!after.containsKey(agency.parent())) {
        problems.add(new FieldProblem("parent", where + "cơ quan cấp trên \"" + Texts.abbreviate(agency.parent(), 70)
            + "\" không có trong danh mục."));
      } else {
        Set<String> path = new HashSet<>(List.of(agency.code()));
        for (String p = agency.parent(); p != null; p = after.containsKey(p) ? after.get(p).parent() : null) {
          if (!path.add(p)) {
            problems.add(new FieldProblem("parent", where + "cơ quan cấp trên " + agency.parent()
                + " lại trực thuộc " + agency.code() + " (vòng lặp)."));
            break;
          }
        }
      }
    }
    if (agency.statisticsCode() != null) {
      after.values().stream()
          .filter(o -> !o.code().equals(agency.code()) && agency.statisticsCode().equals(o.statisticsCode()))
          .findFirst().ifPresent(o -> problems.add(new FieldProblem("statisticsCode", where + "mã thống kê "
              + agency.statisticsCode() + " đã dùng cho " + o.name() + " (" + o.code() + ").")));
    }
  }

  private static List<String> split(String text, String separators) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split(separators)).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  List<AgencyStore.Change> changes(String code, int limit) {
    return store.changes(code, limit);
  }
}
