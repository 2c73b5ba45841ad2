package vn.cascade.assignment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cascade.common.VnDates;
import vn.cascade.reminder.ChaseSubject;
import vn.cascade.reminder.ReminderRetimer;

/** Moves an assignment's deadline in force: the task's due date and its reminders follow. */
@Service
public class AssignmentDeadlines {

  private final AssignmentRepository assignments;
  private final TaskService taskService;
  private final ReminderRetimer retimer;

  AssignmentDeadlines(AssignmentRepository assignments, TaskService taskService, ReminderRetimer retimer) {
    this.assignments = assignments;
    this.taskService = taskService;
    this.retimer = retimer;
  }

  @Transactional
  public void moveDeadline(long assignmentId, LocalDate newDeadline) {
    Assignment a = assignments.find(assignmentId).orElseThrow();
    assignments.changeDeadline(assignmentId, newDeadline);
    Date due = VnDates.dueBeforeAsDate(newDeadline);
    Date followUp = Date.from(VnDates.dueBefore(newDeadline).minus(3, ChronoUnit.DAYS));
    // A report task created later (after a return) reads the new deadline from the table.
    Task task = taskService.createTaskQuery().processInstanceId(a.processInstanceId())
        .taskDefinitionKey(AgencyAssignmentProcess.TASK_REPORT_RESULTS).singleResult();
    if (task != null) {
      task.setDueDate(due);
      task.setFollowUpDate(followUp);
      taskService.saveTask(task);
    }
    retimer.retime(a.processInstanceId(), ChaseSubject.ASSIGNMENT, assignmentId);
  }
}
