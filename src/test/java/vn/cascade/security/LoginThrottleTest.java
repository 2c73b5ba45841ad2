package vn.cascade.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.cascade.MutableClock;

/** The numbers of the login throttle, and that it keeps users and addresses apart. */
class LoginThrottleTest {

  private final MutableClock clock = new MutableClock();
  private final LoginThrottle throttle =
      new LoginThrottle(clock, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(15));

  @Test
  void theWaitDoublesFromOneSecondUpToFiveMinutes() {
    assertThat(throttle.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(throttle.delayAfter(9)).isEqualTo(Duration.ofSeconds(256));
    assertThat(throttle.delayAfter(10)).isEqualTo(Duration.ofMinutes(5));
    assertThat(throttle.delayAfter(1_000_000)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void wrongPasswordsFromOneAddressDoNotSlowTheSameUserElsewhereNorAnotherUser() {
    clock.set(Instant.parse("2026-12-01T01:00:00Z"));
    for (int i = 0; i < 20; i++) {
      throttle.failed("so-yt", "203.0.113.9");
    }
    assertThat(throttle.remainingWait("so-yt", "203.0.113.9")).isEqualTo(Duration.ofMinutes(5));
    assertThat(throttle.remainingWait("so-yt", "10.0.0.5")).isZero();
    assertThat(throttle.remainingWait("ca-tinh", "203.0.113.9")).isZero();
    clock.set(clock.instant().plus(Duration.ofMinutes(5)));
    assertThat(throttle.remainingWait("so-yt", "203.0.113.9")).as("every wait ends by itself").isZero();
  }

  @Test
  void theRightPasswordOrAQuarterOfAnHourClearsTheCount() {
    clock.set(Instant.parse("2026-12-01T01:00:00Z"));
    throttle.failed("so-yt", "a");
    throttle.failed("so-yt", "a");
    throttle.succeeded("so-yt", "a");
    throttle.failed("so-yt", "a");
    assertThat(throttle.remainingWait("so-yt", "a")).isEqualTo(Duration.ofSeconds(1));
    throttle.failed("so-yt", "a");
    clock.set(clock.instant().plus(Duration.ofMinutes(16)));
    throttle.failed("so-yt", "a");
    assertThat(throttle.remainingWait("so-yt", "a")).isEqualTo(Duration.ofSeconds(1));
  }
}
