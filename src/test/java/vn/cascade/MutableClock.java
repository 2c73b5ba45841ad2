package vn.cascade;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import vn.cascade.common.VnDates;

/** A clock tests can set; it follows the system clock until told otherwise. */
public class MutableClock extends Clock {

  private volatile Instant fixed;

  public void set(Instant instant) {
    this.fixed = instant;
  }

  public void reset() {
    this.fixed = null;
  }

  @Override
  public ZoneId getZone() {
    return VnDates.ZONE;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    Instant f = fixed;
    return f == null ? Instant.now() : f;
  }
}
