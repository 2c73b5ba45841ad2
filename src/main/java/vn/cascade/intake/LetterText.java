package vn.cascade.intake;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text of a letter made ready for reading: Unicode NFC, bold marks gone, noise of a scan dropped
 * (incoming stamps, page numbers), and lines joined into paragraphs again where a page break or a
 * hard wrap cut a sentence.
 */
final class LetterText {

  /** An incoming-register stamp, a page number, a lone mark, "(Đã ký)". */
  private static final List<Pattern> NOISE = List.of(
      Pattern.compile("^ĐẾN\\b.*"),
      Pattern.compile("^(Chuyển|Chuyên)\\s*:.*"),
      Pattern.compile("^\\d{1,3}$"),
      Pattern.compile("^[-–]\\s*\\d{1,3}\\s*[-–]$"),
      Pattern.compile("^(?i)trang\\s+\\d+(\\s*/\\s*\\d+)?$"),
      Pattern.compile("^[*•#]+$"),
      Pattern.compile("^\\((?i)đã ký\\)$|^\\[(?i)đã ký]$"));

  static final Pattern ROMAN = Pattern.compile("^([IVXL]{1,6})\\s*[.\\-–]\\s*(\\S.*)$");
  static final Pattern ARABIC = Pattern.compile("^(\\d{1,3})\\s*[.\\-–)]\\s+(\\S.*)$");
  static final Pattern LETTER = Pattern.compile("^([a-zđ])\\)\\s*(\\S.*)$");
  static final Pattern DASH = Pattern.compile("^[-–+•*]\\s*(\\S.*)$");

  private LetterText() {}

