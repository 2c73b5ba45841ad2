package vn.cascade.assignment;

/**
 * The official status buckets of Vietnamese task tracking, told as what they measure: whether the
 * report arrived, and when. What the agency says of the work itself (đã hoàn thành / đang thực hiện)
 * is a separate fact, the report's {@code completionStatus}: a report that came on time about work
 * still in progress is never called "đã hoàn thành".
 */
public enum ReportStatus {
  COMPLETED_ON_TIME("đã báo cáo đúng hạn"),
  COMPLETED_LATE("đã báo cáo quá hạn"),
  OPEN_IN_TIME("chưa báo cáo, trong hạn"),
  OPEN_OVERDUE("chưa báo cáo, quá hạn");

  private final String label;

  ReportStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
