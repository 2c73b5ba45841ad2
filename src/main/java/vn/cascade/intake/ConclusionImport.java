package vn.cascade.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.conclusion.ConclusionDraft;
import vn.cascade.intake.LetterText.Paragraph;

/**
 * Reads the text of a Conclusion (Kết luận … -KL/…) into a draft: pure. Its number is the first one
 * with the symbol KL, so a Conclusion attached to the directive that implements it is found too; its
 * key tasks are the numbered items of the section "II- … nhiệm vụ, giải pháp …" (or of the whole text
 * when it has no such section); the report back is the "báo cáo … trước ngày …" among them.
 */
public final class ConclusionImport {

  private static final Pattern KL = Pattern.compile("(?i)(^|[-/])KL([-/]|$)");
  private static final Pattern REPORT_BACK = Pattern.compile("(?iu)báo cáo[^.;]*?\\s(?:cho|về|lên|đến|tới)\\s+(.+)$");

  private ConclusionImport() {}

  public static ImportedConclusion read(String text, AgencyDirectory directory) {
    Map<String, String> sources = new LinkedHashMap<>();
    List<ImportProblem> problems = new ArrayList<>();
    AgencyMatcher matcher = new AgencyMatcher(directory);
    List<String> lines = LetterText.lines(text == null ? "" : text);

    Optional<LetterParts.Part<String>> number = LetterParts.number(lines, 0, KL)
        .or(() -> LetterParts.number(lines, 0, null));
    int start = 0;
    String issuerAgency = null;
    String header = null;
    if (number.isPresent()) {
      sources.put("number", number.get().words());
      Optional<LetterParts.Part<String>> h = LetterParts.header(lines, number.get().line());
      if (h.isPresent()) {
        header = h.get().value();
        start = h.get().line();
        issuerAgency = matcher.whole(header).orElse(null);
        sources.put("issuerAgency", h.get().words());
      } else {
        start = number.get().line();
      }
    } else {
      problems.add(new ImportProblem("number", "Không tìm thấy số và ký hiệu Kết luận (Số …-KL/…).", ""));
    }
    String[] place = new String[1];
    Optional<LetterParts.Part<LocalDate>> date = LetterParts.dateLine(lines, start, place);
    date.ifPresentOrElse(d -> {
      sources.put("issuedOn", d.words());
      sources.put("place", d.words());
    }, () -> problems.add(new ImportProblem("issuedOn", "Không tìm thấy địa danh, ngày tháng năm ban hành.", "")));

    // The title: "KẾT LUẬN" and the lines under it, up to a blank line.
    String title = null;
    String issuer = null;
    int titleEnd = start;
    for (int i = start; i < lines.size(); i++) {
      if (LetterText.fold(lines.get(i)).equals("ket luan")) {
        List<String> parts = new ArrayList<>();
        int j = i;
        for (; j < lines.size() && !lines.get(j).isEmpty(); j++) {
          String l = lines.get(j);
          boolean upper = LetterText.isUpperCase(l);
          String written = upper ? LetterText.sentenceCase(l, directory.province()) : l;
          if (upper && LetterText.fold(l).startsWith("cua ")) {
            issuer = LetterText.capitalize(written.substring(4).strip());
          }
          parts.add(written);
        }
        title = LetterText.capitalize(String.join(" ", parts));
        sources.put("title", String.join("\n", lines.subList(i, j)));
        titleEnd = j;
        break;
      }
    }
    if (title == null) {
      problems.add(new ImportProblem("title", "Không tìm thấy tiêu đề \"KẾT LUẬN\".", ""));
    }
    if (issuer != null && issuer.endsWith(" tỉnh") && directory.province() != null) {
      issuer = issuer + " " + directory.province();
    } else if (issuer == null && header != null) {
      issuer = LetterText.capitalize(LetterText.sentenceCase(header, directory.province()));
    }
    if (issuer == null) {
      problems.add(new ImportProblem("issuer", "Không tìm thấy cơ quan ban hành.", ""));
    } else {
      sources.put("issuer", issuer);
    }

    int recipientsAt = LetterParts.recipientsLine(lines, titleEnd);
    List<Paragraph> body = LetterText.paragraphs(lines.subList(titleEnd, recipientsAt < 0 ? lines.size() : recipientsAt));
    // The key tasks: numbered items of the section about tasks and solutions, else of the whole text.
    int from = 0;
    int to = body.size();
    for (int i = 0; i < body.size(); i++) {
      Matcher roman = LetterText.ROMAN.matcher(body.get(i).text());
      if (roman.matches()) {
        String f = LetterText.fold(roman.group(2));
        if (from > 0) {
          to = i;
          break;
        }
        if (f.contains("nhiem vu") || f.contains("giai phap")) {
          from = i + 1;
        }
      }
    }
    List<ConclusionDraft.Item> items = new ArrayList<>();
    List<StringBuilder> texts = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String p = body.get(i).text();
      Matcher arabic = LetterText.ARABIC.matcher(p);
      if (arabic.matches()) {
        items.add(new ConclusionDraft.Item(Integer.valueOf(arabic.group(1)), null));
        texts.add(new StringBuilder(arabic.group(2)));
      } else if (!texts.isEmpty()) {
        texts.get(texts.size() - 1).append("\n\n").append(p);
      }
    }
    LocalDate reportBack = null;
    String reportBackTo = null;
    for (int i = 0; i < items.size(); i++) {
      String t = texts.get(i).toString();
      items.set(i, new ConclusionDraft.Item(items.get(i).number(), t));
      sources.put("items[" + i + "]", t);
      Optional<LetterDates.Found> d = LetterDates.deadline(t);
      if (reportBack == null && d.isPresent() && LetterText.fold(t).contains("bao cao")) {
        reportBack = d.get().date();
        sources.put("reportBackDeadline", d.get().words());
        String before = t.substring(0, d.get().start()).strip();
        int sentence = Math.max(before.lastIndexOf(';'), before.lastIndexOf(". "));
        Matcher m = REPORT_BACK.matcher(before.substring(sentence + 1));
        if (m.find()) {
          reportBackTo = m.group(1).strip();
          sources.put("reportBackTo", m.group());
        }
      }
    }
    if (items.isEmpty()) {
      problems.add(new ImportProblem("items", "Không tìm thấy nhiệm vụ, giải pháp nào được đánh số.", ""));
    }

    List<String> recipients = new ArrayList<>();
    List<LetterParts.Part<String>> lines2 = LetterParts.recipients(lines, recipientsAt);
    for (int i = 0; i < lines2.size(); i++) {
      recipients.add(lines2.get(i).value());
      sources.put("recipients[" + i + "]", lines2.get(i).words());
    }
    Optional<LetterParts.Signature> signature = LetterParts.signature(lines,
        recipientsAt >= 0 ? recipientsAt : titleEnd, directory.province());
    if (signature.isEmpty() || signature.get().signer() == null) {
      problems.add(new ImportProblem("signer", "Không tìm thấy người ký (chức vụ và họ tên cuối văn bản).",
          signature.map(LetterParts.Signature::words).orElse("")));
    } else {
      sources.put("signer", signature.get().words());
    }

    ConclusionDraft draft = new ConclusionDraft(number.map(LetterParts.Part::value).orElse(null),
        date.map(LetterParts.Part::value).orElse(null), place[0], issuer, issuerAgency,
        signature.map(LetterParts.Signature::signer).orElse(null),
        signature.map(LetterParts.Signature::title).orElse(null), title, reportBack, reportBackTo, items, recipients);
    return new ImportedConclusion(draft, sources, List.copyOf(problems));
  }
}
