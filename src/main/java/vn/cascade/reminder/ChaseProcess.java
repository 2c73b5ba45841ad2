package vn.cascade.reminder;

import java.util.Set;

/**
 * The chase loop that sits beside every task with a deadline (report, summary, report back): its
 * element ids. What it chases and its plan are in Cascade's tables ({@link ChasePlans}), found by
 * process instance, not in variables.
 */
public final class ChaseProcess {

  public static final String TASK_PLAN_NEXT_NOTIFICATION = "Task_PlanNextNotification";
  public static final String EVENT_NOTIFICATION_DUE = "Event_NotificationDue";
  public static final String TASK_SEND_NOTIFICATION = "Task_SendNotification";

  /** The chase timers of the three models. */
  public static final Set<String> TIMER_EVENTS =
      Set.of(EVENT_NOTIFICATION_DUE, "Event_CollectingNotificationDue", "Event_ReportBackNotificationDue");

  private ChaseProcess() {}
}
