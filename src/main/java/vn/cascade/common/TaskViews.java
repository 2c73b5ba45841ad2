package vn.cascade.common;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * What the form of a task shows and nobody edits, built from Cascade's tables each time the form
 * is opened, for the tasks of one process. Tasklist receives it as one {@code Json} value named
 * {@value #VIEW} beside the task's variables ({@code GET …/task/{id}/form-variables}); the forms'
 * Text views render it ({@code {{view.directiveNumber}}}). It is never a process variable, so no
 * submission can change it.
 */
public interface TaskViews {

  /** The name of the value the forms read. */
  String VIEW = "view";

  /** The key of the process whose tasks this builds views for. */
  String processKey();

  /**
   * @return {@value #VIEW} with what the task's form shows, and the earlier values of the form's
   *     inputs where it opens again with them (a returned report); empty for a task with no view
   */
  Map<String, Object> of(Task task);
}
