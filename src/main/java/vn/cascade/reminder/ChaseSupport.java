package vn.cascade.reminder;

import java.time.Clock;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Values the chase loop's BPMN reads by expression: {@code ${chaseSupport.now()}} when a chase
 * starts and {@code ${chaseSupport.retryCycle}} for failed sends.
 */
@Component("chaseSupport")
public class ChaseSupport {

  private final Clock clock;
  private final ReminderSettings settings;

  ChaseSupport(Clock clock, ReminderSettings settings) {
    this.clock = clock;
    this.settings = settings;
  }

  public Date now() {
    return Date.from(clock.instant());
  }

  public String getRetryCycle() {
    return settings.retryCycle();
  }
}
