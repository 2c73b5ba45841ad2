package vn.cascade.dashboard;

import org.springframework.stereotype.Component;
import vn.cascade.assignment.ReportStatus;

/**
 * The state of a directive's reporting in one sentence, from the counts of the dashboard's query
 * (the four official buckets), for the forms that show it (the leader's approval of the summary).
 */
@Component
public class ReportingState {

  private final DashboardQuery query;

  ReportingState(DashboardQuery query) {
    this.query = query;
  }

  public String text(long directiveId) {
    Counts c = query.counts(directiveId);
    return "Đã báo cáo " + c.reported() + "/" + c.total() + " nhiệm vụ (" + ReportStatus.COMPLETED_ON_TIME.label()
        + ": " + c.onTime() + "; " + ReportStatus.COMPLETED_LATE.label() + ": " + c.late() + "); chưa báo cáo "
        + (c.open() + c.overdue()) + " (" + ReportStatus.OPEN_IN_TIME.label() + ": " + c.open() + "; "
        + ReportStatus.OPEN_OVERDUE.label() + ": " + c.overdue() + "); tỉ lệ đúng hạn " + c.onTimeRateText()
        + " (số liệu lúc " + vn.cascade.common.VnDates.formatWithTime(query.now()) + ").";
  }
}
