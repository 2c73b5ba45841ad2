package vn.cascade.conclusion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.cascade.assignment.ReportStatus;

/** "Who is doing what for Conclusion item 3?": the lineage Kết luận → Công văn → agencies. */
public record ConclusionItemTrace(long conclusionId, String conclusionNumber, int item, String itemText,
    List<Carrier> assignments) {

  /** One assignment carrying the item: directive, item of the directive, agency, state. */
  public record Carrier(long directiveId, String directiveNumber, int directiveItem, String agency, String agencyName,
      LocalDate deadline, ReportStatus status, String statusLabel, Instant reportedAt) {}
}
