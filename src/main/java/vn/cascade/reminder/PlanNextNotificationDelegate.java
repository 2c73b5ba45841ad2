package vn.cascade.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.cascade.reminder.ChasePlans.Plan;
import vn.cascade.reminder.NotificationPlanner.Planned;

/** Sets the timer of the chase loop to the next reminder or urging, and keeps the plan in Cascade's table. */
@Component
class PlanNextNotificationDelegate implements JavaDelegate {

  private final ChaseTargets targets;
  private final NotificationPlanner planner;
  private final TimeCompression compression;
  private final ChasePlans plans;
  private final Clock clock;

  PlanNextNotificationDelegate(ChaseTargets targets, NotificationPlanner planner, TimeCompression compression,
      ChasePlans plans, Clock clock) {
    this.targets = targets;
    this.planner = planner;
    this.compression = compression;
    this.plans = plans;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChaseTarget target = targets.ofProcess(execution.getProcessDefinitionId(), execution.getProcessInstanceId());
    Optional<Plan> current = ChasePlans.plannedBefore(execution) ? plans.find(target.subject(), target.id())
        : Optional.empty();
    Instant startedAt = current.map(Plan::startedAt).orElse(clock.instant());
    Planned next = planner.next(target, startedAt, current.map(Plan::next).orElse(null));
    Instant firesAt = compression.fireAt(next.at(), startedAt);
    plans.save(new Plan(target.subject(), target.id(), execution.getProcessInstanceId(), startedAt, next, firesAt),
        current.isPresent());
    ChasePlans.handToTimer(execution, firesAt);
  }
}
