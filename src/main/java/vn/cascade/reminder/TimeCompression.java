package vn.cascade.reminder;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The opt-in demo setting {@code cascade.demo.minutes-per-day}: one day of the cascade lasts
 * that many minutes, so that a newcomer sees reminders and urgings within minutes. Off (0) by
 * default: timers fire at the real instants. Mails still speak of the real calendar dates.
 */
@Component
public class TimeCompression {

  private static final long MINUTES_PER_DAY = Duration.ofDays(1).toMinutes();

  private final int minutesPerDay;

  public TimeCompression(@Value("${cascade.demo.minutes-per-day:0}") int minutesPerDay) {
    if (minutesPerDay < 0 || minutesPerDay > MINUTES_PER_DAY) {
      throw new IllegalArgumentException("cascade.demo.minutes-per-day must be between 0 and 1440");
    }
    this.minutesPerDay = minutesPerDay;
  }

  public boolean active() {
    return minutesPerDay > 0;
  }

  /** When a timer planned for {@code planned} fires, counting compressed time from {@code origin}. */
  public Instant fireAt(Instant planned, Instant origin) {
    if (!active() || !planned.isAfter(origin)) {
      return planned;
    }
    long realMillis = Duration.between(origin, planned).toMillis();
    return origin.plusMillis(realMillis * minutesPerDay / MINUTES_PER_DAY);
  }
}
