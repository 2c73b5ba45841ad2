package vn.cascade.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.agency.AgencyKind;

/** What the review pages share: dates as people type them, agencies as the directory names them. */
final class LetterForms {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/uuuu")
      .withResolverStyle(ResolverStyle.STRICT);

  private LetterForms() {}

  static String date(LocalDate day) {
    return day == null ? null : DAY.format(day);
  }

  /** "15/08/2020" or "15/8/2020"; empty when blank; null when it is no date. */
  static Optional<LocalDate> parseDate(String typed) {
    if (blank(typed)) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(typed.strip().replace('.', '/').replace('-', '/'), TYPED));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The directory's selector for a value of the draft: an agency code as it is, a group as its
   * "all:kind" selector; null when the directory names nobody by it.
   */
  static String selector(String value, AgencyDirectory directory) {
    if (blank(value) || !directory.isValidSelector(value.strip())) {
      return null;
    }
    String v = value.strip();
    return AgencyDirectory.groupKind(v).map(AgencyKind::selector).orElse(v);
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String orNull(String s) {
    return blank(s) ? null : s.strip();
  }
}
