package vn.cascade.dashboard;

import java.util.Optional;
import vn.cascade.assignment.ReportStatus;

/** The official buckets as the pages name and colour them, and the filter values that select them. */
final class Buckets {

  /** Filter value for the "sắp đến hạn" warning. */
  static final String DUE_SOON = "DUE_SOON";
  static final String DUE_SOON_LABEL = "sắp đến hạn (trong 3 ngày)";

  private Buckets() {}

  static String css(ReportStatus status) {
    return switch (status) {
      case COMPLETED_ON_TIME -> "b-on-time";
      case COMPLETED_LATE -> "b-late";
      case OPEN_IN_TIME -> "b-open";
      case OPEN_OVERDUE -> "b-overdue";
    };
  }

  static Optional<ReportStatus> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    for (ReportStatus s : ReportStatus.values()) {
      if (s.name().equalsIgnoreCase(value.strip())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  static boolean isDueSoon(String value) {
    return value != null && DUE_SOON.equalsIgnoreCase(value.strip());
  }
}
