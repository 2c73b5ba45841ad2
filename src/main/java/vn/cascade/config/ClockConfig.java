package vn.cascade.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.cascade.common.VnDates;

/** The one clock Cascade's own code reads "now" from, so tests can move time. */
@Configuration
class ClockConfig {

  @Bean
  Clock clock() {
    return Clock.system(VnDates.ZONE);
  }
}
