package vn.cascade.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeCompressionTest {

  private final Instant origin = Instant.parse("2026-11-27T02:00:00Z");

  @Test
  void offByDefaultTimersFireAtTheRealInstant() {
    TimeCompression off = new TimeCompression(0);
    Instant planned = origin.plus(Duration.ofDays(9));
    assertThat(off.active()).isFalse();
    assertThat(off.fireAt(planned, origin)).isEqualTo(planned);
  }

  @Test
  void oneDayAsOneMinuteBringsAReminderNineDaysAwayToNineMinutes() {
    TimeCompression demo = new TimeCompression(1);
    assertThat(demo.fireAt(origin.plus(Duration.ofDays(9)), origin)).isEqualTo(origin.plus(Duration.ofMinutes(9)));
    assertThat(demo.fireAt(origin.plus(Duration.ofHours(36)), origin)).isEqualTo(origin.plusSeconds(90));
  }

  @Test
  void anInstantAlreadyPastIsLeftAlone() {
    Instant past = origin.minus(Duration.ofDays(2));
    assertThat(new TimeCompression(1).fireAt(past, origin)).isEqualTo(past);
  }

  @Test
  void aScaleBeyondADayIsRefused() {
    assertThatThrownBy(() -> new TimeCompression(2000)).hasMessageContaining("minutes-per-day");
  }
}