  /** The lines of the letter, trimmed, noise as blank lines. */
  static List<String> lines(String text) {
    String nfc = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC)
        .replace("\r\n", "\n").replace('\r', '\n').replace("**", "").replace('\u00a0', ' ');
    List<String> out = new ArrayList<>();
    for (String raw : nfc.split("\n", -1)) {
      String line = raw.replaceAll("[ \\t]+", " ").strip();
      if (line.endsWith("/.")) {
        line = line.substring(0, line.length() - 2);
        line = line.endsWith(".") ? line : line + ".";
      }
      out.add(isNoise(line) ? "" : line);
    }
    return out;
  }

  /** The lines exactly as the letter has them (only NFC and bold marks), for tables. */
  static List<String> rawLines(String text) {
    String nfc = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC)
        .replace("\r\n", "\n").replace('\r', '\n').replace("**", "");
    return List.of(nfc.split("\n", -1));
  }

  static boolean isNoise(String line) {
    return NOISE.stream().anyMatch(p -> p.matcher(line).matches());
  }

  /** A paragraph and the line it starts on. */
  record Paragraph(String text, int line) {}

  /**
   * Lines joined into paragraphs: a line continues the paragraph before it when that one does not end
   * a sentence and the line is no new item, bullet or heading, and either no blank line lies between
   * them or the line starts in lower case (a sentence broken across a page).
   */
  static List<Paragraph> paragraphs(List<String> lines) {
    List<Paragraph> out = new ArrayList<>();
    StringBuilder current = null;
    int start = 0;
    boolean blankBefore = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        blankBefore = true;
        continue;
      }
      boolean joins = current != null && !startsBlock(line) && !endsSentence(current) && !closedFrame(current.toString())
          && (isUpperCase(current.toString()) == isUpperCase(line))
          && (!blankBefore || Character.isLowerCase(line.codePointAt(0)));
      if (joins) {
        current.append(' ').append(line);
      } else {
        if (current != null) {
          out.add(new Paragraph(current.toString(), start));
        }
        current = new StringBuilder(line);
        start = i;
      }
      blankBefore = false;
    }
    if (current != null) {
      out.add(new Paragraph(current.toString(), start));
    }
    return out;
  }

  private static boolean endsSentence(CharSequence s) {
    char last = s.charAt(s.length() - 1);
    return ".:;!?".indexOf(last) >= 0;
  }

  /** A line that starts something of its own: an item, a bullet, a part of the letter's frame. */
  static boolean startsBlock(String line) {
    return ROMAN.matcher(line).matches() || ARABIC.matcher(line).matches() || LETTER.matcher(line).matches()
        || DASH.matcher(line).matches() || standalone(line);
  }

  private static final Pattern FRAME = Pattern.compile(
      "^(Kính gửi|Nơi nhận|V/v|Số\\b|Số:|STT\\b).*|^[^,]{2,40}, ngày .*", Pattern.CASE_INSENSITIVE);

  private static boolean standalone(String s) {
    return FRAME.matcher(s).matches();
  }

  /** A frame line that the next lines may continue: a trích yếu runs over several lines. */
  private static boolean closedFrame(String s) {
    return standalone(s) && !s.startsWith("V/v") && !s.startsWith("V/V");
  }

  /** Whether a text has letters and none of them in lower case: a heading or a signature title. */
  static boolean isUpperCase(String s) {
    boolean letters = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        letters = true;
        if (Character.isLowerCase(c)) {
          return false;
        }
      }
    }
    return letters;
  }

  /** Lower case, no diacritics, đ as d: "Sở Y tế" and "SO Y TE" fold alike. One char per char. */
  static String fold(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      b.append(fold(s.charAt(i)));
    }
    return b.toString();
  }

  static char fold(char c) {
    if (c == 'đ' || c == 'Đ') {
      return 'd';
    }
    String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    return Character.toLowerCase(d.charAt(0));
  }

  /** Trailing list punctuation off: "Sở Y tế;" → "Sở Y tế". */
  static String trimList(String s) {
    return s.replaceAll("[\\s;,.]+$", "").strip();
  }

  /** Terms of official titles in their written case, for texts that a letter prints in capitals. */
  private static final List<String[]> TERMS = List.of(
      new String[] {"ban thường vụ", "Ban Thường vụ"},
      new String[] {"ban chấp hành", "Ban Chấp hành"},
      new String[] {"ban cán sự đảng", "Ban Cán sự đảng"},
      new String[] {"đảng bộ", "Đảng bộ"},
      new String[] {"tỉnh ủy", "Tỉnh ủy"},
      new String[] {"tỉnh uỷ", "Tỉnh ủy"},
      new String[] {"ủy ban nhân dân", "Ủy ban nhân dân"},
      new String[] {"uỷ ban nhân dân", "Ủy ban nhân dân"},
      new String[] {"hội đồng nhân dân", "Hội đồng nhân dân"},
      new String[] {"phó chủ tịch", "Phó Chủ tịch"},
      new String[] {"chủ tịch", "Chủ tịch"},
      new String[] {"phó bí thư", "Phó Bí thư"},
      new String[] {"bí thư", "Bí thư"},
      new String[] {"phó giám đốc", "Phó Giám đốc"},
      new String[] {"giám đốc", "Giám đốc"},
      new String[] {"chánh văn phòng", "Chánh Văn phòng"},
      new String[] {"t/m", "T/M"},
      new String[] {"tm.", "TM."},
      new String[] {"kt.", "KT."},
      new String[] {"tl.", "TL."},
      new String[] {"q.", "Q."},
      new String[] {"ubnd", "UBND"});

  /** A text printed in capitals, written as a sentence: "CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH" → "của Ban Chấp hành Đảng bộ tỉnh". */
  static String sentenceCase(String upper, String province) {
    String s = upper.toLowerCase(Locale.forLanguageTag("vi"));
    for (String[] t : TERMS) {
      s = s.replaceAll("(?<![\\p{L}])" + Pattern.quote(t[0]) + "(?![\\p{L}])", t[1]);
    }
    if (province != null && !province.isBlank()) {
      s = s.replace(province.toLowerCase(Locale.forLanguageTag("vi")), province);
    }
    return s;
  }

  static String capitalize(String s) {
    return s == null || s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.forLanguageTag("vi")) + s.substring(1);
  }
}
