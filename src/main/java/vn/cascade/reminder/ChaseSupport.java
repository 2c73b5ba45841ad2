package vn.cascade.reminder;

import org.springframework.stereotype.Component;

/** What the morning run's BPMN reads by expression: {@code ${chaseSupport.retryCycle}} for failed sends. */
@Component("chaseSupport")
public class ChaseSupport {

  private final ReminderSettings settings;

  ChaseSupport(ReminderSettings settings) {
    this.settings = settings;
  }

  public String getRetryCycle() {
    return settings.retryCycle();
  }
}
