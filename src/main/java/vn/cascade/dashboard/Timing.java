package vn.cascade.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.ReportStatus;
import vn.cascade.common.VnDates;

/**
 * How early or late an assignment is, in calendar days. "trước ngày D" makes D−1 the last day
 * to report: a report on D−3 is 2 days early, one on D is 1 day late. {@code days} is signed:
 * negative early (or days left), positive late.
 */
record Timing(long days, String text) {

  static Timing of(Assignment a, Instant now) {
    LocalDate lastDay = a.deadline().minusDays(1);
    ReportStatus status = a.status(now);
    if (a.reported()) {
      long diff = ChronoUnit.DAYS.between(lastDay, a.reportedAt().atZone(VnDates.ZONE).toLocalDate());
      if (status == ReportStatus.COMPLETED_ON_TIME) {
        diff = Math.min(diff, 0);
        return new Timing(diff, diff == 0 ? "nộp vào ngày cuối của hạn" : "sớm " + -diff + " ngày");
      }
      diff = Math.max(diff, 1);
      return new Timing(diff, "trễ " + diff + " ngày");
    }
    LocalDate today = now.atZone(VnDates.ZONE).toLocalDate();
    long diff = ChronoUnit.DAYS.between(lastDay, today);
    if (status == ReportStatus.OPEN_OVERDUE) {
      diff = Math.max(diff, 1);
      return new Timing(diff, "quá hạn " + diff + " ngày");
    }
    diff = Math.min(diff, 0);
    return new Timing(diff, diff == 0 ? "hôm nay là ngày cuối" : "còn " + -diff + " ngày");
  }
}
