package vn.cascade.assignment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.cascade.directive.CollectionService;

/**
 * After its own transaction committed the report: if the collection is already open, the report
 * reaches the collector's task too. Runs as a job, so a conflict with another report is retried:
 * when several reports of one directive arrive at once, their jobs join the same multi-instance
 * and all but one meet an optimistic-locking conflict, retried after
 * {@code cascade.assignment.deliver-retry-cycle} (the engine does not count a conflict against
 * the retries).
 */
@Component
public class DeliverReportToCollectorDelegate implements JavaDelegate {

  private final AssignmentRepository assignments;
  private final CollectionService collection;
  private final String retryCycle;

  DeliverReportToCollectorDelegate(AssignmentRepository assignments, CollectionService collection,
      @Value("${cascade.assignment.deliver-retry-cycle:R10/PT30S}") String retryCycle) {
    this.assignments = assignments;
    this.collection = collection;
    this.retryCycle = retryCycle;
  }

  /** {@code ${deliverReportToCollectorDelegate.retryCycle}} in the model. */
  public String getRetryCycle() {
    return retryCycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Assignment a = assignments.ofProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    collection.deliverLateReport(a.directiveId());
  }
}
