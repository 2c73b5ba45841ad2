package vn.cascade.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.agency.AgencyKind;
import vn.cascade.common.FieldProblem;
import vn.cascade.common.InvalidInputException;
import vn.cascade.conclusion.ConclusionService;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveService;
import vn.cascade.directive.DirectiveValidator;

/**
 * Reads the review page's form into the draft {@code POST /api/directives} takes, checks it with
 * the API's validator, counts what issuing it would assign (the service's own fan-out of groups), and
 * issues it through the service. An agency without a code from the directory blocks issuing.
 */
@Component
class DirectiveReviews {

  private final AgencyDirectory directory;
  private final DirectiveValidator validator;
  private final DirectiveService directives;
  private final ConclusionService conclusions;

  DirectiveReviews(AgencyDirectory directory, DirectiveValidator validator, DirectiveService directives,
      ConclusionService conclusions) {
    this.directory = directory;
    this.validator = validator;
    this.directives = directives;
    this.conclusions = conclusions;
  }

  /** The draft read from the form, what is wrong with it by field, and what it would assign. */
  record Review(DirectiveDraft draft, Map<String, Set<String>> errors, int assignments, int agencies,
      List<Integer> perItem) {

    public boolean mayIssue() {
      return errors.isEmpty();
    }

    /** The messages of one field, in the order found. */
    public List<String> err(String field) {
      Set<String> e = errors.get(field);
      return e == null ? List.of() : List.copyOf(e);
    }

    /** Whether a field or anything inside it (items[2] for items[2].bullets[0].text) has a problem. */
    public boolean errIn(String prefix) {
      return errors.keySet().stream().anyMatch(k -> k.equals(prefix) || k.startsWith(prefix + ".")
          || k.startsWith(prefix + "["));
    }

    /** Where a field is, in words: "Mục thứ 2, cơ quan chủ trì" for items[1].agencies[0]. */
    public String where(String field) {
      java.util.regex.Matcher m = java.util.regex.Pattern
          .compile("^items\\[(\\d+)](?:\\.(agencies|bullets\\[(\\d+)](?:\\.(coordinating|text))?|number|heading|deadline))?")
          .matcher(field);
      if (m.find()) {
        String at = "Mục thứ " + (Integer.parseInt(m.group(1)) + 1);
        if ("agencies".equals(m.group(2))) {
          return at + ", cơ quan chủ trì";
        }
        if (m.group(3) != null) {
          return at + ", nội dung " + (Integer.parseInt(m.group(3)) + 1)
              + ("coordinating".equals(m.group(4)) ? ", cơ quan phối hợp" : "");
        }
        return at;
      }
      return LABELS.getOrDefault(field.replaceAll("\\[.*", ""), "");
    }

    public int problemCount() {
      return errors.values().stream().mapToInt(Set::size).sum();
    }
  }

