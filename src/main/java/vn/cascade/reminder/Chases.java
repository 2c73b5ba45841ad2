package vn.cascade.reminder;

import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.cascade.reminder.ChasePlans.Plan;
import vn.cascade.reminder.NotificationPlanner.Planned;

/**
 * Opens a chase: an agency's report, the collector's summary, the report back to the Party. No chase
 * has a timer of its own: its plan row in {@code cascade_chase} says which reminder or urging is due next
 * and when, and the morning digest ({@link MorningDigest}) sends what is due. The BPMN opens the plan
 * when the chased scope starts ({@code ${chases.open(execution)}}) and closes it when the scope ends
 * ({@code ${chasePlans.close(execution)}}): report accepted, summary submitted, report back prepared.
 */
@Component("chases")
public class Chases {

  private final ChaseTargets targets;
  private final NotificationPlanner planner;
  private final TimeCompression compression;
  private final ChasePlans plans;
  private final Clock clock;

  Chases(ChaseTargets targets, NotificationPlanner planner, TimeCompression compression, ChasePlans plans,
      Clock clock) {
    this.targets = targets;
    this.planner = planner;
    this.compression = compression;
    this.plans = plans;
    this.clock = clock;
  }

  /**
   * The first plan of the chase in this process; no row can exist yet (closing a chase deletes its row,
   * so a summary returned by the leadership starts afresh).
   */
  public void open(DelegateExecution execution) {
    ChaseTarget target = targets.ofProcess(execution.getProcessDefinitionId(), execution.getProcessInstanceId());
    Instant startedAt = clock.instant();
    Planned next = planner.next(target, startedAt, null);
    plans.save(new Plan(target.subject(), target.id(), execution.getProcessInstanceId(), startedAt, next,
        compression.fireAt(next.at(), startedAt)), false);
  }
}
