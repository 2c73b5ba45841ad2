package vn.cascade.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as letters write them: "30/7/2020", "20/08/2020", "23.7.2020", "ngày 07 tháng 6 năm 2021",
 * and deadlines: "trước ngày 15/8/2020", "chậm nhất ngày 30/6/2021", "Tháng 9/2022".
 */
final class LetterDates {

  private static final String DAY = "(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})\\s*[/.\\-]\\s*((?:19|20)\\d{2})";
  private static final String WORDS = "ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+((?:19|20)\\d{2})";
  static final Pattern DATE = Pattern.compile("(?iu)(?:" + DAY + ")|(?:" + WORDS + ")");
  private static final Pattern MONTH = Pattern.compile("(?iu)tháng\\s+(\\d{1,2})\\s*/\\s*((?:19|20)\\d{2})");
  private static final Pattern DEADLINE = Pattern.compile(
      "(?iu)(trước|chậm nhất(?: là)?|muộn nhất|hạn chót|không quá|trong|hoàn thành trong)\\s+(?:ngày\\s+)?"
          + "((?:" + DAY + ")|(?:" + WORDS + ")|(?:tháng\\s+\\d{1,2}\\s*/\\s*(?:19|20)\\d{2}))");

  private LetterDates() {}

  /** A date found in a text, with the words it was written in. */
  record Found(LocalDate date, String words, int start, int end) {}

  static Optional<Found> firstDate(String text) {
    Matcher m = DATE.matcher(text);
    while (m.find()) {
      LocalDate d = m.group(1) != null ? of(m.group(3), m.group(2), m.group(1)) : of(m.group(6), m.group(5), m.group(4));
      if (d != null) {
        return Optional.of(new Found(d, m.group(), m.start(), m.end()));
      }
    }
    return Optional.empty();
  }

  /** A date standing alone, as in a table's cell: a day, or a month meaning its end ("Tháng 9/2022"). */
  static Optional<Found> cellDeadline(String text) {
    Optional<Found> day = firstDate(text);
    if (day.isPresent()) {
      return day;
    }
    Matcher m = MONTH.matcher(text);
    if (m.find()) {
      LocalDate firstOfMonth = of(m.group(2), m.group(1), "1");
      if (firstOfMonth != null) {
        return Optional.of(new Found(firstOfMonth.plusMonths(1), m.group(), m.start(), m.end()));
      }
    }
    return Optional.empty();
  }

  /**
   * The first deadline a text sets, as the draft keeps deadlines: a "trước ngày" day, due at its start.
   * "trước ngày D" is D; "chậm nhất ngày D" (by the end of D) is D + 1; "tháng 9/2022" is 1/10/2022.
   */
  static Optional<Found> deadline(String text) {
    Matcher m = DEADLINE.matcher(text);
    while (m.find()) {
      String kind = m.group(1).toLowerCase(java.util.Locale.ROOT);
      String when = m.group(2);
      Optional<Found> at = cellDeadline(when);
      if (at.isEmpty()) {
        continue;
      }
      boolean monthOnly = !DATE.matcher(when).find();
      LocalDate due = at.get().date();
      if (!monthOnly && !kind.startsWith("trước")) {
        due = due.plusDays(1);
      }
      return Optional.of(new Found(due, m.group(), m.start(), m.end()));
    }
    return Optional.empty();
  }

  private static LocalDate of(String year, String month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
