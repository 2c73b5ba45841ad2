package vn.cascade.conclusion;

import static vn.cascade.common.Markdown.text;
import static vn.cascade.conclusion.PartyConclusionProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.cascade.common.TaskViews;
import vn.cascade.common.VnDates;
import vn.cascade.directive.DirectiveService;
import vn.cascade.summary.DocumentViews;
import vn.cascade.summary.SummaryDocuments;

/**
 * What the Conclusion's tasks show (receipt, drafting, approval, report back), built from Cascade's
 * tables when the form is opened: the Conclusion, the implementing directive's draft with who gets
 * what, the summary document the leader approved, and the report back's current document (its page
 * makes the draft and takes the uploads). What people typed in the process's other tasks (a return
 * comment, the summary, the report back's number and note) is read as the process keeps it. Every
 * text is escaped.
 */
@Component
class ConclusionViews implements TaskViews {

  private final ConclusionRepository conclusions;
  private final DirectiveService directives;
  private final RuntimeService runtimeService;
  private final SummaryDocuments documents;
  private final DocumentViews documentViews;

  ConclusionViews(ConclusionRepository conclusions, DirectiveService directives, RuntimeService runtimeService,
      SummaryDocuments documents, DocumentViews documentViews) {
    this.documents = documents;
    this.documentViews = documentViews;
    this.conclusions = conclusions;
    this.directives = directives;
    this.runtimeService = runtimeService;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public Map<String, Object> of(Task task) {
    Conclusion c = conclusions.findByProcessInstance(task.getProcessInstanceId()).orElse(null);
    if (c == null) {
      return Map.of();
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("conclusionNumber", text(c.number()));
    view.put("conclusionTitle", text(c.title()));
    view.put("conclusionIssuer", text(c.issuer()));
    view.put("conclusionDateText", text(VnDates.format(c.issuedOn())));
    view.put("conclusionItemsText", text(ConclusionService.itemsText(c.body())));
    view.put("reportBackDeadlineText", text(VnDates.before(c.reportBackDeadline())));
    directives.ofConclusion(c.id()).ifPresent(d -> {
          view.put("directiveNumber", text(d.number()));
          view.put("directiveTitle", text(d.title()));
          view.put("directiveDateText", text(VnDates.format(d.issuedOn())));
          view.put("reportDeadlineText", text(VnDates.before(d.reportDeadline())));
          view.put("summaryDeadlineText", text(VnDates.before(d.summaryDeadline())));
          view.put("draftAssignmentsText", text(directives.assignmentSummary(d.body())));
          java.util.Set<String> agencies = new java.util.HashSet<>();
          int assignments = 0;
          for (var item : d.body().items()) {
            var codes = directives.addressees(item);
            assignments += codes.size();
            agencies.addAll(codes);
          }
          view.put("draftFanOutText", text("Sẽ giao " + assignments + " nhiệm vụ cho " + agencies.size() + " cơ quan"));
          // The summary the leader approved is a document: the version recorded as approved.
          documents.approved(d.id()).ifPresent(doc -> {
            view.put("approvedSummaryVersion", String.valueOf(doc.version()));
            view.put("approvedSummaryFileName", text(doc.fileName() + " (" + doc.kind() + ", " + doc.sizeText() + ")"));
            view.put("approvedSummaryUrl", doc.url());
          });
        });
    String key = task.getTaskDefinitionKey();
    if (TASK_DRAFT_DIRECTIVE.equals(key)) {
      // The list is drafted on the intake page (Tasklist's forms cannot edit a list); the form shows it read-only.
      view.put("intakePageUrl", "/intake/directives/from-conclusion/" + c.id());
      if (directives.draftOfConclusion(c.id()).isEmpty()) {
        view.put("draftMissing", text("Chưa có dự thảo và danh sách nhiệm vụ. Nhiệm vụ chỉ hoàn thành được khi đã lưu "
            + "dự thảo từ trang Nhập văn bản."));
      }
    }
    if (TASK_PREPARE_REPORT_BACK.equals(key) || TASK_APPROVE_REPORT_BACK.equals(key)) {
      // The report back is a document, made and uploaded on its page (Tasklist's forms have no file picker).
      String page = "/dashboard/conclusions/" + c.id() + "/report-back";
      view.put("reportBackPageUrl", page);
      view.put("reportBackDraftUrl", page + ".docx");
      boolean none = documentViews.putLatest(view, "reportBackDocument", ConclusionService.reportBackDocument(c))
          .isEmpty();
      if (none && TASK_PREPARE_REPORT_BACK.equals(key)) {
        view.put("reportBackDocumentMissing", text("Chưa có văn bản báo cáo. Nhiệm vụ chỉ hoàn thành được khi đã tải "
            + "lên một phiên bản."));
      }
    }
    for (String typed : new String[] {"draftReturnComment", SUMMARY_NUMBER.name(), SUMMARY_TEXT.name(),
        "reportBackReturnComment", REPORT_BACK_NUMBER.name(), REPORT_BACK_TEXT.name()}) {
      Object value = runtimeService.getVariable(task.getProcessInstanceId(), typed);
      if (value instanceof String s && !s.isBlank()) {
        view.put(typed, text(s));
      }
    }
    return Map.of(VIEW, view);
  }
}
