package vn.cascade.reminder;

import java.util.Date;
import vn.cascade.common.ProcessVariable;

/**
 * The chase loop that sits beside every task with a deadline (report, summary, report back):
 * its element ids and variables, the same in the three models.
 */
public final class ChaseProcess {

  public static final String TASK_PLAN_NEXT_NOTIFICATION = "Task_PlanNextNotification";
  public static final String EVENT_NOTIFICATION_DUE = "Event_NotificationDue";
  public static final String TASK_SEND_NOTIFICATION = "Task_SendNotification";

  public static final ProcessVariable<String> CHASE_SUBJECT = ProcessVariable.of("chaseSubject", String.class);
  public static final ProcessVariable<Long> CHASE_SUBJECT_ID = ProcessVariable.of("chaseSubjectId", Long.class);
  public static final ProcessVariable<Date> CHASE_STARTED_AT = ProcessVariable.of("chaseStartedAt", Date.class);
  public static final ProcessVariable<Date> NEXT_NOTIFICATION_AT = ProcessVariable.of("nextNotificationAt", Date.class);
  public static final ProcessVariable<String> NEXT_NOTIFICATION_KIND = ProcessVariable.of("nextNotificationKind", String.class);
  /** When the timer fires: the planned instant, or earlier under the demo's compressed time. */
  public static final ProcessVariable<Date> NEXT_NOTIFICATION_FIRES_AT = ProcessVariable.of("nextNotificationFiresAt", Date.class);
  public static final ProcessVariable<Integer> NEXT_NOTIFICATION_SEQ = ProcessVariable.of("nextNotificationSeq", Integer.class);

  private ChaseProcess() {}
}
