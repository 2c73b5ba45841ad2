package vn.cascade.demo;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The demo profile (the default): one user per agency (id = agency code, password "demo") and
 * the Đồng Nai case loaded on first start.
 */
@Component
@Profile("demo")
@Order(20)
class DemoRunner implements ApplicationRunner {

  static final String DEMO_PASSWORD = "demo";

  private final AgencyDirectory directory;
  private final IdentityService identityService;
  private final DemoCaseLoader loader;
  private final Clock clock;

  DemoRunner(AgencyDirectory directory, IdentityService identityService, DemoCaseLoader loader, Clock clock) {
    this.clock = clock;
    this.directory = directory;
    this.identityService = identityService;
    this.loader = loader;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Agency agency : directory.all()) {
      if (identityService.createUserQuery().userId(agency.code()).count() == 0) {
        User user = identityService.newUser(agency.code());
        user.setFirstName("Cán bộ");
        user.setLastName(agency.shortName());
        user.setEmail(agency.email());
        user.setPassword(DEMO_PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(agency.code(), agency.code());
      }
    }
    loader.loadIfAbsent(LocalDate.now(clock));
  }
}
