package vn.cascade.common;

import org.springframework.stereotype.Component;

/**
 * A task's name with its document's number ("Tổng hợp báo cáo — 8888/UBND-THNC"), set when the task
 * is created, while the model keeps the plain name ("Tổng hợp báo cáo"): an expression in a BPMN
 * name would be shown as written (`${directiveNumber}`) in Tasklist's diagram tab. Used in the models
 * as {@code ${task.setName(taskNames.of('Tổng hợp báo cáo — ', directiveNumber))}}.
 */
@Component("taskNames")
public class TaskNames {

  public String of(String prefix, Object number) {
    return number == null ? prefix.strip().replaceFirst("\\s*—$", "") : prefix + number;
  }
}
