package vn.cascade.directive;

import static vn.cascade.common.Markdown.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.cascade.common.TaskViews;
import vn.cascade.common.VnDates;
import vn.cascade.dashboard.ReportingState;
import vn.cascade.summary.SummaryDocument;
import vn.cascade.summary.DocumentSubject;
import vn.cascade.summary.DocumentViews;

/**
 * What the collection and the summary approval show, built from Cascade's tables when the form is
 * opened: the directive, and which reports arrived and who is still missing, as they are now (a
 * report that arrives late is there the next time the form opens), the current version of the summary
 * document (uploaded on the workspace page) and, for the leader, the dashboard's counts. The cover note the collector typed
 * and the leader's return comment are read as the process keeps them. Every text is escaped.
 */
@Component
class DirectiveViews implements TaskViews {

  private final DirectiveRepository directives;
  private final CollectionService collection;
  private final RuntimeService runtimeService;
  private final DocumentViews documentViews;
  private final ReportingState reporting;

  DirectiveViews(DirectiveRepository directives, CollectionService collection, RuntimeService runtimeService,
      DocumentViews documentViews, ReportingState reporting) {
    this.documentViews = documentViews;
    this.reporting = reporting;
    this.directives = directives;
    this.collection = collection;
    this.runtimeService = runtimeService;
  }

  @Override
  public String processKey() {
    return DirectiveProcess.KEY;
  }

  @Override
  public Map<String, Object> of(Task task) {
    Directive d = directives.findByProcessInstance(task.getProcessInstanceId()).orElse(null);
    if (d == null) {
      return Map.of();
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("directiveNumber", text(d.number()));
    view.put("directiveTitle", text(d.title()));
    view.put("reportDeadlineText", text(VnDates.before(d.reportDeadline())));
    view.put("summaryDeadlineText", text(VnDates.before(d.summaryDeadline())));
    collection.view(d.id()).forEach((k, v) -> view.put(k, text(String.valueOf(v))));
    boolean collecting = DirectiveProcess.TASK_COLLECT_REPORTS.equals(task.getTaskDefinitionKey());
    if (collecting) {
      // Every report in full, on Cascade's page: the form shows only one line per report.
      view.put("workspaceUrl", "/dashboard/directives/" + d.id() + "/workspace");
      // The summary document is made and uploaded there (Tasklist's forms have no file picker).
      view.put("summaryUploadUrl", "/dashboard/directives/" + d.id() + "/workspace#summary");
      view.put("summaryDraftUrl", "/dashboard/directives/" + d.id() + "/summary.docx");
    }
    Optional<SummaryDocument> current = documentViews.putLatest(view, "summaryDocument", DocumentSubject.of(d));
    if (current.isEmpty() && collecting) {
      view.put("summaryDocumentMissing", text("Chưa có văn bản báo cáo tổng hợp. Nhiệm vụ chỉ hoàn thành được khi đã "
          + "tải lên một phiên bản."));
    }
    if (DirectiveProcess.TASK_APPROVE_SUMMARY.equals(task.getTaskDefinitionKey())) {
      view.put("reportingStateText", text(reporting.text(d.id())));
    }
    for (String typed : new String[] {DirectiveProcess.SUMMARY_RETURN_COMMENT.name(), DirectiveProcess.SUMMARY_NUMBER.name(),
        DirectiveProcess.SUMMARY_TEXT.name()}) {
      Object value = runtimeService.getVariable(task.getProcessInstanceId(), typed);
      if (value instanceof String s && !s.isBlank()) {
        view.put(typed, text(s));
      }
    }
    return Map.of(VIEW, view);
  }
}
