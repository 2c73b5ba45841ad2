package vn.cascade.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.agency.AgencyKind;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.intake.LetterText.Paragraph;

/**
 * Reads the text of a directive (Công văn) into a draft: pure, nothing stored or started. Rules, not
 * answers: the frame of Nghị định 30/2020 (number, place and date, V/v, Kính gửi, Nơi nhận,
 * signature), numbered items (Arabic, Roman sections with their own numbering, lettered and dash
 * bullets, an assignment table), the lead agencies of each item's heading, the coordinating ones of
 * "Chủ trì, phối hợp với …", and the closing sentences that set the report, its collector and the
 * office that monitors.
 */
public final class DirectiveImport {

  private static final Pattern CONCLUSION = Pattern.compile(
      "(?iu)kết luận\\s+(?:số\\s+)?(\\d+[\\p{L}\\d.\\-]*/[\\p{L}\\d.\\-/]*\\p{L})(?:\\s+ngày\\s+(\\S+(?:\\s+tháng\\s+\\d{1,2}\\s+năm\\s+\\d{4})?))?");
  private static final Pattern COORDINATION = Pattern.compile("chu tri\\s*,?\\s*(?:va\\s+)?phoi hop(?:\\s+voi)?\\s+");
  private static final Pattern REPORT_TO = Pattern.compile("(?iu)báo cáo[^.;]*?\\s(?:về|cho|lên|đến|tới)\\s+(.+)$");
  private static final Pattern THROUGH = Pattern.compile("(?iu)\\(\\s*qua\\s+([^)]+)\\)");
  private static final String TABLE = "STT \u0001";
  private static final Pattern KIND = Pattern.compile("^(ke hoach|quyet dinh|thong bao|chi thi|cong van)$");

  private final AgencyDirectory directory;
  private final AgencyMatcher matcher;
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, LocalDate> deadlines = new LinkedHashMap<>();
  private final List<ImportProblem> problems = new ArrayList<>();

  private DirectiveImport(AgencyDirectory directory) {
    this.directory = directory;
    this.matcher = new AgencyMatcher(directory);
  }

  /** The entry point: a letter's text and the province's directory in, a proposed draft out. */
  public static ImportedDirective read(String text, AgencyDirectory directory) {
    return new DirectiveImport(directory).run(text == null ? "" : text);
  }

  /** An item while it is read. */
  private static final class ItemDraft {
    String label;
    String heading;
    String words;
    String section;
    final List<StringBuilder> bullets = new ArrayList<>();
    final List<Boolean> lettered = new ArrayList<>();
    List<AgencyMatcher.Mention> leads;
    List<String> coordinatingCell;
    LetterDates.Found deadline;
    String unreadDeadline;
    boolean fromSection;
  }

