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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cascade.directive.DirectiveDraft;

/**
 * The demo profile (the default): one user per agency (id = agency code, password "demo") and
 * the Đồng Nai case loaded on first start. The case is written for the 2020 directory; on a
 * directory without its agencies (Đồng Nai after 1 July 2025) the users are made and the case is
 * left out, with a warning naming what is missing.
 */
@Component
@Profile("demo")
@Order(20)
class DemoRunner implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoRunner.class);

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
    List<String> missing = unknownAgencies(loader.read(), directory);
    if (!missing.isEmpty()) {
      LOG.warn("Demo case {} not loaded: the agency directory of {} has no {}", loader.file(), directory.province(),
          String.join(", ", missing));
      return;
    }
    loader.loadIfAbsent(LocalDate.now(clock));
  }

  /** The agencies and groups the case's directive names that the directory does not have, in order. */
  static List<String> unknownAgencies(DemoCase demo, AgencyDirectory directory) {
    DirectiveDraft d = demo.directive();
    Set<String> missing = new LinkedHashSet<>();
    for (String code : Stream.of(d.collectingAgencyOrDefault(), d.reviewingAgency(), d.monitoringAgency())
        .filter(Objects::nonNull).toList()) {
      if (!directory.exists(code)) {
        missing.add(code);
      }
    }
    for (DirectiveDraft.Item item : d.items()) {
      item.agencies().stream().filter(s -> !directory.isValidSelector(s)).forEach(missing::add);
      item.bullets().stream().flatMap(b -> b.coordinating().stream()).filter(c -> !directory.exists(c))
          .forEach(missing::add);
    }
    return List.copyOf(missing);
  }
}
