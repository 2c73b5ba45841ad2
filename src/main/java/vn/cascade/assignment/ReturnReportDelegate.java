package vn.cascade.assignment;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The reviewer returned the report: the version keeps the reason; the agency gets its task back. */
@Component
class ReturnReportDelegate implements JavaDelegate {

  private final AssignmentRepository assignments;
  private final Clock clock;

  ReturnReportDelegate(AssignmentRepository assignments, Clock clock) {
    this.assignments = assignments;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Assignment a = assignments.ofProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    var who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    assignments.returnForRevision(a.id(), who == null ? null : who.getUserId(), clock.instant(),
        AgencyAssignmentProcess.REVIEW_COMMENT.from(execution));
    Inputs.consume(execution, REVIEW_INPUTS);
  }

  static final java.util.List<String> REVIEW_INPUTS = java.util.List.of(
      AgencyAssignmentProcess.REVIEW_DECISION.name(), AgencyAssignmentProcess.REVIEW_COMMENT.name());
}