  private ImportedDirective run(String text) {
    List<String> lines = LetterText.lines(text);
    List<String> raw = LetterText.rawLines(text);
    lines = new ArrayList<>(lines.subList(0, letterEnd(lines)));
    List<ItemDraft> tableItems = readTable(raw, lines);

    Optional<LetterParts.Part<String>> number = LetterParts.number(lines, 0, null);
    number.ifPresentOrElse(n -> sources.put("number", n.words()),
        () -> problems.add(new ImportProblem("number", "Không tìm thấy số và ký hiệu văn bản (Số: …/…).", "")));
    String[] place = new String[1];
    Optional<LetterParts.Part<LocalDate>> date = LetterParts.dateLine(lines, 0, place);
    date.ifPresentOrElse(d -> {
      sources.put("issuedOn", d.words());
      sources.put("place", d.words());
    }, () -> problems.add(new ImportProblem("issuedOn", "Không tìm thấy địa danh, ngày tháng năm ban hành.", "")));

    String issuer = null;
    String issuerAgency = null;
    Optional<LetterParts.Part<String>> header = LetterParts.header(lines, number.map(LetterParts.Part::line).orElse(0));
    if (header.isPresent()) {
      issuer = LetterText.capitalize(LetterText.sentenceCase(header.get().value(), directory.province()));
      sources.put("issuer", header.get().words());
      issuerAgency = issuingAgency(header.get().value());
    } else {
      problems.add(new ImportProblem("issuer", "Không tìm thấy cơ quan ban hành ở đầu văn bản.", ""));
    }

    int recipientsAt = LetterParts.recipientsLine(lines, 0);
    Optional<LetterParts.Signature> signature = LetterParts.signature(lines,
        recipientsAt >= 0 ? recipientsAt : lines.size() / 2, directory.province());
    signature.ifPresent(s -> sources.put("signerTitle", s.words()));
    if (signature.isEmpty() || signature.get().signer() == null) {
      problems.add(new ImportProblem("signer", "Không tìm thấy người ký (chức vụ và họ tên cuối văn bản).",
          signature.map(LetterParts.Signature::words).orElse("")));
    } else {
      sources.put("signer", signature.get().words());
    }

    List<Paragraph> all = LetterText.paragraphs(recipientsAt >= 0 ? lines.subList(0, recipientsAt) : lines);
    String title = null;
    int bodyFrom = 0;
    List<String> addressees = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      String p = all.get(i).text();
      String f = LetterText.fold(p);
      if (title == null && f.startsWith("v/v")) {
        title = p;
        sources.put("title", p);
        bodyFrom = Math.max(bodyFrom, i + 1);
      } else if (title == null && LetterText.isUpperCase(p) && KIND.matcher(f).matches() && i + 1 < all.size()) {
        // A Kế hoạch, Quyết định, Thông báo, Chỉ thị: its name, then the subject on the line under it.
        String subject = all.get(i + 1).text();
        title = LetterText.capitalize(LetterText.sentenceCase(p, directory.province())) + " "
            + subject.substring(0, 1).toLowerCase(java.util.Locale.forLanguageTag("vi")) + subject.substring(1);
        sources.put("title", p + "\n" + subject);
        bodyFrom = Math.max(bodyFrom, i + 2);
        i++;
      } else if (f.startsWith("kinh gui")) {
        String inline = p.substring(p.indexOf(':') < 0 ? "Kính gửi".length() : p.indexOf(':') + 1).strip();
        for (String a : inline.split(";")) {
          if (!LetterText.trimList(a).isEmpty()) {
            addressees.add(LetterText.trimList(a));
          }
        }
        int j = i + 1;
        for (; j < all.size(); j++) {
          Matcher dash = LetterText.DASH.matcher(all.get(j).text());
          if (!dash.matches()) {
            break;
          }
          addressees.add(LetterText.trimList(dash.group(1)));
        }
        bodyFrom = j;
        break;
      } else if (date.isPresent() && all.get(i).line() <= date.get().line()) {
        bodyFrom = i + 1;
      }
    }
    if (title == null) {
      problems.add(new ImportProblem("title", "Không tìm thấy trích yếu (V/v …).", ""));
    }
    for (int i = 0; i < addressees.size(); i++) {
      sources.put("addressees[" + i + "]", addressees.get(i));
    }
    List<String> addresseeCodes = new ArrayList<>();
    for (String a : addressees) {
      matcher.list(a).stream().filter(AgencyMatcher.Mention::resolved).forEach(m -> addresseeCodes.addAll(m.codes()));
    }

    List<Paragraph> body = new ArrayList<>();
    for (int i = bodyFrom; i < all.size(); i++) {
      if (!(signature.isPresent() && LetterText.isUpperCase(all.get(i).text()) && i == all.size() - 1)) {
        body.add(all.get(i));
      }
    }
    List<String> preamble = new ArrayList<>();
    int k = 0;
    for (; k < body.size(); k++) {
      String p = body.get(k).text();
      if (LetterText.ROMAN.matcher(p).matches() || LetterText.ARABIC.matcher(p).matches() || p.equals(TABLE)
          || closing(p) != null) {
        break;
      }
      preamble.add(p);
    }
    String preambleText = preamble.isEmpty() ? null : String.join("\n\n", preamble);
    if (preambleText != null) {
      sources.put("preamble", preambleText);
    }

