package vn.cascade.assignment;

import static vn.cascade.assignment.AgencyAssignmentProcess.*;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.cascade.common.ProcessVariable;
import vn.cascade.common.Texts;
import vn.cascade.directive.DirectiveRepository;

/**
 * Stores the submitted version of the agency's report in the same transaction as the task's
 * completion: nothing is lost. It then waits for review. The typed answers stop being variables.
 */
@Component
class RecordReportDelegate implements JavaDelegate {

  private static final List<ProcessVariable<String>> FIELDS =
      List.of(OVERALL_RESULT, DIFFICULTIES, PROPOSALS, COMPLETION_STATUS, CONTACT_PERSON, CONTACT_PHONE);

  private final AssignmentRepository assignments;
  private final DirectiveRepository directives;
  private final Clock clock;

  RecordReportDelegate(AssignmentRepository assignments, DirectiveRepository directives, Clock clock) {
    this.assignments = assignments;
    this.directives = directives;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Assignment a = assignments.ofProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    Map<String, Object> report = new LinkedHashMap<>();
    for (int n = 1; n <= MAX_BULLETS; n++) {
      String result = bulletResult(n).from(execution);
      if (result != null) {
        report.put(bulletResult(n).name(), Texts.nfc(result));
      }
    }
    for (ProcessVariable<String> field : FIELDS) {
      report.put(field.name(), Texts.nfc(field.from(execution)));
    }
    var who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    assignments.submitVersion(a.id(), report, clock.instant(), who == null ? null : who.getUserId());
    // Kept in Cascade's table from here on: nobody reads them as variables, and no other task sees them.
    Inputs.consume(execution, REPORT_INPUTS);
  }

  /** Every key the report form takes. */
  static final List<String> REPORT_INPUTS;

  static {
    List<String> keys = new java.util.ArrayList<>();
    for (int n = 1; n <= MAX_BULLETS; n++) {
      keys.add(bulletResult(n).name());
    }
    FIELDS.forEach(f -> keys.add(f.name()));
    REPORT_INPUTS = List.copyOf(keys);
  }
}
