package vn.cascade.conclusion;

import static vn.cascade.conclusion.PartyConclusionProcess.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.cascade.common.InvalidInputException;
import vn.cascade.common.Texts;
import vn.cascade.common.VnDates;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveService;

/**
 * After the drafting form: applies the number, dates and title typed there to the stored draft,
 * checked like any directive; the approving leader reads it from the table (ConclusionViews).
 */
@Component
class SaveDraftDelegate implements JavaDelegate {

  private final DirectiveService directives;
  private final ConclusionRepository conclusions;

  SaveDraftDelegate(DirectiveService directives, ConclusionRepository conclusions) {
    this.directives = directives;
    this.conclusions = conclusions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long conclusionId = conclusions.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow().id();
    Directive draft = directives.draftOfConclusion(conclusionId).orElse(null);
    if (draft == null) {
      // A refusal of the submission (400 in Vietnamese, nothing stored), not an incident.
      throw new IllegalArgumentException("Chưa có dự thảo và danh sách nhiệm vụ của văn bản triển khai: mở trang "
          + "«Soạn / sửa danh sách nhiệm vụ trên trang Nhập văn bản», bấm «Lưu dự thảo vào nhiệm vụ soạn thảo», rồi "
          + "hoàn thành bước soạn thảo. Chưa có gì được ghi nhận.");
    }
    long directiveId = draft.id();
    DIRECTIVE_ID.set(execution, directiveId);
    var revised = draft.body().withMetadata(
        Texts.nfc(DIRECTIVE_NUMBER.from(execution)),
        date(DIRECTIVE_DATE.from(execution), "Ngày ban hành"),
        Texts.nfc(DIRECTIVE_TITLE.from(execution)),
        date(REPORT_DEADLINE.from(execution), "Hạn báo cáo"),
        date(SUMMARY_DEADLINE.from(execution), "Hạn tổng hợp"));
    try {
      directives.reviseDraft(directiveId, revised);
    } catch (InvalidInputException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static LocalDate date(String value, String label) {
    try {
      return LocalDate.parse(value);
    } catch (NullPointerException | DateTimeParseException e) {
      throw new IllegalArgumentException(label + " chưa được nhập hoặc không đúng định dạng ngày.");
    }
  }
}