  private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("number", "Số, ký hiệu"),
      Map.entry("issuedOn", "Ngày ban hành"), Map.entry("place", "Địa danh"), Map.entry("issuer", "Cơ quan ban hành"),
      Map.entry("title", "Trích yếu"), Map.entry("signer", "Người ký"), Map.entry("signerTitle", "Chức vụ người ký"),
      Map.entry("conclusionNumber", "Kết luận"), Map.entry("reportDeadline", "Hạn báo cáo"),
      Map.entry("reportBackDeadline", "Hạn báo cáo kết quả"), Map.entry("summaryDeadline", "Hạn tổng hợp"),
      Map.entry("collectingAgency", "Cơ quan tổng hợp"), Map.entry("monitoringAgency", "Cơ quan theo dõi"),
      Map.entry("recipients", "Nơi nhận"), Map.entry("addressees", "Kính gửi"), Map.entry("items", "Nhiệm vụ"),
      Map.entry("text", "Nội dung văn bản"), Map.entry("letterToken", "Tệp văn bản gốc"));

  Review check(DirectiveForm form, List<ImportProblem> imported) {
    return check(form, imported, null);
  }

  /**
   * As {@link #check(DirectiveForm, List)}; when the form drafts a Conclusion's directive, the draft
   * saved before is the one being replaced (its own number is no duplicate).
   */
  Review check(DirectiveForm form, List<ImportProblem> imported, ConclusionService.Drafting drafting) {
    Long replaced = drafting == null ? null
        : directives.draftOfConclusion(drafting.conclusionId()).map(Directive::id).orElse(null);
    Map<String, Set<String>> errors = new LinkedHashMap<>();
    if (imported != null) {
      for (ImportProblem p : imported) {
        add(errors, p.field(), p.message());
      }
    }
    DirectiveDraft draft = read(form, errors);
    try {
      validator.validate(draft.normalized(), replaced);
    } catch (InvalidInputException e) {
      for (FieldProblem p : e.problems()) {
        if (!errors.containsKey(p.field()) || !p.message().endsWith(" là bắt buộc.")) {
          add(errors, p.field(), p.message());
        }
      }
    }
    Set<String> everyone = new LinkedHashSet<>();
    List<Integer> perItem = new ArrayList<>();
    int assignments = 0;
    for (DirectiveDraft.Item item : draft.items()) {
      Set<String> codes = directives.addressees(item);
      perItem.add(codes.size());
      assignments += codes.size();
      everyone.addAll(codes);
    }
    return new Review(draft, errors, assignments, everyone.size(), perItem);
  }

  /** Issues the form's directive exactly as {@code POST /api/directives} does, or answers why not. */
  Optional<Directive> issue(DirectiveForm form, Review review) {
    if (!review.mayIssue()) {
      return Optional.empty();
    }
    try {
      return Optional.of(directives.issue(review.draft()));
    } catch (InvalidInputException e) {
      e.problems().forEach(p -> add(review.errors(), p.field(), p.message()));
      return Optional.empty();
    }
  }

  /**
   * Saves the form's directive as the draft of the Conclusion's drafting task, exactly as
   * {@code PUT /api/conclusions/{id}/directive-draft} does (nothing is issued, nothing assigned yet),
   * or answers why not.
   */
  boolean saveDraft(ConclusionService.Drafting drafting, Review review) {
    if (!review.mayIssue()) {
      return false;
    }
    try {
      conclusions.attachDirectiveDraft(drafting.conclusionId(), review.draft());
      return true;
    } catch (InvalidInputException e) {
      e.problems().forEach(p -> add(review.errors(), p.field(), p.message()));
      return false;
    } catch (vn.cascade.common.ConflictException e) {
      add(review.errors(), "conclusionNumber", e.getMessage());
      return false;
    }
  }

  /** The directory as the page's pickers offer it: the groups this directory has, then every agency by name. */
  List<Map.Entry<String, String>> options() {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (AgencyKind kind : AgencyKind.values()) {
      if (kind.groupName() != null && !kind.groupName().equals(kind.selector()) && !directory.ofKind(kind).isEmpty()) {
        out.add(Map.entry(kind.selector(), "Tất cả " + kind.groupName() + " (" + directory.ofKind(kind).size()
            + " cơ quan)"));
      }
    }
    directory.all().stream().sorted(Agency.BY_NAME)
        .forEach(a -> out.add(Map.entry(a.code(), a.name())));
    return out;
  }

  /** Agencies only, for the collecting, monitoring and coordinating agencies. */
  List<Map.Entry<String, String>> agencyOptions() {
    return options().stream().filter(e -> !e.getKey().startsWith(AgencyDirectory.ALL_PREFIX)).toList();
  }

  /** The name a selector stands for, for the page. */
  String nameOf(String selector) {
    if (selector == null) {
      return "";
    }
    return AgencyDirectory.groupKind(selector).map(AgencyKind::groupName)
        .orElseGet(() -> directory.find(selector).map(Agency::name).orElse(selector));
  }


  private DirectiveDraft read(DirectiveForm f, Map<String, Set<String>> errors) {
    List<DirectiveDraft.Item> items = new ArrayList<>();
    List<DirectiveForm.ItemRow> rows = f.presentItems();
    for (int i = 0; i < rows.size(); i++) {
      DirectiveForm.ItemRow row = rows.get(i);
      String at = "items[" + i + "]";
      List<String> agencies = new ArrayList<>();
      for (int j = 0; j < row.getAgencies().size(); j++) {
        String code = LetterForms.selector(row.getAgencies().get(j).getCode(), directory);
        if (code == null) {
          add(errors, at + ".agencies[" + j + "]", unresolved("cơ quan", row.getAgencies().get(j)));
        } else if (!agencies.contains(code)) {
          agencies.add(code);
        }
      }
      List<DirectiveDraft.Bullet> bullets = new ArrayList<>();
      for (int k = 0; k < row.getBullets().size(); k++) {
        DirectiveForm.BulletRow b = row.getBullets().get(k);
        List<String> coordinating = new ArrayList<>();
        for (int m = 0; m < b.getCoordinating().size(); m++) {
          DirectiveForm.AgencyRow c = b.getCoordinating().get(m);
          String code = LetterForms.blank(c.getCode()) || !directory.exists(c.getCode().strip()) ? null : c.getCode().strip();
          if (code == null) {
            add(errors, at + ".bullets[" + k + "].coordinating[" + m + "]", unresolved("cơ quan phối hợp", c));
          } else if (!coordinating.contains(code)) {
            coordinating.add(code);
          }
        }
        bullets.add(new DirectiveDraft.Bullet(LetterForms.orNull(b.getText()), coordinating,
            date(b.getDeadline(), at + ".bullets[" + k + "].deadline", "Thời hạn riêng của nhiệm vụ", errors)));
      }
      Integer number = row.getNumber() != null && row.getNumber().strip().matches("\\d{1,6}")
          ? Integer.valueOf(row.getNumber().strip()) : null;
      items.add(new DirectiveDraft.Item(number, LetterForms.orNull(row.getHeading()), agencies, List.of(), bullets,
          date(row.getDeadline(), at + ".deadline", "Thời hạn riêng của nhiệm vụ", errors)));
    }
    List<DirectiveDraft.Recipient> recipients = new ArrayList<>();
    f.getRecipients().removeIf(java.util.Objects::isNull);
    for (DirectiveForm.RecipientRow r : f.getRecipients()) {
      if (!LetterForms.blank(r.getName())) {
        recipients.add(new DirectiveDraft.Recipient(r.getName().strip(), LetterForms.orNull(r.getPurpose()),
            LetterForms.orNull(r.getAgency())));
      }
    }
    List<String> addressees = f.getAddressees() == null ? List.of()
        : f.getAddressees().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    return new DirectiveDraft(LetterForms.orNull(f.getNumber()), date(f.getIssuedOn(), "issuedOn", "Ngày ban hành", errors),
        LetterForms.orNull(f.getPlace()), LetterForms.orNull(f.getIssuer()), LetterForms.orNull(f.getIssuerAgency()),
        LetterForms.orNull(f.getSigner()), LetterForms.orNull(f.getSignerTitle()), LetterForms.orNull(f.getTitle()),
        addressees, LetterForms.orNull(f.getPreamble()),
        date(f.getReportDeadline(), "reportDeadline", "Hạn báo cáo", errors), LetterForms.orNull(f.getReportTo()),
        LetterForms.orNull(f.getReportInstruction()),
        date(f.getSummaryDeadline(), "summaryDeadline", "Hạn tổng hợp", errors),
        LetterForms.orNull(f.getCollectingAgency()), LetterForms.orNull(f.getSummaryInstruction()),
        LetterForms.orNull(f.getMonitoringAgency()), LetterForms.orNull(f.getMonitoringInstruction()),
        LetterForms.orNull(f.getConclusionNumber()), recipients, items, List.of(), null);
  }

  private static String unresolved(String what, DirectiveForm.AgencyRow row) {
    if (LetterForms.blank(row.getSource())) {
      return "Chưa chọn " + what + "; xin chọn cơ quan trong danh mục hoặc bỏ dòng này.";
    }
    return "Không tìm thấy " + what + " \"" + row.getSource().strip()
        + "\" trong danh mục; xin chọn cơ quan trong danh mục hoặc bỏ đi.";
  }

  static LocalDate date(String typed, String field, String label, Map<String, Set<String>> errors) {
    Optional<LocalDate> day = LetterForms.parseDate(typed);
    if (day == null) {
      add(errors, field, label + " phải viết theo dạng ngày/tháng/năm, ví dụ 15/08/2020.");
      return null;
    }
    return day.orElse(null);
  }

  static void add(Map<String, Set<String>> errors, String field, String message) {
    errors.computeIfAbsent(field, k -> new LinkedHashSet<>()).add(message);
  }
}
