package vn.cascade.reminder;

import static vn.cascade.reminder.ChaseProcess.*;

import java.time.Clock;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;
import vn.cascade.reminder.NotificationPlanner.Planned;

/**
 * When a deadline moves (an extension), the chase waiting on it is planned again from now: the
 * next reminder or urging follows the new deadline.
 */
@Service
public class ReminderRetimer {

  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final ChaseTargets targets;
  private final NotificationPlanner planner;
  private final Clock clock;
  private final TimeCompression compression;

  ReminderRetimer(RuntimeService runtimeService, ManagementService managementService, ChaseTargets targets,
      NotificationPlanner planner, Clock clock, TimeCompression compression) {
    this.compression = compression;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.targets = targets;
    this.planner = planner;
    this.clock = clock;
  }

  /** @return the instant the next notification is now due, or null if no chase waits in that process */
  public Date retime(String processInstanceId, ChaseSubject subject, long id) {
    for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
      Object chased = runtimeService.getVariable(job.getExecutionId(), CHASE_SUBJECT.name());
      Object chasedId = runtimeService.getVariable(job.getExecutionId(), CHASE_SUBJECT_ID.name());
      if (subject.name().equals(chased) && Long.valueOf(id).equals(chasedId)) {
        Planned next = planner.next(targets.resolve(subject, id), clock.instant(), null);
        Date firesAt = Date.from(compression.fireAt(next.at(), clock.instant()));
        runtimeService.setVariables(job.getExecutionId(), Map.of(
            NEXT_NOTIFICATION_KIND.name(), next.kind().name(),
            NEXT_NOTIFICATION_SEQ.name(), next.sequence(),
            NEXT_NOTIFICATION_AT.name(), Date.from(next.at()),
            NEXT_NOTIFICATION_FIRES_AT.name(), firesAt));
        managementService.setJobDuedate(job.getId(), firesAt);
        return firesAt;
      }
    }
    return null;
  }
}
