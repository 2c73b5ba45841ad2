package vn.cascade.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Service;
import vn.cascade.reminder.ChasePlans.Plan;
import vn.cascade.reminder.NotificationPlanner.Planned;

/**
 * When a deadline moves (an extension), the chase waiting on it is planned again from now: the next
 * reminder or urging follows the new deadline. No chase has a timer: the morning digest reads the plan,
 * so the moved plan takes the item off the digests of the old deadline and puts it on those of the new one.
 */
@Service
public class ReminderRetimer {

  private final ChaseTargets targets;
  private final NotificationPlanner planner;
  private final Clock clock;
  private final TimeCompression compression;
  private final ChasePlans plans;

  ReminderRetimer(ChaseTargets targets, NotificationPlanner planner, Clock clock, TimeCompression compression,
      ChasePlans plans) {
    this.compression = compression;
    this.targets = targets;
    this.planner = planner;
    this.clock = clock;
    this.plans = plans;
  }

  /** @return the instant the next notification is now due, or null if no chase waits in that process */
  public Date retime(String processInstanceId, ChaseSubject subject, long id) {
    Plan plan = plans.find(subject, id).orElse(null);
    if (plan == null) {
      return null;
    }
    Instant now = clock.instant();
    Planned next = planner.next(targets.resolve(subject, id), now, null);
    Instant firesAt = compression.fireAt(next.at(), now);
    plans.save(new Plan(subject, id, processInstanceId, plan.startedAt(), next, firesAt), true);
    return Date.from(firesAt);
  }
}
