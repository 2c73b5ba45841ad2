package vn.cascade.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.cascade.common.VnDates;

/** Formatting for the templates: Vietnamese dates in Asia/Ho_Chi_Minh. */
final class Fmt {

  static final Fmt INSTANCE = new Fmt();

  private Fmt() {}

  public String date(LocalDate day) {
    return VnDates.format(day);
  }

  public String date(Instant instant) {
    return VnDates.format(instant);
  }

  public String dateTime(Instant instant) {
    return VnDates.formatWithTime(instant);
  }

  public String before(LocalDate day) {
    return day == null ? "" : VnDates.before(day);
  }

  /** yyyy-MM-dd, for the value of an {@code <input type="date">}. */
  public String iso(LocalDate day) {
    return day == null ? "" : day.toString();
  }

  public String join(List<?> items) {
    return items == null ? "" : String.join(", ", items.stream().map(String::valueOf).toList());
  }

  public String abbreviate(String text, int max) {
    return vn.cascade.common.Texts.abbreviate(text, max);
  }
}
