package vn.cascade.directive;

import static vn.cascade.directive.DirectiveProcess.*;

import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Records the approved summary and tells the Conclusion's process, if the directive runs inside
 * one, so that Văn phòng UBND can report back to the Party. Open assignments keep running.
 */
@Component
class NotifySummaryApprovedDelegate implements JavaDelegate {

  private final DirectiveRepository directives;
  private final RuntimeService runtimeService;
  private final Clock clock;

  NotifySummaryApprovedDelegate(DirectiveRepository directives, RuntimeService runtimeService, Clock clock) {
    this.clock = clock;
    this.directives = directives;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = directives.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow().id();
    directives.markSummaryApproved(id, SUMMARY_NUMBER.from(execution), clock.instant());
    ProcessInstance parent = runtimeService.createProcessInstanceQuery()
        .subProcessInstanceId(execution.getProcessInstanceId()).singleResult();
    if (parent != null) {
      runtimeService.createMessageCorrelation(MESSAGE_SUMMARY_APPROVED)
          .processInstanceId(parent.getId())
          .setVariables(variables(execution))
          .correlateWithResult();
    }
  }

  /** The summary's number and its cover note (optional: the summary itself is the approved document). */
  private static Map<String, Object> variables(DelegateExecution execution) {
    Map<String, Object> v = new java.util.HashMap<>();
    v.put(SUMMARY_NUMBER.name(), SUMMARY_NUMBER.from(execution));
    v.put(SUMMARY_TEXT.name(), SUMMARY_TEXT.from(execution));
    return v;
  }
}
