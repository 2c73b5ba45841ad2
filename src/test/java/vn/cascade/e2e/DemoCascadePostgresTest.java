package vn.cascade.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.MutableClock;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.conclusion.ConclusionService;
import vn.cascade.demo.DemoCaseLoader;
import vn.cascade.directive.DirectiveRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** The same cascade on a real PostgreSQL server (embedded, from Maven Central), the postgres profile. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.eventing.execution=true", // FanOutNow listens to the end of the fan-out's preparation
    // Its own engine name: closing this context must not unregister the H2 suite's "default" engine,
    // which engine-rest and the webapps look up by name.
    "camunda.bpm.process-engine-name=postgresEndToEnd",
    // No Camunda webapps: their filters keep the last started context in a static field (see ClusterNode).
    "camunda.bpm.webapp.enabled=false",
    "camunda.bpm.admin-user.id=ops-admin",
    "camunda.bpm.admin-user.password=Mat-khau-van-hanh-2026"
})
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import({CascadeIntegrationTest.TestClock.class, vn.cascade.FanOutNow.class})
class DemoCascadePostgresTest {

  private static final EmbeddedPostgres POSTGRES = start();

  private static EmbeddedPostgres start() {
    try {
      // Embedded PostgreSQL stops its server itself when the test JVM exits.
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start (initdb refuses to run as root: "
          + "run the build as an ordinary user, as .ci/run does)", e);
    }
  }

  @DynamicPropertySource
  static void datasource(DynamicPropertyRegistry registry) {
    registry.add("DB_URL", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("DB_USER", () -> "postgres");
    registry.add("DB_PASSWORD", () -> "");
  }

  @Autowired ProcessEngine processEngine;
  @Autowired DemoCaseLoader loader;
  @Autowired ConclusionService conclusions;
  @Autowired DirectiveRepository directives;
  @Autowired AssignmentRepository assignments;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  @Test
  void theWholeDemoCascadeRunsOnPostgresqlAndNothingIsLost() {
    assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
    new DemoCascadeScenario(processEngine, loader, conclusions, directives, assignments, clock).run();
  }
}
