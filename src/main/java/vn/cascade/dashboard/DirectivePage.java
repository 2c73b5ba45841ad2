package vn.cascade.dashboard;

import java.time.LocalDate;
import java.util.List;
import vn.cascade.directive.Directive;

/**
 * Everything the page of one directive shows. {@code counts} cover every row the viewer may see;
 * {@code rows} is the page of the (filtered) table that {@code pager} describes. {@code partial}:
 * an agency user sees only its own rows.
 */
record DirectivePage(
    Directive directive,
    String collectingAgencyName,
    Counts counts,
    List<AssignmentRow> rows,
    Pager pager,
    List<ItemView> items,
    Lineage lineage,
    List<Warning> warnings,
    boolean partial) {

  /** One numbered item of the directive: who leads it, each bullet with its coordinating agencies. */
  record ItemView(int number, String heading, List<String> leads, List<BulletView> bullets,
      List<Integer> conclusionItems) {

    public List<String> coordinating() {
      return bullets.stream().flatMap(b -> b.coordinating().stream()).distinct().toList();
    }
  }

  /** One bullet (nội dung) of an item. */
  record BulletView(int number, String text, List<String> coordinating) {}

  /**
   * Kết luận → Công văn → agencies: for each item of the Conclusion the directive implements, the
   * directive's items that carry it and the agencies (lead and coordinating) that do the work.
   * {@code conclusionNumber} is null when the directive implements no registered Conclusion.
   */
  record Lineage(String conclusionNumber, String conclusionTitle, LocalDate conclusionIssuedOn,
      LocalDate reportBackDeadline, List<LineageItem> items) {}

  record LineageItem(int number, String text, List<Integer> directiveItems, List<String> agencies) {}
}
