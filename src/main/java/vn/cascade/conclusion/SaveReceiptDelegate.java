package vn.cascade.conclusion;

import static vn.cascade.conclusion.PartyConclusionProcess.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.cascade.common.Texts;

/** Records the incoming register number and date Văn phòng UBND gave the Conclusion. */
@Component
class SaveReceiptDelegate implements JavaDelegate {

  private final ConclusionRepository conclusions;

  SaveReceiptDelegate(ConclusionRepository conclusions) {
    this.conclusions = conclusions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = Texts.nfc(INCOMING_NUMBER.from(execution));
    if (Texts.isBlank(number)) {
      throw new IllegalArgumentException("Vui lòng nhập số đến của Kết luận.");
    }
    LocalDate received;
    try {
      received = LocalDate.parse(INCOMING_DATE.from(execution));
    } catch (NullPointerException | DateTimeParseException e) {
      throw new IllegalArgumentException("Vui lòng nhập ngày đến theo dạng ngày/tháng/năm.");
    }
    conclusions.recordReceipt(conclusions.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow().id(),
        number, received);
  }
}