    if (!tableItems.isEmpty() && body.stream().noneMatch(p -> p.text().equals(TABLE))) {
      body.add(new Paragraph(TABLE, lines.size())); // an appendix after the signature
    }
    Closings closings = new Closings();
    List<ItemDraft> items = readItems(body.subList(k, body.size()), tableItems, closings);

    ImportedDirective.ConclusionReference implemented = null;
    for (String where : new String[] {title, preambleText}) {
      if (implemented == null && where != null) {
        Matcher m = CONCLUSION.matcher(where);
        if (m.find()) {
          LocalDate on = m.group(2) == null ? null
              : LetterDates.firstDate("ngày " + m.group(2)).map(LetterDates.Found::date).orElse(null);
          implemented = new ImportedDirective.ConclusionReference(m.group(1), on);
          sources.put("implements", m.group());
        }
      }
    }

    List<DirectiveDraft.Item> draftItems = toDraftItems(items, addresseeCodes);
    List<String> labels = items.stream().map(i -> i.label).toList();

    List<DirectiveDraft.Recipient> recipients = new ArrayList<>();
    List<LetterParts.Part<String>> lines2 = LetterParts.recipients(lines, recipientsAt);
    for (int i = 0; i < lines2.size(); i++) {
      String name = lines2.get(i).value();
      String purpose = null;
      Matcher role = Pattern.compile("^(.*?)\\s*\\(([^)]*)\\)$").matcher(name);
      if (role.matches()) {
        name = role.group(1).strip();
        purpose = role.group(2).strip();
      } else if (LetterText.fold(name).startsWith("luu")) {
        purpose = "lưu";
      }
      recipients.add(new DirectiveDraft.Recipient(name, purpose, matcher.whole(name).orElse(null)));
      sources.put("recipients[" + i + "]", lines2.get(i).words());
    }

    if (closings.report == null) {
      problems.add(new ImportProblem("reportDeadline",
          "Không tìm thấy hạn báo cáo (\"báo cáo … trước ngày …\"); xin nhập hạn báo cáo.", ""));
    }
    if (closings.summary == null) {
      problems.add(new ImportProblem("summaryDeadline",
          "Không tìm thấy hạn tổng hợp (\"Giao … tổng hợp … trước ngày …\"); xin nhập hạn tổng hợp.", ""));
    }
    if (closings.collecting == null) {
      problems.add(new ImportProblem("collectingAgency",
          "Không tìm thấy cơ quan tổng hợp báo cáo; xin chọn trong danh mục.", ""));
    }

