package vn.cascade.assignment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.cascade.directive.CollectionService;

/**
 * After its own transaction committed the report: if the collection is already open, the report
 * reaches the collector's task too. Runs as a job, so a conflict with another report is retried.
 */
@Component
class DeliverReportToCollectorDelegate implements JavaDelegate {

  private final AssignmentRepository assignments;
  private final CollectionService collection;

  DeliverReportToCollectorDelegate(AssignmentRepository assignments, CollectionService collection) {
    this.assignments = assignments;
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Assignment a = assignments.ofProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    collection.deliverLateReport(a.directiveId());
  }
}
