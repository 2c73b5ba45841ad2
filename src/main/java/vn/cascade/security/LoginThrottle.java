package vn.cascade.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing per user <em>and</em> client address, so that nobody elsewhere can lock an
 * agency out: after the n-th wrong password in a row from one address, that user may try again from
 * that address only after {@code min(first-delay × 2^(n-1), max-delay)} (1 s, 2 s, 4 s … 5 min by
 * default). Tries during the wait are refused without checking the password and do not lengthen
 * it. The right password clears the count; so does {@code forget-after} without a wrong one.
 * Camunda's own per-user lock is off (application.yaml), so every lock ends by itself.
 * Kept in memory on each node: a restart forgets it.
 */
@Component
class LoginThrottle {

  /** Above this many remembered pairs, those whose wait has ended are dropped. */
  static final int MAX_PAIRS = 100_000;

  private record Failures(int count, Instant last, Instant until) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration firstDelay;
  private final Duration maxDelay;
  private final Duration forgetAfter;

  LoginThrottle(Clock clock,
      @Value("${cascade.login.first-delay:PT1S}") Duration firstDelay,
      @Value("${cascade.login.max-delay:PT5M}") Duration maxDelay,
      @Value("${cascade.login.forget-after:PT15M}") Duration forgetAfter) {
    this.clock = clock;
    this.firstDelay = firstDelay;
    this.maxDelay = maxDelay;
    this.forgetAfter = forgetAfter;
  }

  /** How long this user must still wait before trying from this address; zero if it may try now. */
  Duration remainingWait(String user, String address) {
    Failures f = failures.get(key(user, address));
    Instant now = clock.instant();
    return f == null || !f.until().isAfter(now) ? Duration.ZERO : Duration.between(now, f.until());
  }

  void failed(String user, String address) {
    Instant now = clock.instant();
    failures.compute(key(user, address), (k, f) -> {
      int count = f == null || f.last().plus(forgetAfter).isBefore(now) ? 1 : f.count() + 1;
      return new Failures(count, now, now.plus(delayAfter(count)));
    });
    if (failures.size() > MAX_PAIRS) {
      failures.values().removeIf(f -> !f.until().isAfter(now));
    }
  }

  void succeeded(String user, String address) {
    failures.remove(key(user, address));
  }

  Duration delayAfter(int failuresInARow) {
    int doublings = Math.min(failuresInARow - 1, 30);
    Duration delay = firstDelay.multipliedBy(1L << doublings);
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  private static String key(String user, String address) {
    return user + '\n' + (address == null ? "" : address);
  }
}
