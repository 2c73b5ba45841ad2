package vn.cascade.common;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation of an approval task its decision starts blank. On completion: the decision must be "approve" or "return", a return needs
 * a comment, and the comment is handed to the task that gets the work back.
 */
@Component
public class DecisionListener implements TaskListener {

  public static final String APPROVE = "approve";
  public static final String RETURN = "return";

  /** Per approval task: the decision variable, the comment variable, the variable the returned task shows. */
  record Decision(String decision, String comment, String returnComment, String approveValue) {
    Decision(String decision, String comment, String returnComment) {
      this(decision, comment, returnComment, APPROVE);
    }
  }

  private static final Map<String, Decision> BY_TASK = Map.of(
      "Task_ApproveDirective", new Decision("directiveDecision", "approvalComment", "draftReturnComment"),
      "Task_ApproveSummary", new Decision("summaryDecision", "summaryComment", "summaryReturnComment"),
      "Task_ApproveReportBack", new Decision("reportBackDecision", "reportBackComment", "reportBackReturnComment"),
      // The reason of a returned report is kept with the version it returned (AssignmentViews shows it).
      "Task_ReviewReport", new Decision("reviewDecision", "reviewComment", null, "accept"));

  /** Whether the approval task's decision, already checked on completion, is to approve. */
  public static boolean approved(DelegateTask task) {
    Decision d = of(task);
    return d.approveValue().equals(task.getVariable(d.decision()));
  }

  /** The comment typed with the approval task's decision, or null. */
  public static String comment(DelegateTask task) {
    Object comment = task.getVariable(of(task).comment());
    return comment == null ? null : comment.toString();
  }

  private static Decision of(DelegateTask task) {
    Decision d = BY_TASK.get(task.getTaskDefinitionKey());
    if (d == null) {
      throw new IllegalStateException("No decision is defined for task " + task.getTaskDefinitionKey());
    }
    return d;
  }

  @Override
  public void notify(DelegateTask task) {
    Decision d = of(task);
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      // A new round starts blank: last round's choice and comment must not be submitted again by a click.
      for (String name : new String[] {d.decision(), d.comment()}) {
        if (task.hasVariable(name)) {
          task.removeVariable(name);
        }
      }
      return;
    }
    Object decision = task.getVariable(d.decision());
    Object comment = task.getVariable(d.comment());
    if (RETURN.equals(decision)) {
      if (comment == null || comment.toString().isBlank()) {
        throw new IllegalArgumentException("Khi trả lại, vui lòng ghi rõ lý do để bên nhận chỉnh sửa.");
      }
      if (d.returnComment() != null) {
        task.getExecution().getProcessInstance().setVariable(d.returnComment(), Texts.fitVariable(comment.toString()));
      }
    } else if (d.approveValue().equals(decision)) {
      if (d.returnComment() != null && task.hasVariable(d.returnComment())) {
        task.getExecution().getProcessInstance().removeVariable(d.returnComment());
      }
    } else {
      throw new IllegalArgumentException("Vui lòng chọn Phê duyệt hoặc Trả lại.");
    }
  }
}
