package vn.cascade.summary;

import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveProcess;

/**
 * What an uploaded document reports on, and who may upload it when: a directive's summary (its
 * collecting agency, while Tổng hợp báo cáo is open) or a Conclusion's report back to Ban Thường vụ
 * Tỉnh ủy (Văn phòng UBND, while Chuẩn bị báo cáo is open). Both are kept in
 * {@code cascade_summary_document}, each kind in its own column.
 */
public record DocumentSubject(Kind kind, long id, String processInstanceId, String uploaderGroup, String taskKey) {

  public enum Kind {
    DIRECTIVE("directive_id", "cascade_directive", "/dashboard/directives/%d/summary-documents/%d",
        "báo cáo tổng hợp", "«Hồ sơ tổng hợp báo cáo»"),
    CONCLUSION("conclusion_id", "cascade_conclusion", "/dashboard/conclusions/%d/report-back/documents/%d",
        "báo cáo Ban Thường vụ Tỉnh ủy", "trang «Báo cáo Ban Thường vụ Tỉnh ủy»");

    /** The column of cascade_summary_document naming the subject, and the subject's table. */
    final String column;
    final String table;
    private final String url;
    /** What the document is called in messages, and the page where it is made and uploaded. */
    public final String what;
    final String page;

    Kind(String column, String table, String url, String what, String page) {
      this.column = column;
      this.table = table;
      this.url = url;
      this.what = what;
      this.page = page;
    }

    String url(long id, int version) {
      return url.formatted(id, version);
    }
  }

  /** The directive's summary: uploaded by its collecting agency during its collection task. */
  public static DocumentSubject of(Directive d) {
    return new DocumentSubject(Kind.DIRECTIVE, d.id(), d.processInstanceId(), d.collectingAgency(),
        DirectiveProcess.TASK_COLLECT_REPORTS);
  }

  /** Only the kind and the id, for reading what is stored. */
  static DocumentSubject stored(Kind kind, long id) {
    return new DocumentSubject(kind, id, null, null, null);
  }
}
