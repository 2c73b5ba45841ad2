package vn.cascade.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.cascade.common.FormInputs.Input;

/**
 * The first listener on the completion of every user task ({@code ${submissionGuard}}), whatever
 * path completed it (REST, Tasklist, Java): only the keyed input fields of the task's form may
 * have been sent, each with a value of its kind (text, date, number, yes/no), text within what
 * the engine keeps (4,000 characters) and free of control characters. A variable the form does not
 * declare that this completion created is refused, naming it, and the engine rolls back: nothing is
 * stored. (Over HTTP the same is checked before the engine runs, by {@code TaskSubmitProblemFilter}.)
 */
@Component
public class SubmissionGuard implements TaskListener {

  /** Variables the engine itself keeps on multi-instance activities. */
  static final Set<String> ENGINE_VARIABLES =
      Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");

  private final FormInputs forms;

  SubmissionGuard(FormInputs forms) {
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Input> inputs = forms.ofUserTask(task.getBpmnModelElementInstance());
    List<String> problems = new ArrayList<>();
    for (Input input : inputs.values()) {
      Object value = task.getVariable(input.key());
      if (!input.kind().accepts(value)) {
        problems.add("«" + input.label() + "» không đúng kiểu dữ liệu");
      } else if (value instanceof String s) {
        if (s.length() > Texts.MAX_STRING_VARIABLE) {
          problems.add("«" + input.label() + "» có " + Texts.thousands(s.length()) + " ký tự (tối đa "
              + Texts.thousands(Texts.MAX_STRING_VARIABLE) + " ký tự; tài liệu dài hơn xin đính kèm tệp)");
        } else if (Texts.hasControlCharacters(s)) {
          problems.add("«" + input.label() + "» chứa ký tự điều khiển không hợp lệ");
        }
      }
    }
    Set<String> undeclared = new TreeSet<>(task.getVariableNames());
    undeclared.removeAll(inputs.keySet());
    undeclared.removeAll(ENGINE_VARIABLES);
    if (!undeclared.isEmpty()) {
      // Those already stored before this completion are the process's own (an element variable of a
      // multi-instance task, a directive's figures); those that are not were sent with it.
      Set<String> stored = task.getProcessEngineServices().getRuntimeService().createVariableInstanceQuery()
          .processInstanceIdIn(task.getProcessInstanceId()).variableNameIn(undeclared.toArray(String[]::new)).list()
          .stream().map(v -> v.getName()).collect(Collectors.toSet());
      undeclared.removeAll(stored);
      if (!undeclared.isEmpty()) {
        problems.add("biểu mẫu này không có trường " + String.join(", ", undeclared));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Nội dung gửi không hợp lệ: " + String.join("; ", problems)
          + ". Chưa có gì được ghi nhận.");
    }
  }
}
