package vn.cascade.assignment;

/** The official status buckets of Vietnamese task tracking. */
public enum ReportStatus {
  COMPLETED_ON_TIME("đã hoàn thành đúng hạn"),
  COMPLETED_LATE("đã hoàn thành quá hạn"),
  OPEN_IN_TIME("chưa hoàn thành, trong hạn"),
  OPEN_OVERDUE("chưa hoàn thành, quá hạn");

  private final String label;

  ReportStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
