package vn.cascade.reminder;

import static vn.cascade.reminder.ChaseProcess.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.cascade.reminder.NotificationPlanner.Planned;

/** Sets the timer of the chase loop to the next reminder or urging. */
@Component
class PlanNextNotificationDelegate implements JavaDelegate {

  private final ChaseTargets targets;
  private final NotificationPlanner planner;
  private final TimeCompression compression;

  PlanNextNotificationDelegate(ChaseTargets targets, NotificationPlanner planner, TimeCompression compression) {
    this.targets = targets;
    this.planner = planner;
    this.compression = compression;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChaseTarget target = targets.resolve(ChaseSubject.valueOf(CHASE_SUBJECT.from(execution)),
        CHASE_SUBJECT_ID.from(execution));
    String lastKind = NEXT_NOTIFICATION_KIND.from(execution);
    Planned last = lastKind == null ? null : new Planned(NotificationKind.valueOf(lastKind),
        NEXT_NOTIFICATION_SEQ.from(execution), NEXT_NOTIFICATION_AT.from(execution).toInstant());
    var startedAt = CHASE_STARTED_AT.from(execution).toInstant();
    Planned next = planner.next(target, startedAt, last);
    NEXT_NOTIFICATION_KIND.set(execution, next.kind().name());
    NEXT_NOTIFICATION_SEQ.set(execution, next.sequence());
    NEXT_NOTIFICATION_AT.set(execution, Date.from(next.at()));
    NEXT_NOTIFICATION_FIRES_AT.set(execution, Date.from(compression.fireAt(next.at(), startedAt)));
  }
}
