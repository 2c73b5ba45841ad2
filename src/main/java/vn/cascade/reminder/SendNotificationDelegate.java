package vn.cascade.reminder;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.cascade.reminder.NotificationPlanner.Planned;

/**
 * Sends the notification whose time came in a chase loop (the collector's summary, the report back; an agency's
 * reminders and urgings go out in the morning digest, {@link MorningDigest}); the M-th urging also tells the leadership. Runs as a
 * job behind an async boundary: a mail server failure is retried and never rolls back anyone's work.
 * What is chased and which notification is due are read from Cascade's tables by process instance.
 */
@Component
class SendNotificationDelegate implements JavaDelegate {

  private final ChaseTargets targets;
  private final ChasePlans plans;
  private final NotificationSender sender;
  private final OverdueMarker overdue;
  private final ReminderSettings settings;

  SendNotificationDelegate(ChaseTargets targets, ChasePlans plans, NotificationSender sender, OverdueMarker overdue,
      ReminderSettings settings) {
    this.targets = targets;
    this.plans = plans;
    this.sender = sender;
    this.overdue = overdue;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChaseTarget target = targets.ofProcess(execution.getProcessDefinitionId(), execution.getProcessInstanceId());
    Planned due = plans.find(target.subject(), target.id()).orElseThrow(
        () -> new IllegalStateException("No chase plan for " + target.subject() + " " + target.id())).next();
    ChasePlans.markPlannedBefore(execution);
    if (due.kind() == NotificationKind.URGING) {
      overdue.mark(target);
    }
    sender.send(target, due.kind(), due.sequence(), due.at());
    if (due.kind() == NotificationKind.URGING && due.sequence() == settings.urgingsBeforeEscalation()) {
      sender.send(target, NotificationKind.ESCALATION, 1, due.at());
    }
  }
}
