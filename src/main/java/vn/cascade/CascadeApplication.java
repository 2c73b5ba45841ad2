package vn.cascade;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import vn.cascade.common.VnDates;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CascadeApplication {

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(VnDates.ZONE));
    SpringApplication.run(CascadeApplication.class, args);
  }
}