    DirectiveDraft draft = new DirectiveDraft(number.map(LetterParts.Part::value).orElse(null),
        date.map(LetterParts.Part::value).orElse(null), place[0], issuer, issuerAgency,
        signature.map(LetterParts.Signature::signer).orElse(null),
        signature.map(LetterParts.Signature::title).orElse(null), title, addressees, preambleText,
        closings.report == null ? null : closings.report.date(), closings.reportTo, closings.reportInstruction,
        closings.summary == null ? null : closings.summary.date(), closings.collecting, closings.summaryInstruction,
        closings.monitoring, closings.monitoringInstruction, implemented == null ? null : implemented.number(),
        recipients, draftItems, List.of(), null);
    return new ImportedDirective(draft, implemented, labels, Map.copyOf(deadlines), sources, List.copyOf(problems));
  }

  /** A letter ends where another document attached to it begins: its own number after "Nơi nhận". */
  private static int letterEnd(List<String> lines) {
    int at = LetterParts.recipientsLine(lines, 0);
    if (at < 0) {
      return lines.size();
    }
    Optional<LetterParts.Part<String>> next = LetterParts.number(lines, at + 1, null);
    if (next.isEmpty()) {
      return lines.size();
    }
    int end = next.get().line();
    while (end > at + 1 && (lines.get(end - 1).isEmpty() || LetterText.isUpperCase(lines.get(end - 1)))) {
      end--;
    }
    return end;
  }

  /** The issuer's own entry of the directory: a province's People's Committee is its leadership. */
  private String issuingAgency(String header) {
    String f = LetterText.fold(header);
    if (f.startsWith("uy ban nhan dan tinh") || f.startsWith("ubnd tinh")) {
      List<Agency> leaders = directory.ofKind(AgencyKind.LEADERSHIP);
      if (leaders.size() == 1) {
        return leaders.get(0).code();
      }
    }
    return matcher.whole(header).orElse(null);
  }

  /** The report, the summary and the monitoring, set by the sentences that close the letter. */
  private static final class Closings {
    LetterDates.Found report;
    String reportTo;
    String reportInstruction;
    LetterDates.Found summary;
    String collecting;
    String summaryInstruction;
    String monitoring;
    String monitoringInstruction;
  }

  private enum Closing { REPORT, SUMMARY, MONITORING }

  private static String content(String p) {
    for (Pattern m : List.of(LetterText.ARABIC, LetterText.LETTER)) {
      Matcher x = m.matcher(p);
      if (x.matches()) {
        return x.group(2);
      }
    }
    Matcher d = LetterText.DASH.matcher(p);
    return d.matches() ? d.group(1) : p;
  }

  /** Whether a paragraph sets the report, the summary or the monitoring instead of giving an assignment. */
  private Closing closing(String paragraph) {
    String c = content(paragraph);
    String f = LetterText.fold(c);
    String head = f.length() > 160 ? f.substring(0, 160) : f;
    boolean general = f.matches("^(yeu cau|de nghi|giao)?\\s*(thu truong |giam doc |chu tich )?(cac|tat ca).*");
    if (head.contains("theo doi") && head.contains("don doc") && (f.startsWith("giao") || !matcher.known(c).isEmpty())
        && !general) {
      return Closing.MONITORING;
    }
    if (f.startsWith("giao") && head.contains("tong hop") && !general) {
      return Closing.SUMMARY;
    }
    if (f.contains("bao cao") && LetterDates.deadline(c).isPresent() && (general || f.contains("(qua "))) {
      return Closing.REPORT;
    }
    return null;
  }

  private void apply(Closing kind, String paragraph, Closings c) {
    String text = content(paragraph);
    switch (kind) {
      case MONITORING -> {
        c.monitoringInstruction = text;
        c.monitoring = firstAgency(text);
        sources.put("monitoringAgency", text);
        sources.put("monitoringInstruction", text);
      }
      case SUMMARY -> {
        c.summaryInstruction = text;
        c.collecting = firstAgency(text);
        c.summary = LetterDates.deadline(text).orElse(null);
        sources.put("collectingAgency", text);
        sources.put("summaryInstruction", text);
        if (c.summary != null) {
          sources.put("summaryDeadline", c.summary.words());
        }
      }
      case REPORT -> {
        c.reportInstruction = text;
        c.report = LetterDates.deadline(text).orElseThrow();
        sources.put("reportDeadline", c.report.words());
        sources.put("reportInstruction", text);
        Matcher to = REPORT_TO.matcher(text.substring(0, c.report.start()).strip());
        if (to.find()) {
          c.reportTo = to.group(1).strip();
          sources.put("reportTo", to.group(1).strip());
        }
        Matcher through = THROUGH.matcher(text);
        if (through.find() && c.collecting == null) {
          String agency = firstAgency(through.group(1));
          if (agency != null) {
            c.collecting = agency;
            sources.put("collectingAgency", through.group());
          }
        }
      }
    }
  }

  private String firstAgency(String text) {
    return matcher.known(text).stream().flatMap(m -> m.codes().stream())
        .filter(code -> !code.startsWith(AgencyDirectory.ALL_PREFIX)).findFirst().orElse(null);
  }

  private List<ItemDraft> readItems(List<Paragraph> body, List<ItemDraft> tableItems, Closings closings) {
    List<ItemDraft> items = new ArrayList<>();
    ItemDraft current = null;
    ItemDraft section = null;
    boolean sectionHasItems = false;
    boolean closed = false;
    for (Paragraph para : body) {
      String p = para.text();
      if (p.equals(TABLE)) {
        items.addAll(tableItems);
        current = null;
        closed = true;
        continue;
      }
      Matcher roman = LetterText.ROMAN.matcher(p);
      Matcher arabic = LetterText.ARABIC.matcher(p);
      Matcher letter = LetterText.LETTER.matcher(p);
      Matcher dash = LetterText.DASH.matcher(p);
      if (!roman.matches() && !letter.matches()) {
        Closing kind = closing(p);
        if (kind != null) {
          apply(kind, p, closings);
          closed = true;
          continue;
        }
      }
      if (roman.matches()) {
        if (section != null && !sectionHasItems) {
          items.add(section);
        }
        section = newItem(roman.group(1), roman.group(2), p, null);
        section.fromSection = true;
        current = section;
        sectionHasItems = false;
        closed = false;
      } else if (arabic.matches()) {
        if (current == section && section != null && !sectionHasItems) {
          sectionHasItems = true;
        }
        String label = section == null ? arabic.group(1) : section.label + "." + arabic.group(1);
        current = newItem(label, arabic.group(2), p, section == null ? null : section.label);
        items.add(current);
        closed = false;
      } else if (closed || current == null) {
        continue;
      } else if (letter.matches()) {
        current.bullets.add(new StringBuilder(letter.group(2)));
        current.lettered.add(true);
      } else if (dash.matches()) {
        int last = current.bullets.size() - 1;
        if (last >= 0 && current.lettered.get(last)) {
          current.bullets.get(last).append("\n- ").append(dash.group(1));
        } else {
          current.bullets.add(new StringBuilder(dash.group(1)));
          current.lettered.add(false);
        }
      } else if (current.bullets.isEmpty()) {
        current.bullets.add(new StringBuilder(p));
        current.lettered.add(false);
      } else {
        current.bullets.get(current.bullets.size() - 1).append("\n\n").append(p);
      }
    }
    if (section != null && !sectionHasItems) {
      items.add(section);
    }
    // A Roman section is a part of the letter, not an assignment, when none of its items names an agency
    // ("I. MỤC ĐÍCH, YÊU CẦU"); a section without numbered items is an assignment when it names one.
    List<ItemDraft> kept = new ArrayList<>();
    Map<String, Boolean> sectionNames = new LinkedHashMap<>();
    for (ItemDraft i : items) {
      i.leads = i.leads != null ? i.leads : matcher.listWithUnknowns(i.heading);
      boolean names = i.leads.stream().anyMatch(AgencyMatcher.Mention::resolved) || general(i.heading);
      if (i.section != null) {
        sectionNames.merge(i.section, names, Boolean::logicalOr);
      }
    }
    for (ItemDraft i : items) {
      if (i.fromSection) {
        if (i.leads.stream().anyMatch(AgencyMatcher.Mention::resolved)) {
          kept.add(i);
        }
      } else if (i.section == null || sectionNames.getOrDefault(i.section, false)) {
        kept.add(i);
      }
    }
    return kept;
  }

  private ItemDraft newItem(String label, String text, String words, String section) {
    ItemDraft i = new ItemDraft();
    i.label = label;
    i.words = words;
    i.section = section;
    int colon = headingColon(text);
    if (colon > 0 && colon < text.length() - 1) {
      i.heading = text.substring(0, colon).strip();
      i.bullets.add(new StringBuilder(text.substring(colon + 1).strip()));
      i.lettered.add(false);
    } else {
      i.heading = text.endsWith(":") ? text.substring(0, text.length() - 1).strip() : text;
    }
    return i;
  }

  /** The colon after an item's heading ("4. Giao Sở Nông nghiệp …: Tập trung …"), outside parentheses. */
  private static int headingColon(String text) {
    int depth = 0;
    for (int i = 0; i < Math.min(text.length(), 200); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (c == ':' && depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** An item for every addressee: "Các cơ quan, đơn vị …", "Thủ trưởng các cơ quan, đơn vị". */
  private static boolean general(String heading) {
    String f = LetterText.fold(heading);
    return f.matches(".*\\bcac (co quan|don vi|dia phuong)\\b.*") || f.contains("tat ca");
  }

  private List<DirectiveDraft.Item> toDraftItems(List<ItemDraft> items, List<String> addresseeCodes) {
    boolean plain = items.stream().allMatch(i -> i.label.matches("\\d+"))
        && items.stream().map(i -> i.label).distinct().count() == items.size();
    List<String> allLeads = new ArrayList<>();
    for (ItemDraft i : items) {
      i.leads.stream().filter(AgencyMatcher.Mention::resolved).forEach(m -> allLeads.addAll(m.codes()));
    }
    List<DirectiveDraft.Item> out = new ArrayList<>();
    for (int n = 0; n < items.size(); n++) {
      ItemDraft i = items.get(n);
      String at = "items[" + n + "]";
      sources.put(at, i.words);
      sources.put(at + ".heading", i.heading);
      List<String> agencies = new ArrayList<>();
      for (AgencyMatcher.Mention m : i.leads) {
        if (m.resolved()) {
          for (String code : m.codes()) {
            if (!agencies.contains(code)) {
              agencies.add(code);
              sources.put(at + ".agencies[" + (agencies.size() - 1) + "]", m.words());
            }
          }
        } else {
          agencies.add(m.words());
          sources.put(at + ".agencies[" + (agencies.size() - 1) + "]", m.words());
          problems.add(new ImportProblem(at + ".agencies[" + (agencies.size() - 1) + "]",
              "Không tìm thấy cơ quan \"" + m.words() + "\" trong danh mục; xin chọn cơ quan trong danh mục hoặc bỏ đi.",
              m.words()));
        }
      }
      if (agencies.isEmpty() && general(i.heading)) {
        List<String> every = AgencyMatcher.distinct(addresseeCodes.isEmpty() ? allLeads : addresseeCodes);
        agencies.addAll(every);
        for (int j = 0; j < every.size(); j++) {
          sources.put(at + ".agencies[" + j + "]", i.heading);
        }
      }
      if (agencies.isEmpty()) {
        problems.add(new ImportProblem(at + ".agencies",
            "Không tìm thấy cơ quan chủ trì của nhiệm vụ " + i.label + "; xin chọn cơ quan trong danh mục.", i.heading));
      }
      if (i.unreadDeadline != null) {
        problems.add(new ImportProblem(at + ".deadline", "Không đọc được thời hạn \"" + i.unreadDeadline
            + "\"; xin nhập ngày theo dạng dd/MM/yyyy.", i.unreadDeadline));
      }
      LetterDates.Found own = i.deadline != null ? i.deadline : LetterDates.deadline(i.heading).orElse(null);
      if (own != null) {
        deadlines.put(at + ".deadline", own.date());
        sources.put(at + ".deadline", own.words());
      }
      if (i.bullets.isEmpty()) {
        i.bullets.add(new StringBuilder(i.heading));
      }
      List<DirectiveDraft.Bullet> bullets = new ArrayList<>();
      for (int j = 0; j < i.bullets.size(); j++) {
        String text = i.bullets.get(j).toString();
        String bat = at + ".bullets[" + j + "]";
        sources.put(bat, text);
        List<String> coordinating = coordinating(text, bat, j == 0 ? i.coordinatingCell : null);
        if (coordinating.isEmpty() && i.coordinatingCell == null && !i.heading.equals(text)
            && COORDINATION.matcher(LetterText.fold(i.heading)).find()) {
          // "2. Sở Y tế chủ trì, phối hợp với Sở Tài chính:" — the heading's partners help with every bullet.
          coordinating = coordinating(i.heading, bat, null);
        }
        LetterDates.Found bulletOwn = LetterDates.deadline(text).orElse(null);
        if (bulletOwn != null) {
          deadlines.put(bat + ".deadline", bulletOwn.date());
          sources.put(bat + ".deadline", bulletOwn.words());
        }
        bullets.add(new DirectiveDraft.Bullet(text, coordinating, bulletOwn == null ? null : bulletOwn.date()));
      }
      Integer number = plain ? Integer.valueOf(i.label) : n + 1;
      out.add(new DirectiveDraft.Item(number, i.heading, agencies, List.of(), bullets,
          own == null ? null : own.date()));
    }
    return out;
  }

  /** The agencies of "Chủ trì, phối hợp với …" in a bullet, or of a table's "phối hợp" cell. */
  private List<String> coordinating(String text, String at, List<String> cell) {
    List<AgencyMatcher.Mention> mentions = new ArrayList<>();
    List<String> words = new ArrayList<>();
    if (cell != null) {
      for (String c : cell) {
        mentions.addAll(matcher.listWithUnknowns(c));
      }
    } else {
      String f = LetterText.fold(text);
      Matcher m = COORDINATION.matcher(f);
      if (!m.find()) {
        return List.of();
      }
      String rest = text.substring(m.end());
      String restFolded = f.substring(m.end());
      if (restFolded.matches("^(cac )?[^.;:]{0,40}?lien quan.*")) {
        return List.of();
      }
      mentions.addAll(matcher.listWithUnknowns(rest));
    }
    List<String> codes = new ArrayList<>();
    for (AgencyMatcher.Mention m : mentions) {
      if (m.resolved()) {
        for (String selector : m.codes()) {
          for (String code : matcher.expand(selector)) {
            if (!codes.contains(code)) {
              codes.add(code);
              words.add(m.words());
            }
          }
        }
      } else {
        codes.add(m.words());
        words.add(m.words());
        problems.add(new ImportProblem(at + ".coordinating[" + (codes.size() - 1) + "]",
            "Không tìm thấy cơ quan phối hợp \"" + m.words() + "\" trong danh mục; xin chọn cơ quan trong danh mục hoặc bỏ đi.",
            m.words()));
      }
    }
    for (int k = 0; k < words.size(); k++) {
      sources.put(at + ".coordinating[" + k + "]", words.get(k));
    }
    return codes;
  }

  /**
   * An assignment table, as the lines a PDF or DOCX table becomes: a header row with "STT" and "chủ trì",
   * cells apart by "|", a tab or two spaces; a row starts with its number, and lines without one
   * continue the cells above; a blank line between rows (a PDF's row padding) does not end it. The table's lines are replaced in {@code lines} by one marker line.
   */
  private List<ItemDraft> readTable(List<String> raw, List<String> lines) {
    int header = -1;
    for (int i = 0; i < lines.size(); i++) {
      String f = LetterText.fold(lines.get(i));
      if (f.startsWith("stt") && f.contains("chu tri")) {
        header = i;
        break;
      }
    }
    if (header < 0) {
      return List.of();
    }
    List<String> heads = cells(raw.get(header));
    int content = -1;
    int lead = -1;
    int with = -1;
    int due = -1;
    for (int c = 0; c < heads.size(); c++) {
      String f = LetterText.fold(heads.get(c));
      if (f.contains("chu tri")) {
        lead = c;
      } else if (f.contains("phoi hop")) {
        with = c;
      } else if (f.contains("thoi han") || f.contains("thoi gian") || f.contains("han hoan thanh")) {
        due = c;
      } else if (c > 0 && content < 0) {
        content = c;
      }
    }
    List<List<StringBuilder>> rows = new ArrayList<>();
    List<Integer> rowLines = new ArrayList<>();
    int end = header + 1;
    for (; end < lines.size(); end++) {
      if (lines.get(end).isEmpty()) {
        if (!rows.isEmpty() && !tableGoesOn(raw, lines, end)) {
          break;
        }
        continue;
      }
      List<String> cells = cells(raw.get(end));
      if (cells.get(0).matches("\\d{1,3}\\.?")) {
        List<StringBuilder> row = new ArrayList<>();
        cells.forEach(c -> row.add(new StringBuilder(c)));
        // Empty cells leave no trace in a PDF's text: a date in the last cell belongs to the deadline column.
        if (due >= 0 && cells.size() < heads.size() && cells.size() - 1 < due
            && LetterDates.cellDeadline(cells.get(cells.size() - 1)).isPresent()) {
          StringBuilder date = row.remove(row.size() - 1);
          while (row.size() < due) {
            row.add(new StringBuilder());
          }
          row.add(date);
        }
        rows.add(row);
        rowLines.add(end);
      } else if (!rows.isEmpty()) {
        List<StringBuilder> row = rows.get(rows.size() - 1);
        int offset = cells.size() == heads.size() ? 0 : Math.max(0, row.size() - cells.size());
        if (cells.size() == 1) {
          offset = Math.max(content, 0);
        }
        for (int c = 0; c < cells.size(); c++) {
          int col = Math.min(offset + c, row.size() - 1);
          if (!cells.get(c).isBlank()) {
            row.get(col).append(row.get(col).isEmpty() ? "" : " ").append(cells.get(c).strip());
          }
        }
      } else {
        break;
      }
    }
    List<ItemDraft> out = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      List<StringBuilder> row = rows.get(r);
      ItemDraft i = new ItemDraft();
      i.label = row.get(0).toString().replace(".", "");
      i.words = String.join(" | ", row);
      String task = cell(row, content);
      i.heading = task;
      i.bullets.add(new StringBuilder(task));
      i.lettered.add(false);
      i.leads = matcher.listWithUnknowns(cell(row, lead));
      String withCell = cell(row, with);
      i.coordinatingCell = withCell.isBlank() ? List.of() : List.of(withCell);
      String dueCell = cell(row, due);
      i.deadline = LetterDates.cellDeadline(dueCell).map(d -> new LetterDates.Found(
          dueCell.matches("(?iu)^\\s*tháng.*") ? d.date() : d.date().plusDays(1), dueCell.strip(), 0, 0)).orElse(null);
      if (i.deadline == null && !dueCell.isBlank()) {
        i.unreadDeadline = dueCell.strip();
      }
      out.add(i);
    }
    lines.set(header, TABLE);
    for (int i = header + 1; i < end; i++) {
      lines.set(i, "");
    }
    return out;
  }

  /**
   * Whether a blank line inside a table is only the gap a PDF's row padding leaves: the next line
   * starts another numbered row, or continues a cell in lower case (as a sentence broken across a
   * page does).
   */
  private static boolean tableGoesOn(List<String> raw, List<String> lines, int blank) {
    int next = blank + 1;
    while (next < lines.size() && lines.get(next).isEmpty()) {
      next++;
    }
    if (next >= lines.size()) {
      return false;
    }
    String line = lines.get(next);
    return cells(raw.get(next)).get(0).matches("\\d{1,3}\\.?") || Character.isLowerCase(line.codePointAt(0));
  }

  private static String cell(List<StringBuilder> row, int c) {
    return c >= 0 && c < row.size() ? row.get(c).toString().strip() : "";
  }

  private static List<String> cells(String line) {
    String l = line.strip();
    String[] parts = l.contains("|") ? l.split("\\s*\\|\\s*", -1) : l.split("\\t+|\\s{2,}", -1);
    List<String> out = new ArrayList<>();
    for (String p : parts) {
      out.add(p.strip());
    }
    if (l.startsWith("|") && !out.isEmpty()) {
      out.remove(0);
    }
    if (l.endsWith("|") && !out.isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
