package vn.cascade.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cascade.directive.DirectiveValidator;

/** The frame every administrative letter has (Nghị định 30/2020/NĐ-CP), read from its lines. */
final class LetterParts {

  private LetterParts() {}

  /** "Số: 8888 /UBND-THNC", also with the place and date beside it on the same line (two columns of a PDF). */
  private static final Pattern NUMBER_LINE = Pattern.compile("^Số\\s*:?\\s*(\\S+(?:\\s+/\\s*\\S+)?)");
  private static final Pattern DATE_LINE = Pattern.compile("^(.{2,80}?),\\s*(ngày\\b.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern SIGN = Pattern.compile(
      "^(KT\\.|TM\\.|T/M|TL\\.|Q\\.)?\\s*(PHÓ\\s+)?(CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|BAN THƯỜNG VỤ"
          + "|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|BAN CHẤP HÀNH|BAN CÁN SỰ ĐẢNG)\\b.*$");
  private static final Pattern NAME = Pattern.compile("^\\p{Lu}\\p{L}*(\\s+\\p{Lu}\\p{L}*){1,5}$");

  /** A found part: its value, the words, and the line it is on. */
  record Part<T>(T value, String words, int line) {}

  /** The first "Số: 8888 /UBND-THNC" from a line on whose number is a document number (a symbol with "/"). */
  static Optional<Part<String>> number(List<String> lines, int from, Pattern symbol) {
    for (int i = from; i < lines.size(); i++) {
      Matcher m = NUMBER_LINE.matcher(lines.get(i));
      if (m.find()) {
        String n = m.group(1).replaceAll("\\s+", "").replaceAll("[.,;]+$", "");
        if (DirectiveValidator.DOCUMENT_NUMBER.matcher(n).matches() && (symbol == null || symbol.matcher(n).find())) {
          return Optional.of(new Part<>(n, lines.get(i), i));
        }
      }
    }
    return Optional.empty();
  }

  /** "Đồng Nai, ngày 30 tháng 7 năm 2020": place and date. */
  static Optional<Part<LocalDate>> dateLine(List<String> lines, int from, String[] place) {
    for (int i = from; i < lines.size(); i++) {
      Matcher m = DATE_LINE.matcher(lines.get(i));
      if (m.matches()) {
        Optional<LetterDates.Found> d = LetterDates.firstDate(m.group(2));
        if (d.isPresent() && d.get().start() <= "ngày ".length()) {
          place[0] = placeName(m.group(1));
          return Optional.of(new Part<>(d.get().date(), lines.get(i), i));
        }
      }
    }
    return Optional.empty();
  }

  /** The place: the capitalised words just before ", ngày" ("Số: 12/UBND Đồng Nai, ngày …" → "Đồng Nai"). */
  private static String placeName(String before) {
    String[] words = before.strip().split("\\s+");
    int from = words.length;
    while (from > 0 && words[from - 1].matches("\\p{Lu}\\p{L}*")) {
      from--;
    }
    return from == words.length ? before.strip() : String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
  }

  /** The left column of a header line: what stands before the quốc hiệu or the tiêu ngữ. */
  private static String leftColumn(String line) {
    return line.replaceAll("\\s*(CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|Độc lập|\\p{Lu}[\\p{L} ]{1,40}, ngày|Số\\b).*$", "").strip();
  }

  /** The issuing body printed in capitals above the number: "ỦY BAN NHÂN DÂN / TỈNH ĐỒNG NAI". */
  static Optional<Part<String>> header(List<String> lines, int numberLine) {
    List<String> parts = new ArrayList<>();
    int first = -1;
    for (int i = numberLine - 1; i >= 0 && parts.size() < 3; i--) {
      String l = leftColumn(lines.get(i));
      if (l.isEmpty()) {
        continue;
      }
      if (!LetterText.isUpperCase(l) || l.startsWith("V/V")) {
        break;
      }
      String f = LetterText.fold(l);
      if (f.contains("cong hoa") || f.contains("doc lap") || f.contains("dang cong san")) {
        continue;
      }
      parts.add(0, l);
      first = i;
    }
    if (parts.isEmpty()) {
      for (int i = 0; i < numberLine; i++) {
        String l = leftColumn(lines.get(i));
        if (l.isEmpty()) {
          continue;
        }
        if (!LetterText.isUpperCase(l)) {
          break;
        }
        String f = LetterText.fold(l);
        if (f.contains("cong hoa") || f.contains("doc lap") || f.contains("dang cong san")) {
          break;
        }
        parts.add(l);
        first = first < 0 ? i : first;
      }
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(new Part<>(String.join(" ", parts), String.join("\n", parts), first));
  }

  /** The signature block: the title lines in capitals and the name under them. */
  record Signature(String signer, String title, String words) {}

  static Optional<Signature> signature(List<String> lines, int from, String province) {
    for (int i = Math.max(0, from); i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isEmpty() || !LetterText.isUpperCase(l) || !SIGN.matcher(l).matches()) {
        continue;
      }
      List<String> titles = new ArrayList<>();
      int j = i;
      for (; j < lines.size(); j++) {
        String k = lines.get(j);
        if (k.isEmpty()) {
          continue;
        }
        if (LetterText.isUpperCase(k) && k.length() <= 60 && titles.size() < 3) {
          titles.add(k);
        } else {
          break;
        }
      }
      String name = null;
      for (; j < lines.size(); j++) {
        String k = lines.get(j);
        if (!k.isEmpty()) {
          name = NAME.matcher(k).matches() ? k : null;
          break;
        }
      }
      String own = LetterText.capitalize(LetterText.sentenceCase(titles.get(titles.size() - 1), province));
      List<String> behalf = titles.subList(0, titles.size() - 1).stream()
          .map(t -> LetterText.capitalize(LetterText.sentenceCase(t, province))).toList();
      String title = behalf.isEmpty() ? own : own + " (" + String.join(", ", behalf) + ")";
      String words = String.join("\n", titles) + (name == null ? "" : "\n" + name);
      return Optional.of(new Signature(name, title, words));
    }
    return Optional.empty();
  }

  /** Index of the "Nơi nhận" line from a line on, or -1. */
  static int recipientsLine(List<String> lines, int from) {
    for (int i = Math.max(0, from); i < lines.size(); i++) {
      if (LetterText.fold(lines.get(i)).startsWith("noi nhan")) {
        return i;
      }
    }
    return -1;
  }

  /** The lines of "Nơi nhận", without their dashes; the list ends at its "Lưu" line or at a line without a dash. */
  static List<Part<String>> recipients(List<String> lines, int at) {
    List<Part<String>> out = new ArrayList<>();
    if (at < 0) {
      return out;
    }
    for (int i = at + 1; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isEmpty()) {
        continue;
      }
      Matcher dash = LetterText.DASH.matcher(l);
      if (!dash.matches()) {
        break;
      }
      String name = LetterText.trimList(dash.group(1));
      out.add(new Part<>(name, l, i));
      if (LetterText.fold(name).startsWith("luu")) {
        break;
      }
    }
    return out;
  }
}
