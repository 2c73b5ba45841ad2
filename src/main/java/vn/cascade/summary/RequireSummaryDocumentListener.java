package vn.cascade.summary;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.cascade.directive.DirectiveRepository;

/**
 * On completion of the collection task ({@code ${requireSummaryDocumentListener}}, after the
 * submission guard): the summary is the uploaded document, so a version must exist; otherwise the
 * completion is refused with what to do, and nothing is stored.
 */
@Component
class RequireSummaryDocumentListener implements TaskListener {

  static final String NO_DOCUMENT = "Chưa có văn bản báo cáo tổng hợp. Mở «Hồ sơ tổng hợp báo cáo», bấm «Tạo dự thảo», "
      + "chỉnh sửa trong Word rồi tải tệp lên (DOCX hoặc PDF đã ký) trước khi hoàn thành nhiệm vụ. Chưa có gì được ghi nhận.";

  private final SummaryDocuments documents;
  private final DirectiveRepository directives;

  RequireSummaryDocumentListener(SummaryDocuments documents, DirectiveRepository directives) {
    this.documents = documents;
    this.directives = directives;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = directives.findByProcessInstance(task.getProcessInstanceId()).orElseThrow().id();
    documents.lock(id); // an upload under way finishes first, or waits and then finds the task gone
    if (documents.latest(id).isEmpty()) {
      throw new IllegalArgumentException(NO_DOCUMENT);
    }
  }
}
