package vn.cascade.directive;

import static vn.cascade.directive.DirectiveProcess.*;

import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.cascade.common.VnDates;
import vn.cascade.reminder.TimeCompression;

/** Creates the directive's assignments and puts its deadlines on the process. */
@Component
class PrepareAssignmentsDelegate implements JavaDelegate {

  private final DirectiveService directives;
  private final TimeCompression compression;
  private final Clock clock;

  PrepareAssignmentsDelegate(DirectiveService directives, TimeCompression compression, Clock clock) {
    this.directives = directives;
    this.compression = compression;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = DIRECTIVE_ID.from(execution);
    directives.createAssignments(id, execution.getProcessInstanceId());
    Directive d = directives.get(id);
    // What the BPMN reads (task names, the deadline timer, due dates, the collector, the gateway).
    // What the forms show is DirectiveViews, from the tables.
    DIRECTIVE_NUMBER.set(execution, d.number());
    // The collection opens at the reporting deadline (earlier under the demo's compressed time).
    REPORT_DEADLINE.set(execution, Date.from(compression.fireAt(VnDates.dueBefore(d.reportDeadline()), clock.instant())));
    SUMMARY_DEADLINE.set(execution, VnDates.dueBeforeAsDate(d.summaryDeadline()));
    COLLECTING_AGENCY.set(execution, d.collectingAgency());
    COLLECTION_OPENED.set(execution, false);
  }
}
