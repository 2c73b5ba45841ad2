package vn.cascade.assignment;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.cascade.directive.DirectiveRepository;

/** The reviewer accepted: the assignment is reported, dated by the accepted version's submission. */
@Component
class AcceptReportDelegate implements JavaDelegate {

  private final AssignmentRepository assignments;
  private final DirectiveRepository directives;
  private final Clock clock;

  AcceptReportDelegate(AssignmentRepository assignments, DirectiveRepository directives, Clock clock) {
    this.assignments = assignments;
    this.directives = directives;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Assignment a = assignments.ofProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    var who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    assignments.accept(a.id(), who == null ? null : who.getUserId(), clock.instant(),
        AgencyAssignmentProcess.REVIEW_COMMENT.from(execution),
        directives.find(a.directiveId()).orElseThrow().collectionOpenedAt());
    Inputs.consume(execution, ReturnReportDelegate.REVIEW_INPUTS);
  }
}
