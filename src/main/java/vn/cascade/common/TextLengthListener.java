package vn.cascade.common;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of a user task: refuses text longer than the engine can keep in a variable
 * (4,000 characters), naming the field, before anything is stored. Forms limit their fields to the
 * same length; this catches what reaches the engine another way (REST clients, older forms).
 */
@Component
public class TextLengthListener implements TaskListener {

  private final FormLabels labels;

  TextLengthListener(FormLabels labels) {
    this.labels = labels;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> tooLong = new ArrayList<>();
    task.getVariables().forEach((name, value) -> {
      if (value instanceof String s && s.length() > Texts.MAX_STRING_VARIABLE) {
        tooLong.add("«" + labels.of(name) + "» có " + Texts.thousands(s.length()) + " ký tự");
      }
    });
    if (!tooLong.isEmpty()) {
      throw new IllegalArgumentException("Nội dung quá dài: " + String.join("; ", tooLong) + ". Mỗi ô tối đa "
          + Texts.thousands(Texts.MAX_STRING_VARIABLE) + " ký tự; tài liệu dài hơn xin đính kèm tệp. Chưa có gì được ghi nhận.");
    }
  }
}
