package vn.cascade.conclusion;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The report back to Ban Thường vụ Tỉnh ủy is approved: the Conclusion is answered. */
@Component
class RecordReportBackDelegate implements JavaDelegate {

  private final ConclusionRepository conclusions;
  private final Clock clock;

  RecordReportBackDelegate(ConclusionRepository conclusions, Clock clock) {
    this.clock = clock;
    this.conclusions = conclusions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    conclusions.recordReportBack(
        conclusions.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow().id(),
        PartyConclusionProcess.REPORT_BACK_NUMBER.from(execution), clock.instant());
  }
}
