package vn.cascade.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import vn.cascade.common.VnDates;

/**
 * When the morning run starts ({@code ${morningDigestSchedule.cycle}} in {@code morning-digest}'s timer, read
 * when the model is deployed, so nothing here needs the engine).
 */
@Component("morningDigestSchedule")
public class MorningDigestSchedule {

  private final TimeCompression compression;
  private final ReminderSettings settings;
  private final Clock clock;

  MorningDigestSchedule(TimeCompression compression, ReminderSettings settings, Clock clock) {
    this.compression = compression;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Every day at the send time in Asia/Ho_Chi_Minh, written in the server's zone (the engine reads cron
   * in the JVM's zone); the run itself skips days that are not working days. With compressed time, once
   * per compressed hour (at least every 10 s).
   */
  public String getCycle() {
    if (compression.active()) {
      long seconds = Math.max(10, compression.fireAt(Instant.EPOCH.plus(1, ChronoUnit.HOURS), Instant.EPOCH)
          .getEpochSecond());
      return "R/PT" + seconds + "S";
    }
    ZonedDateTime local = LocalDate.now(clock).atTime(settings.sendAt()).atZone(VnDates.ZONE)
        .withZoneSameInstant(ZoneId.systemDefault());
    return "0 " + local.getMinute() + " " + local.getHour() + " * * ?";
  }
}
