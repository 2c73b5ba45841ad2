package vn.cascade.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import vn.cascade.assignment.Assignment;
import vn.cascade.assignment.ReportStatus;

/**
 * How many assignments are in each official bucket, plus the "sắp đến hạn" warning (a part of
 * "chưa báo cáo, trong hạn"). The on-time rate is taken over the assignments whose outcome is
 * known — reported, or overdue — since an open assignment still in time may yet be on time.
 */
record Counts(int total, int onTime, int late, int open, int overdue, int dueSoon) {

  static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

  static Counts of(Collection<Assignment> assignments, Instant now) {
    int onTime = 0;
    int late = 0;
    int open = 0;
    int overdue = 0;
    int dueSoon = 0;
    for (Assignment a : assignments) {
      switch (a.status(now)) {
        case COMPLETED_ON_TIME -> onTime++;
        case COMPLETED_LATE -> late++;
        case OPEN_IN_TIME -> open++;
        case OPEN_OVERDUE -> overdue++;
      }
      if (a.dueSoon(now)) {
        dueSoon++;
      }
    }
    return new Counts(assignments.size(), onTime, late, open, overdue, dueSoon);
  }

  public Counts plus(Counts o) {
    return new Counts(total + o.total, onTime + o.onTime, late + o.late, open + o.open, overdue + o.overdue,
        dueSoon + o.dueSoon);
  }

  public int count(ReportStatus status) {
    return switch (status) {
      case COMPLETED_ON_TIME -> onTime;
      case COMPLETED_LATE -> late;
      case OPEN_IN_TIME -> open;
      case OPEN_OVERDUE -> overdue;
    };
  }

  public int reported() {
    return onTime + late;
  }

  /** Assignments whose outcome is known: reported (on time or late) or overdue. */
  public int judged() {
    return onTime + late + overdue;
  }

  /** On time / (reported + overdue), or null when nothing has come due yet. */
  public Double onTimeRate() {
    return judged() == 0 ? null : (double) onTime / judged();
  }

  public String onTimeRateText() {
    Double rate = onTimeRate();
    return rate == null ? "—" : percentText(rate);
  }

  /** Width of the rate bar, 0–100. */
  public String onTimeRateWidth() {
    Double rate = onTimeRate();
    return number(rate == null ? 0 : rate * 100);
  }

  public int reportedPercent() {
    return total == 0 ? 0 : (int) Math.round(100.0 * reported() / total);
  }

  /** The four buckets in their official order, with their share of the total, for charts and legends. */
  public List<Slice> slices() {
    List<Slice> slices = new ArrayList<>();
    double start = 0;
    for (ReportStatus s : ReportStatus.values()) {
      int n = count(s);
      double share = total == 0 ? 0 : 100.0 * n / total;
      slices.add(new Slice(s.name(), s.label(), Buckets.css(s), n, share, start));
      start += share;
    }
    return slices;
  }

  static String percentText(double ratio) {
    String s = String.format(Locale.ROOT, "%.1f", ratio * 100).replace('.', ',');
    return (s.endsWith(",0") ? s.substring(0, s.length() - 2) : s) + " %";
  }

  static String number(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }

  /**
   * One bucket of a chart. The donut is a circle of circumference 100 (r = 15.915), so a
   * segment's dash is its share in percent, starting at the top (offset 25).
   */
  record Slice(String key, String label, String css, int count, double share, double start) {
    public String dash() {
      return number(share) + " " + number(100 - share);
    }

    public String offset() {
      return number(25 - start);
    }

    public String width() {
      return number(share);
    }

    /** Where the segment starts in the stacked bar, 0–100. */
    public String x() {
      return number(start);
    }
  }
}
