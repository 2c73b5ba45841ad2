package vn.cascade.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cascade.common.VnDates;

/** When the morning run's timer fires: 08:00 Asia/Ho_Chi_Minh whatever the server's zone; every 10 s compressed. */
class MorningDigestScheduleTest {

  private static final ReminderSettings SETTINGS = new ReminderSettings(List.of(7, 3, 1), LocalTime.of(8, 0), 2, 3,
      "R5/PT5M", "http://localhost/", "vp-ubnd", "lanh-dao-ubnd", "Cascade <khong-tra-loi@cascade.example>",
      Duration.ofMinutes(10), true, true);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), VnDates.ZONE);

  @Test
  void theCronOfTheServersZoneSaysEightOClockInHoChiMinhCity() {
    String cron = new MorningDigestSchedule(new TimeCompression(0), SETTINGS, CLOCK).getCycle();
    String[] fields = cron.split(" ");
    assertThat(fields).hasSize(6);
    assertThat(fields[0]).isEqualTo("0");
    LocalTime serverTime = LocalTime.of(Integer.parseInt(fields[2]), Integer.parseInt(fields[1]));
    LocalTime inHoChiMinhCity = LocalDate.of(2026, 12, 2).atTime(serverTime).atZone(ZoneId.systemDefault())
        .withZoneSameInstant(VnDates.ZONE).toLocalTime();
    assertThat(inHoChiMinhCity).isEqualTo(LocalTime.of(8, 0));
  }

  @Test
  void withCompressedTimeTheRunComesEveryTenSeconds() {
    assertThat(new MorningDigestSchedule(new TimeCompression(1), SETTINGS, CLOCK).getCycle()).isEqualTo("R/PT10S");
  }
}
