package vn.cascade.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/** Dates the way a Vietnamese office writes them: dd/MM/yyyy in Asia/Ho_Chi_Minh. */
public final class VnDates {

  public static final String ZONE_ID = "Asia/Ho_Chi_Minh";
  public static final ZoneId ZONE = ZoneId.of(ZONE_ID);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

  private VnDates() {}

  /** "trước ngày D": the report must arrive before day D begins. */
  public static Instant dueBefore(LocalDate day) {
    return day.atStartOfDay(ZONE).toInstant();
  }

  public static Date dueBeforeAsDate(LocalDate day) {
    return Date.from(dueBefore(day));
  }

  public static String format(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  public static String format(Instant instant) {
    return instant == null ? "" : DAY.format(instant.atZone(ZONE));
  }

  public static String formatWithTime(Instant instant) {
    return instant == null ? "" : DAY_TIME.format(instant.atZone(ZONE));
  }

  public static String before(LocalDate day) {
    return "trước ngày " + format(day);
  }

  public static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  public static LocalDate toLocalDate(Date date) {
    return date.toInstant().atZone(ZONE).toLocalDate();
  }
}
