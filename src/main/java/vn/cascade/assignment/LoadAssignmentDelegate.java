package vn.cascade.assignment;

import static vn.cascade.directive.DirectiveProcess.ASSIGNMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.cascade.directive.Directive;
import vn.cascade.directive.DirectiveRepository;
import vn.cascade.security.AssignmentAccess;

/**
 * Links the new instance to its assignment row (the process's start listener) and grants it to the agencies that work on it. It
 * writes no variable: every task of the instance reads the assignment from Cascade's tables by
 * process instance ({@link PrepareAssignmentTaskListener}, {@link AssignmentViews}).
 */
@Component
class LoadAssignmentDelegate implements JavaDelegate, ExecutionListener {

  private final AssignmentRepository assignments;
  private final DirectiveRepository directives;
  private final AssignmentAccess access;

  LoadAssignmentDelegate(AssignmentRepository assignments, DirectiveRepository directives, AssignmentAccess access) {
    this.assignments = assignments;
    this.directives = directives;
    this.access = access;
  }

  /** As the start listener of {@code agency-assignment}: the instance is linked before its first activity. */
  @Override
  public void notify(DelegateExecution execution) {
    execute(execution);
  }

  @Override
  public void execute(DelegateExecution execution) {
    // Linked first, then read by process instance: the tasks, the chase and the contributions read the
    // same row again in this transaction and get it from the transaction's cache.
    // The call activity's instance that started this one holds the assignment id (its element variable).
    assignments.setProcessInstance(ASSIGNMENT_ID.from(execution.getSuperExecution()), execution.getProcessInstanceId());
    Assignment a = assignments.ofProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    Directive d = directives.find(a.directiveId()).orElseThrow();
    access.grantNew(execution.getProcessInstanceId(), a.agencyCode(), d.collectingAgency(),
        d.body().reviewingAgencyOrDefault());
  }
}
