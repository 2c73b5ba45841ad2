package vn.cascade.reminder;

import java.util.Set;

/**
 * The chase loop that sits beside the collector's summary and the report back: its element ids.
 * What it chases and its plan are in Cascade's tables ({@link ChasePlans}), found by process instance,
 * not in variables. An agency's report has no loop: the morning digest ({@link MorningDigest}) sends
 * its reminders and urgings from its plan.
 */
public final class ChaseProcess {

  public static final String EVENT_COLLECTING_NOTIFICATION_DUE = "Event_CollectingNotificationDue";
  public static final String TASK_SEND_COLLECTING_NOTIFICATION = "Task_SendCollectingNotification";

  /** The chase timers of the directive and party-conclusion models. */
  public static final Set<String> TIMER_EVENTS =
      Set.of(EVENT_COLLECTING_NOTIFICATION_DUE, "Event_ReportBackNotificationDue");

  private ChaseProcess() {}
}
