package vn.cascade.summary;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of the task that prepares a document ({@code ${requireSummaryDocumentListener}},
 * after the submission guard): the collection task of a directive, Chuẩn bị báo cáo of a
 * Conclusion. The report is the uploaded document, so a version must exist; otherwise the
 * completion is refused with what to do, and nothing is stored.
 */
@Component
class RequireSummaryDocumentListener implements TaskListener {

  private final SummaryDocuments documents;
  private final DocumentSubjects subjects;

  RequireSummaryDocumentListener(SummaryDocuments documents, DocumentSubjects subjects) {
    this.documents = documents;
    this.subjects = subjects;
  }

  @Override
  public void notify(DelegateTask task) {
    DocumentSubject s = subjects.of(task);
    documents.lock(s); // an upload under way finishes first, or waits and then finds the task gone
    if (documents.latest(s).isEmpty()) {
      throw new IllegalArgumentException(missing(s.kind()));
    }
  }

  static String missing(DocumentSubject.Kind kind) {
    return "Chưa có văn bản " + kind.what + ". Mở " + kind.page + ", bấm «Tạo dự thảo», chỉnh sửa trong Word rồi tải "
        + "tệp lên (DOCX hoặc PDF đã ký) trước khi hoàn thành nhiệm vụ. Chưa có gì được ghi nhận.";
  }
}
