package vn.cascade.reminder;

import static vn.cascade.reminder.ChaseProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the notification whose time came; the M-th urging also tells the leadership. Runs as a
 * job behind an async boundary: a mail server failure is retried and never rolls back anyone's work.
 */
@Component
class SendNotificationDelegate implements JavaDelegate {

  private final ChaseTargets targets;
  private final NotificationSender sender;
  private final OverdueMarker overdue;
  private final ReminderSettings settings;
  private final java.util.function.LongPredicate inReview;

  SendNotificationDelegate(ChaseTargets targets, NotificationSender sender, OverdueMarker overdue,
      ReminderSettings settings, vn.cascade.assignment.AssignmentRepository assignments) {
    this.inReview = id -> assignments.find(id).map(vn.cascade.assignment.Assignment::inReview).orElse(false);
    this.targets = targets;
    this.sender = sender;
    this.overdue = overdue;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChaseTarget target = targets.resolve(ChaseSubject.valueOf(CHASE_SUBJECT.from(execution)),
        CHASE_SUBJECT_ID.from(execution));
    NotificationKind kind = NotificationKind.valueOf(NEXT_NOTIFICATION_KIND.from(execution));
    int sequence = NEXT_NOTIFICATION_SEQ.from(execution);
    if (target.subject() == ChaseSubject.ASSIGNMENT && inReview.test(target.id())) {
      return; // the agency has reported; the reviewer has it: nobody is chased meanwhile
    }
    var plannedFor = NEXT_NOTIFICATION_AT.from(execution).toInstant();
    if (kind == NotificationKind.URGING) {
      overdue.mark(target);
    }
    sender.send(target, kind, sequence, plannedFor);
    if (kind == NotificationKind.URGING && sequence == settings.urgingsBeforeEscalation()) {
      sender.send(target, NotificationKind.ESCALATION, 1, plannedFor);
    }
  }
}
